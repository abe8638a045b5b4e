package cn.bqw.report.aggregate;

import java.math.BigDecimal;

/**
 * One observed value of a series as the projection keeps it: the first month its period covers
 * (a quarter's first month, 1 for a year), and the numbers it contributes. {@code weight} is the
 * observation's own weight, or the reporting region's population when it gave none. {@code
 * official} says whether an approved unit covers it now ({@link ApprovedUnits}).
 */
public record Fact(
        int firstMonth,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal weight,
        boolean official) {

    /**
     * The fact in a native query row's columns from {@code from}: first month, value, numerator,
     * denominator, weight (the projection's and the drift check's reads alike).
     */
    public static Fact of(Object[] row, int from, boolean official) {
        return new Fact(
                ((Number) row[from]).intValue(),
                (BigDecimal) row[from + 1],
                (BigDecimal) row[from + 2],
                (BigDecimal) row[from + 3],
                (BigDecimal) row[from + 4],
                official);
    }

    /** The same fact, official or not. */
    Fact official(boolean now) {
        return new Fact(firstMonth, value, numerator, denominator, weight, now);
    }

    Contribution contribution() {
        BigDecimal w = weight == null ? BigDecimal.ZERO : weight;
        return new Contribution(
                value,
                numerator == null ? BigDecimal.ZERO : numerator,
                denominator == null ? BigDecimal.ZERO : denominator,
                w.multiply(value),
                w,
                1,
                official ? 1 : 0);
    }
}
