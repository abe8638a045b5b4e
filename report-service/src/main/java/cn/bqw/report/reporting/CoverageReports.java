package cn.bqw.report.reporting;

import static cn.bqw.report.reporting.Assessments.HUNDRED;
import static cn.bqw.report.reporting.Assessments.PRECISION;

import cn.bqw.platform.api.Numbers;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.region.RegionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Villages by category, plan type and pilot programme, for a region (default: the root) and each
 * division directly below it, counted from the region replica.
 */
@ApplicationScoped
@Transactional
public class CoverageReports {

    @Inject
    ReportScope scope;

    @Inject
    EntityManager entityManager;

    @SuppressWarnings("unchecked")
    public Coverage coverage(String regionCode) {
        List<RegionRecord> places = scope.placesOf(regionCode);
        DivisionCode root = DivisionCode.parse(places.get(0).code()).orElseThrow();
        DivisionCode.Subtree subtree = root.subtree();
        // Villages are counted by the prefix of the level below the region (a city's counties: 6 digits).
        DivisionLevel below = root.level() == DivisionLevel.VILLAGE
                ? DivisionLevel.VILLAGE
                : DivisionLevel.values()[root.level().ordinal() + 1];
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT substring(code, 1, ?2), 'category', category, count(*) FROM region_replica
                        WHERE level = 'VILLAGE' AND active AND code >= ?1 AND code < ?3 AND category IS NOT NULL GROUP BY 1, 3
                        UNION ALL
                        SELECT substring(code, 1, ?2), 'planType', plan_type, count(*) FROM region_replica
                        WHERE level = 'VILLAGE' AND active AND code >= ?1 AND code < ?3 AND plan_type IS NOT NULL GROUP BY 1, 3
                        UNION ALL
                        SELECT substring(r.code, 1, ?2), 'pilot', p.pilot, count(*)
                        FROM region_replica r CROSS JOIN LATERAL unnest(r.pilots) AS p(pilot)
                        WHERE r.level = 'VILLAGE' AND r.active AND r.code >= ?1 AND r.code < ?3 GROUP BY 1, 3
                        UNION ALL
                        SELECT substring(code, 1, ?2), 'villages', NULL, count(*) FROM region_replica
                        WHERE level = 'VILLAGE' AND active AND code >= ?1 AND code < ?3 GROUP BY 1""")
                .setParameter(1, subtree.first())
                .setParameter(2, below.significantDigits())
                .setParameter(3, subtree.end())
                .getResultList();
        List<Coverage.RegionCoverage> coverage = new ArrayList<>();
        for (RegionRecord place : places) {
            String prefix = DivisionCode.parse(place.code()).orElseThrow().prefix();
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            long villages = 0;
            for (Object[] row : rows) {
                if (!((String) row[0]).startsWith(prefix)) {
                    continue;
                }
                long count = ((Number) row[3]).longValue();
                if ("villages".equals(row[1])) {
                    villages += count;
                } else {
                    counts.computeIfAbsent((String) row[1], k -> new TreeMap<>())
                            .merge((String) row[2], count, Long::sum);
                }
            }
            coverage.add(new Coverage.RegionCoverage(
                    place.code(),
                    place.nameZh(),
                    villages,
                    shares(counts.get("category"), villages),
                    shares(counts.get("planType"), villages),
                    shares(counts.get("pilot"), villages)));
        }
        return new Coverage(coverage, scope.freshness());
    }

    private static Map<String, Coverage.Share> shares(Map<String, Long> counts, long villages) {
        Map<String, Coverage.Share> shares = new LinkedHashMap<>();
        if (counts != null) {
            counts.forEach((name, count) -> shares.put(
                    name,
                    new Coverage.Share(
                            count,
                            villages == 0
                                    ? BigDecimal.ZERO
                                    : Numbers.reported(HUNDRED.multiply(BigDecimal.valueOf(count))
                                            .divide(BigDecimal.valueOf(villages), PRECISION)))));
        }
        return shares;
    }
}
