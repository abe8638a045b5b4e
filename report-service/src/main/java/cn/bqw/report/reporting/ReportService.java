package cn.bqw.report.reporting;

import cn.bqw.platform.api.Numbers;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.division.RegionRecord;
import cn.bqw.platform.division.RegionReplica;
import cn.bqw.platform.period.Period;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.report.aggregate.Aggregate;
import cn.bqw.report.aggregate.AggregateStore;
import cn.bqw.report.aggregate.Contribution;
import cn.bqw.report.aggregate.View;
import cn.bqw.report.catalogue.IndicatorDef;
import cn.bqw.report.catalogue.Target;
import cn.bqw.report.status.Assessment;
import cn.bqw.report.status.StatusRules;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Answers reports from the aggregates alone: one aggregate row per (indicator, region) read. */
@ApplicationScoped
@Transactional
public class ReportService {

    static final String TOTAL = "TOTAL";
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext PRECISION = new MathContext(16, RoundingMode.HALF_EVEN);

    @Inject
    AggregateStore aggregates;

    @Inject
    RegionReplica regions;

    @Inject
    ConsumerLag lag;

    @Inject
    EntityManager entityManager;

    /** The region this deployment reports on by default; without it, the only root of the tree. */
    @ConfigProperty(name = "bqw.report.root")
    Optional<String> configuredRoot;

    /** The city's report; the city is the one CITY division the replica holds. */
    public RegionReport overview(int year, String asOf, View view) {
        return region(city(), year, asOf, view);
    }

    public RegionReport region(String code, int year, String asOf, View view) {
        RegionRecord region = region(code);
        int month = month(year, asOf, code);
        BigDecimal expected = expected(month);
        Map<String, List<IndicatorReport>> byCampaign = new LinkedHashMap<>();
        List<IndicatorDef> catalogue = IndicatorDef.listAll(Sort.by("campaign").and("code"));
        Map<String, Aggregate> aggregated =
                aggregates.readRegion(catalogue.stream().map(i -> i.code).toList(), year, month, TOTAL, code);
        Map<String, Target> targets = new java.util.HashMap<>();
        Target.<Target>list("year = ?1 and regionCode = ?2", year, code).forEach(t -> targets.put(t.indicatorCode, t));
        for (IndicatorDef indicator : catalogue) {
            Target target = targets.get(indicator.code);
            Aggregate sums = aggregated.getOrDefault(indicator.code, Aggregate.NONE);
            byCampaign
                    .computeIfAbsent(indicator.campaign, c -> new ArrayList<>())
                    .add(new IndicatorReport(
                            indicator.code,
                            indicator.nameZh,
                            indicator.nameEn,
                            indicator.campaign,
                            indicator.unit,
                            indicator.aggregation,
                            indicator.overTime,
                            indicator.direction,
                            target == null ? null : target.kind,
                            assess(indicator, region, sums.in(view), target, expected),
                            sums.approvedShare(),
                            sums.provisional()));
        }
        List<RegionReport.Campaign> campaigns = byCampaign.entrySet().stream()
                .map(e -> new RegionReport.Campaign(e.getKey(), e.getValue()))
                .toList();
        return new RegionReport(
                code,
                region.nameZh(),
                region.level().name(),
                year,
                monthText(year, month),
                view.text(),
                expected,
                campaigns,
                freshness());
    }

