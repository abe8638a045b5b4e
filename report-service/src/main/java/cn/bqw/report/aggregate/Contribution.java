package cn.bqw.report.aggregate;

import java.math.BigDecimal;
import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;

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
        return combined(other, BigDecimal::add, Long::sum);
    }

    public Contribution minus(Contribution other) {
        return combined(other, BigDecimal::subtract, (a, b) -> a - b);
    }

    private Contribution combined(Contribution other, BinaryOperator<BigDecimal> sums, LongBinaryOperator counts) {
        return new Contribution(
                sums.apply(value, other.value),
                sums.apply(numerator, other.numerator),
                sums.apply(denominator, other.denominator),
                sums.apply(weighted, other.weighted),
                sums.apply(weight, other.weight),
                counts.applyAsLong(reporters, other.reporters),
                counts.applyAsLong(approved, other.approved));
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
