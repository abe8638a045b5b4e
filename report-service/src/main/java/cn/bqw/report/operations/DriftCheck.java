package cn.bqw.report.operations;

import cn.bqw.platform.audit.AdminActs;
import cn.bqw.report.aggregate.AggregateKey;
import cn.bqw.report.aggregate.ApprovedUnits;
import cn.bqw.report.aggregate.Contribution;
import cn.bqw.report.aggregate.Deltas;
import cn.bqw.report.aggregate.SeriesScan;
import cn.bqw.report.aggregate.View;
import cn.bqw.report.catalogue.IndicatorDef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Recomputes every aggregate from the facts, series by series, the way the projection builds them
 * incrementally, and lists each stored row that differs. Incremental upkeep that never drifted
 * answers no differences.
 */
@ApplicationScoped
public class DriftCheck {

    @Inject
    AdminActs acts;

    @Inject
    EntityManager entityManager;

    @Transactional
    @SuppressWarnings("unchecked")
    public DriftReport run() {
        Map<String, IndicatorDef> indicators = new HashMap<>();
        IndicatorDef.<IndicatorDef>listAll().forEach(i -> indicators.put(i.code, i));
        Deltas expected = new Deltas();
        ApprovedUnits units = ApprovedUnits.load(entityManager, null, null);
        List<Object[]> facts = entityManager
                .createNativeQuery(
                        "SELECT " + SeriesScan.COLUMNS + " FROM fact ORDER BY indicator_code, region_code, area, year")
                .getResultList();
        SeriesScan scan = new SeriesScan(indicators, units);
        facts.forEach(row -> scan.accept(row, expected));
        scan.finish(expected);
        Map<AggregateKey, Contribution> stored = new TreeMap<>();
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT indicator_code, year, month, area, region_code, value, numerator, denominator,
                               weighted, weight, reporters, approved, view
                        FROM aggregate""")
                .getResultList();
        for (Object[] row : rows) {
            stored.put(
                    new AggregateKey(
                            (String) row[0],
                            ((Number) row[1]).intValue(),
                            ((Number) row[2]).intValue(),
                            (String) row[3],
                            (String) row[4],
                            View.valueOf((String) row[12])),
                    new Contribution(
                            (BigDecimal) row[5],
                            (BigDecimal) row[6],
                            (BigDecimal) row[7],
                            (BigDecimal) row[8],
                            (BigDecimal) row[9],
                            ((Number) row[10]).longValue(),
                            ((Number) row[11]).longValue()));
        }
        List<DriftReport.Difference> differences = new ArrayList<>();
        TreeSet<AggregateKey> keys = new TreeSet<>(expected.rows().keySet());
        keys.addAll(stored.keySet());
        for (AggregateKey key : keys) {
            Contribution want = expected.rows().getOrDefault(key, Contribution.NONE);
            Contribution have = stored.getOrDefault(key, Contribution.NONE);
            if (!want.minus(have).isZero()) {
                differences.add(new DriftReport.Difference(
                        key.indicator(),
                        key.year(),
                        key.month(),
                        key.area(),
                        key.region(),
                        key.view().name(),
                        want,
                        have));
            }
        }
        DriftReport report = new DriftReport(
                OffsetDateTime.now(ZoneOffset.UTC), facts.size(), rows.size(), differences, villageCountDifferences());
        acts.record(
                "drift-check",
                null,
                null,
                "%d facts, %d aggregates: %d differences, %d active-village differences"
                        .formatted(
                                report.facts(),
                                report.aggregates(),
                                differences.size(),
                                report.activeVillageDifferences().size()));
        return report;
    }

    /** The kept counts of active villages against a count of the replica's villages under each division. */
    @SuppressWarnings("unchecked")
    private List<DriftReport.VillageCountDifference> villageCountDifferences() {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        WITH counted AS (
                          SELECT rpad(substr(code, 1, digits), 12, '0') AS region_code, count(*) AS villages
                          FROM region_replica, (VALUES (2), (4), (6), (9)) AS levels (digits)
                          WHERE level = 'VILLAGE' AND active GROUP BY 1)
                        SELECT coalesce(c.region_code, k.region_code), coalesce(c.villages, 0), coalesce(k.villages, 0)
                        FROM counted c FULL JOIN active_villages k ON k.region_code = c.region_code
                        WHERE coalesce(c.villages, 0) <> coalesce(k.villages, 0)
                        ORDER BY 1""")
                .getResultList();
        return rows.stream()
                .map(row -> new DriftReport.VillageCountDifference(
                        (String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                .toList();
    }
}