    /** The indicator over the active regions directly below {@code parent} (default: the city). */
    public IndicatorBreakdown indicator(String code, int year, String asOf, String parentCode, View view) {
        IndicatorDef indicator = IndicatorDef.findById(code);
        if (indicator == null) {
            throw ProblemException.notFound("indicator", code);
        }
        String parent = parentCode == null ? city() : parentCode;
        RegionRecord parentRegion = region(parent);
        int month = month(year, asOf, parent);
        BigDecimal expected = expected(month);
        List<RegionRecord> children = regions.children(parent);
        Map<String, Aggregate> sums = aggregates.read(
                code,
                year,
                month,
                TOTAL,
                children.stream().map(RegionRecord::code).toList());
        List<IndicatorBreakdown.RegionValue> values = new ArrayList<>();
        for (RegionRecord child : children) {
            Target target = Target.find(code, year, child.code());
            Aggregate childSums = sums.getOrDefault(child.code(), Aggregate.NONE);
            values.add(new IndicatorBreakdown.RegionValue(
                    child.code(),
                    child.nameZh(),
                    child.level().name(),
                    aggregates.population(child.code()).longValue(),
                    assess(indicator, child, childSums.in(view), target, expected),
                    childSums.approvedShare(),
                    childSums.provisional()));
        }
        Aggregate[] months = aggregates.months(code, year, TOTAL, parent);
        List<IndicatorBreakdown.Point> series = new ArrayList<>();
        for (int m = 1; m <= month; m++) {
            series.add(new IndicatorBreakdown.Point(
                    monthText(year, m), actual(indicator, parentRegion, months[m - 1].in(view))));
        }
        return new IndicatorBreakdown(
                code, year, monthText(year, month), view.text(), parent, values, series, freshness());
    }

    /**
     * Scorecards of the divisions directly below {@code regionCode} (default: the city's counties;
     * a county's townships, a province's cities), best first; {@code countyClass} narrows the list,
     * not the overall ranks.
     */
    public Ranking rankings(int year, String asOf, String countyClass, View view, String regionCode) {
        String parent = regionCode == null ? city() : region(regionCode).code();
        int month = month(year, asOf, parent);
        List<RegionRecord> counties = regions.children(parent).stream()
                .filter(r -> r.level() != DivisionLevel.VILLAGE)
                .toList();
        Map<String, Aggregate> behind = new LinkedHashMap<>();
        Map<String, List<Ranking.Contribution>> parts = scorecards(counties, year, month, view, behind);
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        parts.forEach((county, contributions) -> scores.put(county, Scorecards.composite(contributions)));
        Map<String, Integer> ranks = Scorecards.ranks(scores);
        Map<String, Integer> previous = Map.of();
        if (month > 1) {
            Map<String, BigDecimal> before = new LinkedHashMap<>();
            scorecards(counties, year, month - 1, view, new LinkedHashMap<>())
                    .forEach((county, contributions) -> before.put(county, Scorecards.composite(contributions)));
            previous = Scorecards.ranks(before);
        }
        List<Ranking.Scorecard> cards = new ArrayList<>();
        for (RegionRecord county : counties) {
            if (!scores.containsKey(county.code())
                    || (countyClass != null && !countyClass.equals(county.countyClass()))) {
                continue;
            }
            Map<String, BigDecimal> classmates = new LinkedHashMap<>();
            counties.stream()
                    .filter(other -> scores.containsKey(other.code())
                            && java.util.Objects.equals(other.countyClass(), county.countyClass()))
                    .forEach(other -> classmates.put(other.code(), scores.get(other.code())));
            Integer before = previous.get(county.code());
            int rank = ranks.get(county.code());
            cards.add(new Ranking.Scorecard(
                    county.code(),
                    county.nameZh(),
                    county.countyClass(),
                    scores.get(county.code()),
                    rank,
                    Scorecards.ranks(classmates).get(county.code()),
                    before,
                    before == null ? null : before - rank,
                    parts.get(county.code()),
                    behind.get(county.code()).approvedShare(),
                    behind.get(county.code()).provisional()));
        }
        cards.sort(java.util.Comparator.comparingInt(Ranking.Scorecard::rank).thenComparing(Ranking.Scorecard::region));
        return new Ranking(year, monthText(year, month), view.text(), parent, countyClass, cards, freshness());
    }

