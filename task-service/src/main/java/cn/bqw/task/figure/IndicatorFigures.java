package cn.bqw.task.figure;

import cn.bqw.platform.events.Outbox;
import cn.bqw.task.task.Task;
import cn.bqw.task.task.TaskEvents;
import cn.bqw.task.task.TaskStatusService;
import cn.bqw.task.task.TaskView;
import cn.bqw.task.task.TaskView.IndicatorFigure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Brings each indicator-linked task's figure from report-service — the indicator's
 * value for the task's region in the year it is due, against that year's target — and works out
 * the task's status from it, so that "新建农村公厕200座" is DONE when the region's RURAL_TOILET
 * reaches its target and BEHIND when it lags the calendar. A task whose figure is unchanged is left
 * alone; one that changed is published like any other change.
 */
@ApplicationScoped
public class IndicatorFigures {

    private static final Logger LOG = Logger.getLogger(IndicatorFigures.class);

    @Inject
    ReportFigures report;

    @Inject
    TaskStatusService statuses;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Scheduled(
            every = "{bqw.tasks.figures.every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!report.configured()) {
            LOG.debug("no bqw.tasks.figures.token: indicator-linked tasks keep the figures they have");
            return;
        }
        int changed = refresh(report);
        if (changed > 0) {
            LOG.infof("%d indicator-linked tasks have a new figure from report-service", changed);
        }
    }

    /**
     * Reads every indicator-linked task's figure — a DONE one's too: a figure revised below its
     * target after all makes the task unfinished again — from {@code source}, one request per
     * region and year; how many tasks changed. A region report-service cannot answer for now is
     * skipped, its tasks keeping their figures until the next time.
     */
    public int refresh(FigureSource source) {
        List<Object[]> tasks = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery(
                        """
                        SELECT t.code, t.regionCode, t.dueDate FROM Task t
                        WHERE t.measure = 'INDICATOR' ORDER BY t.code""",
                        Object[].class)
                .getResultList());
        Map<String, Map<Integer, List<String>>> byRegionAndYear = new TreeMap<>();
        for (Object[] task : tasks) {
            byRegionAndYear
                    .computeIfAbsent((String) task[1], r -> new TreeMap<>())
                    .computeIfAbsent(((LocalDate) task[2]).getYear(), y -> new java.util.ArrayList<>())
                    .add((String) task[0]);
        }
        int changed = 0;
        for (var region : byRegionAndYear.entrySet()) {
            for (var year : region.getValue().entrySet()) {
                Map<String, IndicatorFigure> figures;
                try {
                    figures = source.figures(region.getKey(), year.getKey());
                } catch (RuntimeException e) {
                    LOG.warnf(
                            "report-service gave no figures for %s in %d (%s); its tasks keep theirs",
                            region.getKey(), year.getKey(), e.toString());
                    continue;
                }
                for (String code : year.getValue()) {
                    changed += QuarkusTransaction.requiringNew().call(() -> apply(code, figures)) ? 1 : 0;
                }
            }
        }
        return changed;
    }

    private boolean apply(String code, Map<String, IndicatorFigure> figures) {
        // Locked: the daily evaluation or a progress report may be looking at the same task.
        Task task = Task.findById(code, LockModeType.PESSIMISTIC_WRITE);
        IndicatorFigure figure = figures.get(task.indicatorCode);
        TaskView before = TaskView.of(task);
        if (figure == null || same(figure, before.figure())) {
            return false;
        }
        task.figureActual = figure.actual();
        task.figureTarget = figure.target();
        task.figureProgress = figure.progress();
        task.figureAsOf = figure.asOf();
        statuses.evaluate(task, statuses.today());
        task.stampChanged();
        task.flush();
        outbox.record(TaskEvents.UPDATED.of(code, TaskView.of(task)));
        return true;
    }

    /** Equal figures, numbers compared by value (12 and 12.0 are the same figure). */
    static boolean same(IndicatorFigure a, IndicatorFigure b) {
        return b != null
                && a.asOf().equals(b.asOf())
                && equal(a.actual(), b.actual())
                && equal(a.target(), b.target())
                && equal(a.progress(), b.progress());
    }

    private static boolean equal(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
