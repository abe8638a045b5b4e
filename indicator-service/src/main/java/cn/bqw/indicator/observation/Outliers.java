package cn.bqw.indicator.observation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * Judges whether a value is far from a reference set, robustly: by the modified z-score of
 * Iglewicz and Hoaglin, {@code 0.6745 × (x − median) / MAD}, beyond 3.5. Median and MAD are not
 * dragged by the outliers they look for, as mean and standard deviation are.
 */
public final class Outliers {

    /** Fewer reference values than this say too little to call anything far. */
    static final int ENOUGH = 5;

    static final double THRESHOLD = 3.5;

    private Outliers() {}

    /**
     * Why {@code value} is far from {@code reference} (called {@code what} in the reason), or empty
     * when it is not, or when the reference is too small or has no spread to judge by.
     */
    public static Optional<String> judge(BigDecimal value, Collection<BigDecimal> reference, String what) {
        if (reference.size() < ENOUGH) {
            return Optional.empty();
        }
        double[] values =
                reference.stream().mapToDouble(BigDecimal::doubleValue).sorted().toArray();
        double median = median(values);
        double[] deviations =
                Arrays.stream(values).map(v -> Math.abs(v - median)).sorted().toArray();
        double mad = median(deviations);
        if (mad == 0) {
            return Optional.empty();
        }
        double score = 0.6745 * (value.doubleValue() - median) / mad;
        if (Math.abs(score) <= THRESHOLD) {
            return Optional.empty();
        }
        return Optional.of("%s: median %s, MAD %s, robust z %.1f".formatted(what, plain(median), plain(mad), score));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Four decimals at most: a MAD of 2.4 computed in doubles is 2.4000000000000004. */
    private static String plain(double number) {
        return BigDecimal.valueOf(number)
                .setScale(4, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }
}
