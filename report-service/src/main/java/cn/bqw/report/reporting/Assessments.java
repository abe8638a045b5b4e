package cn.bqw.report.reporting;

import cn.bqw.platform.api.Numbers;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.region.RegionRecord;
import cn.bqw.report.aggregate.ActiveVillages;
import cn.bqw.report.aggregate.Contribution;
import cn.bqw.report.catalogue.IndicatorDef;
import cn.bqw.report.catalogue.Target;
import cn.bqw.report.status.Assessment;
import cn.bqw.report.status.StatusRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** A region's figure from its aggregate sums (DESIGN.md §5), and its status against its target. */
@ApplicationScoped
public class Assessments {

    static final String TOTAL = "TOTAL";
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final MathContext PRECISION = new MathContext(16, RoundingMode.HALF_EVEN);

    @Inject
    ActiveVillages activeVillages;

    public Assessment assess(
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
                        // A village counts itself: no read for each point of a map.
                        long villages = region.level() == DivisionLevel.VILLAGE
                                ? (region.active() ? 1 : 0)
                                : activeVillages.of(region.code());
                        yield villages == 0
                                ? null
                                : HUNDRED.multiply(sums.value()).divide(BigDecimal.valueOf(villages), PRECISION);
                    }
                    default -> sums.value();
                };
        return value == null ? null : Numbers.reported(value);
    }

    /** The share of the year elapsed by the end of {@code month}. */
    public static BigDecimal expected(int month) {
        return Numbers.reported(BigDecimal.valueOf(month).divide(BigDecimal.valueOf(12), PRECISION));
    }
}
