package cn.bqw.report.reporting;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.RegionRecord;
import cn.bqw.platform.division.RegionReplica;
import cn.bqw.platform.period.Period;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.report.aggregate.AggregateStore;
import cn.bqw.report.aggregate.Contribution;
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

    /** The city's report; the city is the one CITY division the replica holds. */
    public RegionReport overview(int year, String asOf) {
        return region(city(), year, asOf);
    }

    public RegionReport region(String code, int year, String asOf) {
        RegionRecord region = region(code);
        int month = month(year, asOf);
        BigDecimal expected = expected(month);
        Map<String, List<IndicatorReport>> byCampaign = new LinkedHashMap<>();
        for (IndicatorDef indicator :
                IndicatorDef.<IndicatorDef>listAll(Sort.by("campaign").and("code"))) {
            Target target = Target.find(indicator.code, year, code);
            Contribution sums = aggregates
                    .read(indicator.code, year, month, TOTAL, List.of(code))
                    .get(code);
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
                            assess(indicator, region, sums, target, expected)));
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
                expected,
                campaigns,
                freshness());
    }

    /** The indicator over the active regions directly below {@code parent} (default: the city). */
    public IndicatorBreakdown indicator(String code, int year, String asOf, String parentCode) {
        IndicatorDef indicator = IndicatorDef.findById(code);
        if (indicator == null) {
            throw ProblemException.notFound("indicator", code);
        }
        String parent = parentCode == null ? city() : parentCode;
        RegionRecord parentRegion = region(parent);
        int month = month(year, asOf);
        BigDecimal expected = expected(month);
        List<RegionRecord> children = regions.children(parent);
        Map<String, Contribution> sums = aggregates.read(
                code,
                year,
                month,
                TOTAL,
                children.stream().map(RegionRecord::code).toList());
        List<IndicatorBreakdown.RegionValue> values = new ArrayList<>();
        for (RegionRecord child : children) {
            Target target = Target.find(code, year, child.code());
            values.add(new IndicatorBreakdown.RegionValue(
                    child.code(),
                    child.nameZh(),
                    child.level().name(),
                    assess(indicator, child, sums.get(child.code()), target, expected)));
        }
        Contribution[] months = aggregates.months(code, year, TOTAL, parent);
        List<IndicatorBreakdown.Point> series = new ArrayList<>();
        for (int m = 1; m <= month; m++) {
            series.add(
                    new IndicatorBreakdown.Point(monthText(year, m), actual(indicator, parentRegion, months[m - 1])));
        }
        return new IndicatorBreakdown(code, year, monthText(year, month), parent, values, series, freshness());
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
        return value == null ? null : rounded(value);
    }

    private Freshness freshness() {
        Object[] state = (Object[]) entityManager
                .createNativeQuery("SELECT last_event_at, applied_at FROM projection_state WHERE id = 1")
                .getSingleResult();
        return new Freshness(time(state[0]), time(state[1]), lag.pending());
    }

    private String city() {
        List<?> cities = entityManager
                .createNativeQuery("SELECT code FROM region_replica WHERE level = 'CITY' AND active ORDER BY code")
                .getResultList();
        if (cities.isEmpty()) {
            throw ProblemException.notFound("city", "(no division of level CITY yet)");
        }
        return (String) cities.get(0);
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

    /** The as-of month: the one asked for (a month or a quarter of the year), else the latest reported. */
    private int month(int year, String asOf) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid("year", "must be between 2000 and 2100");
        }
        if (asOf == null) {
            return aggregates.latestMonth(year).orElse(12);
        }
        Period period = Period.parse(asOf)
                .filter(p -> p.year() == year)
                .orElseThrow(() -> ProblemException.invalid(
                        "asOf", "must be a month or quarter of " + year + ", like " + year + "-06 or " + year + "Q2"));
        return period.lastMonth();
    }

    static BigDecimal expected(int month) {
        return rounded(BigDecimal.valueOf(month).divide(BigDecimal.valueOf(12), PRECISION));
    }

    private static String monthText(int year, int month) {
        return year + (month < 10 ? "-0" : "-") + month;
    }

    private static BigDecimal rounded(BigDecimal number) {
        BigDecimal r = number.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
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
