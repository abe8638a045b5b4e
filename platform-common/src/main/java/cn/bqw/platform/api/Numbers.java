package cn.bqw.platform.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as the API shows them and compares them. */
public final class Numbers {

    private Numbers() {}

    /**
     * One representation per number ({@code 60}, not {@code 60.000} or {@code 6E+1}), so that an
     * unchanged value read back from a NUMERIC column compares equal and prints plainly.
     */
    public static BigDecimal canonical(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Rounded to 4 decimal places (half-even), as reports show computed figures, then canonical. */
    public static BigDecimal reported(BigDecimal number) {
        return number == null ? null : canonical(number.setScale(4, RoundingMode.HALF_EVEN));
    }
}
