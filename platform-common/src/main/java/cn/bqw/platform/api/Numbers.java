package cn.bqw.platform.api;

import java.math.BigDecimal;

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
}