    /**
     * Each county's contributions from the indicators it has a target for; counties without
     * targets are left out. {@code behind} gathers, by county, the sums of its scored figures.
     */
    private Map<String, List<Ranking.Contribution>> scorecards(
            List<RegionRecord> counties, int year, int month, View view, Map<String, Aggregate> behind) {
        BigDecimal expected = expected(month);
        Map<String, RegionRecord> byCode = new LinkedHashMap<>();
        counties.forEach(c -> byCode.put(c.code(), c));
        Map<String, List<Scorecards.Scored>> scored = new LinkedHashMap<>();
        List<Target> targets = Target.list(
                "year = ?1 and regionCode in ?2 order by indicatorCode, regionCode",
                year,
                List.copyOf(byCode.keySet()));
        Map<String, List<Target>> byIndicator = new LinkedHashMap<>();
        targets.forEach(t -> byIndicator
                .computeIfAbsent(t.indicatorCode, k -> new ArrayList<>())
                .add(t));
        byIndicator.forEach((code, indicatorTargets) -> {
            IndicatorDef indicator = IndicatorDef.findById(code);
            if (indicator == null) {
                return;
            }
            Map<String, Aggregate> sums = aggregates.read(
                    code,
                    year,
                    month,
                    TOTAL,
                    indicatorTargets.stream().map(t -> t.regionCode).toList());
            for (Target target : indicatorTargets) {
                RegionRecord county = byCode.get(target.regionCode);
                Aggregate countySums = sums.getOrDefault(county.code(), Aggregate.NONE);
                behind.merge(county.code(), countySums, Aggregate::plus);
                scored.computeIfAbsent(county.code(), k -> new ArrayList<>())
                        .add(new Scorecards.Scored(
                                code,
                                target.kind,
                                indicator.flow(),
                                assess(indicator, county, countySums.in(view), target, expected)));
            }
        });
        Map<String, List<Ranking.Contribution>> parts = new LinkedHashMap<>();
        scored.forEach((county, indicators) -> parts.put(county, Scorecards.contributions(indicators)));
        return parts;
    }

    /**
     * Urban–rural gaps of a region (default: the root) and the divisions directly below it, for
     * every indicator with rural values this year.
     */
    public Gaps gaps(int year, String asOf, View view, String regionCode) {
        List<RegionRecord> places = placesOf(regionCode);
        int month = month(year, asOf, places.get(0).code());
        List<?> codes = entityManager
                .createNativeQuery(
                        "SELECT DISTINCT indicator_code FROM aggregate WHERE year = ?1 AND area = 'RURAL' ORDER BY 1")
                .setParameter(1, year)
                .getResultList();
        List<Gaps.IndicatorGaps> indicators = new ArrayList<>();
        for (Object code : codes) {
            IndicatorDef indicator = IndicatorDef.findById(code);
            if (indicator == null) {
                continue;
            }
            boolean money = indicator.unit.contains("yuan") || indicator.unit.contains("元");
            List<Gaps.RegionGap> gaps = new ArrayList<>();
            for (RegionRecord place : places) {
                Aggregate[] urban = aggregates.months(indicator.code, year, "URBAN", place.code());
                Aggregate[] rural = aggregates.months(indicator.code, year, "RURAL", place.code());
                List<Gaps.Point> trend = new ArrayList<>();
                for (int m = 1; m <= month; m++) {
                    trend.add(new Gaps.Point(
                            monthText(year, m),
                            gap(
                                    money,
                                    actual(indicator, place, urban[m - 1].in(view)),
                                    actual(indicator, place, rural[m - 1].in(view)))));
                }
                BigDecimal u = actual(indicator, place, urban[month - 1].in(view));
                BigDecimal r = actual(indicator, place, rural[month - 1].in(view));
                if (u != null || r != null) {
                    Aggregate both = urban[month - 1].plus(rural[month - 1]);
                    gaps.add(new Gaps.RegionGap(
                            place.code(),
                            place.nameZh(),
                            u,
                            r,
                            gap(money, u, r),
                            trend,
                            both.approvedShare(),
                            both.provisional()));
                }
            }
            indicators.add(new Gaps.IndicatorGaps(
                    indicator.code, indicator.nameZh, indicator.unit, money ? "RATIO" : "DIFFERENCE", gaps));
        }
        return new Gaps(year, monthText(year, month), view.text(), indicators, freshness());
    }

