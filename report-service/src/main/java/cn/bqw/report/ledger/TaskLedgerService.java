package cn.bqw.report.ledger;

import cn.bqw.platform.api.Numbers;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.period.Period;
import cn.bqw.platform.region.RegionRecord;
import cn.bqw.report.aggregate.Aggregate;
import cn.bqw.report.aggregate.AggregateStore;
import cn.bqw.report.aggregate.View;
import cn.bqw.report.catalogue.IndicatorDef;
import cn.bqw.report.catalogue.Target;
import cn.bqw.report.reporting.Assessments;
import cn.bqw.report.reporting.ReportScope;
import cn.bqw.report.status.Assessment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The 督办 view of a region (default: the root), from the ledger task-service publishes. */
@ApplicationScoped
@Transactional
public class TaskLedgerService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    ReportScope scope;

    @Inject
    Assessments assessments;

    @Inject
    AggregateStore aggregates;

    @Inject
    EntityManager entityManager;

    @SuppressWarnings("unchecked")
    public TaskLedger ledger(String regionCode) {
        RegionRecord region = scope.regionOrRoot(regionCode);
        DivisionCode.Subtree subtree =
                DivisionCode.parse(region.code()).orElseThrow().subtree();
        LocalDate today = LocalDate.now(Period.PROGRAMME_ZONE);
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT t.code, t.title, t.campaign, t.region_code, t.lead_department, t.due_date, t.status,
                               t.light, t.working, t.reached, t.planned, t.unit, t.indicator_code, d.name_zh,
                               (SELECT min(o.due_date) FROM ledger_overdue o WHERE o.task_code = t.code)
                        FROM ledger_task t LEFT JOIN ledger_department d ON d.code = t.lead_department
                        WHERE t.region_code >= ?1 AND t.region_code < ?2 ORDER BY t.code""")
                .setParameter(1, subtree.first())
                .setParameter(2, subtree.end())
                .getResultList();
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Map<String, Long>> byCampaign = new TreeMap<>();
        Map<String, long[]> scores = new TreeMap<>();
        Map<String, String> departmentNames = new LinkedHashMap<>();
        List<TaskLedger.Overdue> overdue = new ArrayList<>();
        List<TaskLedger.TaskLine> lines = new ArrayList<>();
        for (Object[] row : rows) {
            String code = (String) row[0];
            String status = (String) row[6];
            String department = (String) row[4];
            LocalDate due = date(row[5]);
            LocalDate firstOverdue = date(row[14]);
            byStatus.merge(status, 1L, Long::sum);
            byCampaign.computeIfAbsent((String) row[2], c -> new TreeMap<>()).merge(status, 1L, Long::sum);
            long[] score = scores.computeIfAbsent(department, d -> new long[3]);
            score[0]++;
            score[1] += firstOverdue == null ? 1 : 0;
            score[2] += "OVERDUE".equals(status) ? 1 : 0;
            departmentNames.put(department, row[13] == null ? department : (String) row[13]);
            if ("OVERDUE".equals(status)) {
                LocalDate since = firstOverdue == null ? due : firstOverdue;
                overdue.add(new TaskLedger.Overdue(
                        code,
                        (String) row[1],
                        (String) row[3],
                        department,
                        since,
                        ChronoUnit.DAYS.between(since, today)));
            }
            String indicator = (String) row[12];
            lines.add(new TaskLedger.TaskLine(
                    code,
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    department,
                    due,
                    status,
                    (String) row[7],
                    (String) row[8],
                    (BigDecimal) row[9],
                    (BigDecimal) row[10],
                    (String) row[11],
                    indicator,
                    indicator == null ? null : figure(indicator, (String) row[3], due.getYear())));
        }
        overdue.sort(Comparator.comparingLong(TaskLedger.Overdue::daysOverdue)
                .reversed()
                .thenComparing(TaskLedger.Overdue::task));
        List<TaskLedger.DepartmentScore> departments = new ArrayList<>();
        scores.forEach((department, score) -> departments.add(new TaskLedger.DepartmentScore(
                department,
                departmentNames.get(department),
                score[0],
                score[1],
                score[2],
                Numbers.reported(HUNDRED.multiply(BigDecimal.valueOf(score[1]))
                        .divide(BigDecimal.valueOf(score[0]), MathContext.DECIMAL64)))));
        return new TaskLedger(
                region.code(), region.nameZh(), today, rows.size(), byStatus, byCampaign, departments, overdue, lines);
    }

    /** The region's figure of the indicator in the task's year, as of its latest month, against its target. */
    private Assessment figure(String indicatorCode, String regionCode, int year) {
        IndicatorDef indicator = IndicatorDef.findById(indicatorCode);
        if (indicator == null || year < 2000 || year > 2100) {
            return null;
        }
        RegionRecord region = scope.region(regionCode);
        int month = scope.month(year, null, regionCode);
        Aggregate sums = aggregates
                .readRegion(List.of(indicatorCode), year, month, "TOTAL", regionCode)
                .getOrDefault(indicatorCode, Aggregate.NONE);
        return assessments.assess(
                indicator,
                region,
                sums.in(View.ALL),
                Target.find(indicatorCode, year, regionCode),
                Assessments.expected(month));
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate local ? local : ((Date) value).toLocalDate();
    }
}
