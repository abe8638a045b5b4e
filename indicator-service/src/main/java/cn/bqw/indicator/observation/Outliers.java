package cn.bqw.indicator.observation;

import java.math.BigDecimal;
import java.util.Arrays;
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
     * when it is not, or when the reference is too small or has no spread to judge by. Sorts
     * {@code reference} in place: a bulk post judges every value, so no copies are made.
     */
    public static Optional<String> judge(double value, double[] reference, String what) {
        if (reference.length < ENOUGH) {
            return Optional.empty();
        }
        Arrays.sort(reference);
        double median = median(reference);
        for (int i = 0; i < reference.length; i++) {
            reference[i] = Math.abs(reference[i] - median);
        }
        Arrays.sort(reference);
        double mad = median(reference);
        if (mad == 0) {
            return Optional.empty();
        }
        double score = 0.6745 * (value - median) / mad;
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
