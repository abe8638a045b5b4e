package cn.bqw.platform.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Numbers as the API takes, shows and compares them.
 *
 * <p>One rule for every number a client sends, on every path (single JSON, JSON batch, CSV): at
 * most {@link #MAX_MAGNITUDE} in magnitude and at most {@link #MAX_DECIMALS} decimal places. It is
 * checked on the number as written, before any arithmetic on it, so that {@code 1e100000000} costs
 * nothing to refuse.
 */
public final class Numbers {

    /** 10^15: more than any count, area or sum of money the programme reports, and exact in a double's range. */
    public static final BigDecimal MAX_MAGNITUDE = BigDecimal.TEN.pow(15);

    public static final int MAX_DECIMALS = 6;

    /** Digits a number may be written with (integer part, decimals and trailing zeros). */
    static final int MAX_WRITTEN_DIGITS = 40;

    private Numbers() {}

    /** Why {@code number} breaks the rule, in the client's terms; empty when it keeps it. */
    public static Optional<String> problem(BigDecimal number) {
        if (number == null) {
            return Optional.empty();
        }
        // precision() and scale() come with the number as parsed: no arithmetic on a huge exponent.
        long integerDigits = (long) number.precision() - number.scale();
        if (integerDigits > 16) {
            return Optional.of(tooLarge());
        }
        if (number.precision() > MAX_WRITTEN_DIGITS) {
            return Optional.of("has too many digits (at most " + MAX_WRITTEN_DIGITS + ")");
        }
        if (number.abs().compareTo(MAX_MAGNITUDE) > 0) {
            return Optional.of(tooLarge());
        }
        if (number.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return Optional.of("must have at most " + MAX_DECIMALS + " decimal places");
        }
        return Optional.empty();
    }

    private static String tooLarge() {
        return "must be between -1000000000000000 and 1000000000000000";
    }

    /**
     * One representation per number ({@code 60}, not {@code 60.000} or {@code 6E+1}), so that an
     * unchanged value read back from a NUMERIC column compares equal and prints plainly. Numbers
     * outside {@link #problem}'s rule are left as they are: they are refused, never expanded.
     */
    public static BigDecimal canonical(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 && stripped.scale() >= -MAX_WRITTEN_DIGITS ? stripped.setScale(0) : stripped;
    }

    /** Rounded to 4 decimal places (half-even), as reports show computed figures, then canonical. */
    public static BigDecimal reported(BigDecimal number) {
        return number == null ? null : canonical(number.setScale(4, RoundingMode.HALF_EVEN));
    }
}
