package cn.bqw.report.aggregate;

import java.math.BigDecimal;

/**
 * What one region's series adds to an aggregate as of one month, and what aggregates hold: the sums
 * every aggregation kind is computed from (DESIGN.md §5). {@code weighted} is Σ w·value and {@code
 * weight} Σ w; {@code reporters} counts the regions with a value, {@code approved} those of them
 * whose values behind the figure are all approved.
 */
public record Contribution(
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal weighted,
        BigDecimal weight,
        long reporters,
        long approved) {

    public static final Contribution NONE =
            new Contribution(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

    public Contribution plus(Contribution other) {
        return new Contribution(
                value.add(other.value),
                numerator.add(other.numerator),
                denominator.add(other.denominator),
                weighted.add(other.weighted),
                weight.add(other.weight),
                reporters + other.reporters,
                approved + other.approved);
    }

    public Contribution minus(Contribution other) {
        return new Contribution(
                value.subtract(other.value),
                numerator.subtract(other.numerator),
                denominator.subtract(other.denominator),
                weighted.subtract(other.weighted),
                weight.subtract(other.weight),
                reporters - other.reporters,
                approved - other.approved);
    }

    public boolean isZero() {
        return reporters == 0
                && approved == 0
                && value.signum() == 0
                && numerator.signum() == 0
                && denominator.signum() == 0
                && weighted.signum() == 0
                && weight.signum() == 0;
    }
}