    /**
     * Villages by category, plan type and pilot programme, for a region (default: the root) and each
     * division directly below it.
     */
    @SuppressWarnings("unchecked")
    public Coverage coverage(String regionCode) {
        List<RegionRecord> places = placesOf(regionCode);
        DivisionCode root = DivisionCode.parse(places.get(0).code()).orElseThrow();
        String like = root.prefix() + "%";
        // Villages are counted by the prefix of the level below the region (a city's counties: 6 digits).
        DivisionLevel below = root.level() == DivisionLevel.VILLAGE
                ? DivisionLevel.VILLAGE
                : DivisionLevel.values()[root.level().ordinal() + 1];
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        SELECT substring(code, 1, ?2), 'category', category, count(*) FROM region_replica
                        WHERE level = 'VILLAGE' AND active AND code LIKE ?1 AND category IS NOT NULL GROUP BY 1, 3
                        UNION ALL
                        SELECT substring(code, 1, ?2), 'planType', plan_type, count(*) FROM region_replica
                        WHERE level = 'VILLAGE' AND active AND code LIKE ?1 AND plan_type IS NOT NULL GROUP BY 1, 3
                        UNION ALL
                        SELECT substring(r.code, 1, ?2), 'pilot', p.pilot, count(*)
                        FROM region_replica r CROSS JOIN LATERAL unnest(r.pilots) AS p(pilot)
                        WHERE r.level = 'VILLAGE' AND r.active AND r.code LIKE ?1 GROUP BY 1, 3
                        UNION ALL
                        SELECT substring(code, 1, ?2), 'villages', NULL, count(*) FROM region_replica
                        WHERE level = 'VILLAGE' AND active AND code LIKE ?1 GROUP BY 1""")
                .setParameter(1, like)
                .setParameter(2, below.significantDigits())
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
                    counts.computeIfAbsent((String) row[1], k -> new java.util.TreeMap<>())
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
        return new Coverage(coverage, freshness());
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

    private static BigDecimal gap(boolean money, BigDecimal urban, BigDecimal rural) {
        if (urban == null || rural == null) {
            return null;
        }
        if (money) {
            return rural.signum() == 0 ? null : Numbers.reported(urban.divide(rural, PRECISION));
        }
        return Numbers.reported(urban.subtract(rural));
    }

    private Assessment assess(
            IndicatorDef indicator, RegionRecord region, Contribution sums, Target target, BigDecimal expected) {
        return StatusRules.assess(
                indicator.flow(),
                indicator.up(),
                actual(indicator, region, sums),
                target == null ? null : target.value,
                target == null ? null : target.baseline,
                expected);
    }

    /** The region's value from its aggregate sums, by the indicator's aggregation (DESIGN.md §5). */
    BigDecimal actual(IndicatorDef indicator, RegionRecord region, Contribution sums) {
        if (sums == null || sums.reporters() == 0) {
            return null;
        }
        BigDecimal value =
                switch (indicator.aggregation) {
                    case "MEAN" -> sums.value().divide(BigDecimal.valueOf(sums.reporters()), PRECISION);
                    case "WEIGHTED_MEAN" -> sums.weight().signum() == 0
                            ? null
                            : sums.weighted().divide(sums.weight(), PRECISION);
                    case "RATIO" -> sums.denominator().signum() == 0
                            ? null
                            : HUNDRED.multiply(sums.numerator()).divide(sums.denominator(), PRECISION);
                    case "SHARE_TRUE" -> {
                        long villages = aggregates.activeVillages(region.code());
                        yield villages == 0
                                ? null
                                : HUNDRED.multiply(sums.value()).divide(BigDecimal.valueOf(villages), PRECISION);
                    }
                    default -> sums.value();
                };
        return value == null ? null : Numbers.reported(value);
    }

    private Freshness freshness() {
        Object[] state = (Object[]) entityManager
                .createNativeQuery("SELECT last_event_at, applied_at FROM projection_state WHERE id = 1")
                .getSingleResult();
        return new Freshness(time(state[0]), time(state[1]), lag.pending());
    }

    /** When the projection last applied events (null before the first). */
    public OffsetDateTime appliedAt() {
        return time(entityManager
                .createNativeQuery("SELECT applied_at FROM projection_state WHERE id = 1")
                .getSingleResult());
    }

    /** The reports of the root and of each division directly below it, as of the year's latest month. */
    public List<RegionReport> cityAndCountyReports(int year) {
        return placesOf(null).stream()
                .map(r -> region(r.code(), year, null, View.ALL))
                .toList();
    }

    /** A region (default: the root) first, then the divisions directly below it by code (no villages). */
    private List<RegionRecord> placesOf(String regionCode) {
        RegionRecord root = region(regionCode == null ? city() : regionCode);
        List<RegionRecord> places = new ArrayList<>();
        places.add(root);
        regions.children(root.code()).stream()
                .filter(r -> r.level() != DivisionLevel.VILLAGE)
                .forEach(places::add);
        return places;
    }

    /**
     * The region the reports default to (the deployment's root): {@code bqw.report.root}, else the
     * only root of the replica's tree — an active division whose parent is not registered. Several
     * roots and none configured is a 409 naming them: never a silent pick, so a second city
     * registered beside the first changes nothing the first's readers see.
     */
    public String city() {
        if (configuredRoot.isPresent()) {
            return configuredRoot.get();
        }
        List<?> roots = entityManager
                .createNativeQuery(
                        """
                        SELECT r.code FROM region_replica r
                        WHERE r.level <> 'VILLAGE' AND r.active
                          AND NOT EXISTS (SELECT 1 FROM region_replica p WHERE p.code = r.parent_code AND p.active)
                        ORDER BY r.code LIMIT 11""")
                .getResultList();
        if (roots.isEmpty()) {
            throw ProblemException.notFound("region", "(no division registered yet)");
        }
        if (roots.size() > 1) {
            throw ProblemException.conflict("the platform holds several roots ("
                    + String.join(
                            ", ", roots.stream().limit(10).map(String::valueOf).toList())
                    + (roots.size() > 10 ? ", …" : "")
                    + "); name the region (/api/v1/reports/regions/{code}, region=) or configure bqw.report.root");
        }
        return (String) roots.get(0);
    }

    private RegionRecord region(String code) {
        RegionRecord region = DivisionCode.parse(code).isEmpty()
                ? null
                : regions.find(List.of(code)).get(code);
        if (region == null) {
            throw ProblemException.notFound("region", code);
        }
        return region;
    }

    /**
     * The as-of month: the one asked for (a month or a quarter of the year), else the latest
     * reported in the region's subtree.
     */
    private int month(int year, String asOf, String region) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid("year", "must be between 2000 and 2100");
        }
        if (asOf == null) {
            return aggregates.latestMonth(region, year).orElse(12);
        }
        Period period = Period.parse(asOf)
                .filter(p -> p.year() == year)
                .orElseThrow(() -> ProblemException.invalid(
                        "asOf", "must be a month or quarter of " + year + ", like " + year + "-06 or " + year + "Q2"));
        return period.lastMonth();
    }

    static BigDecimal expected(int month) {
        return Numbers.reported(BigDecimal.valueOf(month).divide(BigDecimal.valueOf(12), PRECISION));
    }

    private static String monthText(int year, int month) {
        return year + (month < 10 ? "-0" : "-") + month;
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
