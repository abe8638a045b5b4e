package cn.bqw.indicator.observation;

import cn.bqw.indicator.catalogue.Aggregation;
import cn.bqw.indicator.catalogue.Frequency;
import cn.bqw.indicator.catalogue.IndicatorView;
import cn.bqw.platform.api.Numbers;
import cn.bqw.platform.period.Period;
import cn.bqw.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

/**
 * The per-value rules of DESIGN.md §5 that need only the catalogue and the date: the indicator
 * exists, the period fits its frequency and has begun, the value fits its aggregation and range.
 */
final class ObservationRules {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** How far a posted RATIO value may be from 100 × numerator / denominator (rounding in the client). */
    static final BigDecimal RATIO_TOLERANCE = new BigDecimal("0.01");

    private final Map<String, IndicatorView> catalogue;
    private final LocalDate today;

    ObservationRules(Map<String, IndicatorView> catalogue, LocalDate today) {
        this.catalogue = catalogue;
        this.today = today;
    }

    Candidate check(ObservationRequest request) {
        IndicatorView indicator = catalogue.get(request.indicator());
        if (indicator == null) {
            throw ProblemException.invalid("indicator", request.indicator() + " is not in the catalogue");
        }
        Period period = period(request.period(), indicator.frequency());
        Area area = request.area() == null ? Area.TOTAL : request.area();
        BigDecimal numerator = Numbers.canonical(request.numerator());
        BigDecimal denominator = Numbers.canonical(request.denominator());
        BigDecimal value = indicator.aggregation() == Aggregation.RATIO
                ? ratio(request.value(), numerator, denominator)
                : plainValue(indicator, request.value(), numerator, denominator);
        // Below 0 only where the catalogue says so: no count, area or sum of money is negative.
        BigDecimal floor = indicator.validMin() == null ? BigDecimal.ZERO : indicator.validMin();
        if (value.compareTo(floor) < 0) {
            throw ProblemException.invalid("value", "must be at least " + floor.toPlainString());
        }
        if (indicator.validMax() != null && value.compareTo(indicator.validMax()) > 0) {
            throw ProblemException.invalid(
                    "value", "must be at most " + indicator.validMax().toPlainString());
        }
        return new Candidate(
                indicator,
                request.region(),
                period,
                area,
                value,
                numerator,
                denominator,
                Numbers.canonical(request.weight()));
    }

    private Period period(String text, Frequency frequency) {
        Period period = Period.parse(text)
                .orElseThrow(() -> ProblemException.invalid("period", "must be like 2025, 2025Q2 or 2025-06"));
        Period.Length expected =
                switch (frequency) {
                    case MONTHLY -> Period.Length.MONTH;
                    case QUARTERLY -> Period.Length.QUARTER;
                    case YEARLY -> Period.Length.YEAR;
                };
        if (period.length() != expected) {
            String example =
                    switch (frequency) {
                        case MONTHLY -> "2025-06";
                        case QUARTERLY -> "2025Q2";
                        case YEARLY -> "2025";
                    };
            throw ProblemException.invalid(
                    "period",
                    "must be a " + expected.name().toLowerCase() + " like " + example + " for a " + frequency
                            + " indicator");
        }
        if (period.start().isAfter(today)) {
            throw ProblemException.invalid("period", text + " has not begun");
        }
        return period;
    }

    private static BigDecimal ratio(BigDecimal posted, BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null) {
            throw ProblemException.invalid(
                    numerator == null ? "numerator" : "denominator", "is required for a RATIO indicator");
        }
        if (denominator.signum() <= 0) {
            throw ProblemException.invalid("denominator", "must be above 0");
        }
        if (numerator.signum() < 0 || numerator.compareTo(denominator) > 0) {
            throw ProblemException.invalid("numerator", "must be between 0 and the denominator");
        }
        BigDecimal value =
                Numbers.canonical(HUNDRED.multiply(numerator).divide(denominator, 6, RoundingMode.HALF_EVEN));
        if (posted != null && posted.subtract(value).abs().compareTo(RATIO_TOLERANCE) > 0) {
            throw ProblemException.invalid(
                    "value", "must be 100 × numerator / denominator = " + value.toPlainString() + ", or left out");
        }
        return value;
    }

    private static BigDecimal plainValue(
            IndicatorView indicator, BigDecimal posted, BigDecimal numerator, BigDecimal denominator) {
        if (numerator != null || denominator != null) {
            throw ProblemException.invalid(
                    numerator != null ? "numerator" : "denominator", "only a RATIO indicator takes one");
        }
        if (posted == null) {
            throw ProblemException.invalid("value", "is required");
        }
        boolean flag =
                indicator.aggregation() == Aggregation.COUNT_TRUE || indicator.aggregation() == Aggregation.SHARE_TRUE;
        if (flag && posted.compareTo(BigDecimal.ZERO) != 0 && posted.compareTo(BigDecimal.ONE) != 0) {
            throw ProblemException.invalid("value", "must be 0 or 1 for a " + indicator.aggregation() + " indicator");
        }
        return Numbers.canonical(posted);
    }
}
