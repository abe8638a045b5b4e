package cn.bqw.report.status;

import cn.bqw.platform.api.Numbers;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The status and scorecard rules of DESIGN.md §5, on numbers alone. */
public final class StatusRules {

    static final BigDecimal ON_TRACK = new BigDecimal("0.95");
    static final BigDecimal AT_RISK = new BigDecimal("0.6");
    static final BigDecimal MIN_EXPECTED = new BigDecimal("0.01");
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext PRECISION = new MathContext(12, RoundingMode.HALF_EVEN);

    private StatusRules() {}

    /**
     * @param flow FLOW (year-to-date against the year's target) or LEVEL
     * @param up direction UP (more is better) or DOWN
     * @param expected the elapsed fraction of the year at the as-of date
     */
    public static Assessment assess(
            boolean flow, boolean up, BigDecimal actual, BigDecimal target, BigDecimal baseline, BigDecimal expected) {
        BigDecimal onTrackAt = Numbers.reported(ON_TRACK.multiply(expected));
        BigDecimal atRiskAt = Numbers.reported(AT_RISK.multiply(expected));
        String rule = rule(flow, up, baseline != null);
        if (actual == null) {
            return new Assessment(Status.NO_DATA, null, target, baseline, null, expected, onTrackAt, atRiskAt, rule);
        }
        if (target == null) {
            return new Assessment(Status.NO_TARGET, actual, null, baseline, null, expected, onTrackAt, atRiskAt, rule);
        }
        boolean met = up ? actual.compareTo(target) >= 0 : actual.compareTo(target) <= 0;
        boolean paced = flow || baseline != null;
        BigDecimal progress = Numbers.reported(progress(up, actual, target, flow ? null : baseline, met));
        Status status;
        if (met) {
            status = Status.ACHIEVED;
        } else if (!paced) {
            status = Status.NOT_ACHIEVED;
        } else if (progress.compareTo(onTrackAt) >= 0) {
            status = Status.ON_TRACK;
        } else if (progress.compareTo(atRiskAt) >= 0) {
            status = Status.AT_RISK;
        } else {
            status = Status.OFF_TRACK;
        }
        return new Assessment(status, actual, target, baseline, progress, expected, onTrackAt, atRiskAt, rule);
    }

    /**
     * A county's score for one indicator: {@code 100 × min(progress / max(expected, 0.01), 1)}, or
     * {@code 100 × min(progress, 1)} for a LEVEL indicator without a baseline; null without progress.
     */
    public static BigDecimal score(Assessment assessment, boolean flow) {
        if (assessment.progress() == null) {
            return null;
        }
        boolean paced = flow || assessment.baseline() != null;
        BigDecimal ratio = paced
                ? assessment.progress().divide(assessment.expected().max(MIN_EXPECTED), PRECISION)
                : assessment.progress();
        return Numbers.reported(HUNDRED.multiply(ratio.min(BigDecimal.ONE).max(BigDecimal.ZERO)));
    }

    private static BigDecimal progress(
            boolean up, BigDecimal actual, BigDecimal target, BigDecimal baseline, boolean met) {
        BigDecimal done;
        BigDecimal needed;
        if (baseline != null) {
            done = up ? actual.subtract(baseline) : baseline.subtract(actual);
            needed = up ? target.subtract(baseline) : baseline.subtract(target);
        } else {
            done = up ? actual : target;
            needed = up ? target : actual;
        }
        if (needed.signum() <= 0) {
            return met ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return done.divide(needed, PRECISION);
    }

    private static String rule(boolean flow, boolean up, boolean baseline) {
        if (flow) {
            return up ? "FLOW: progress = actual / target" : "FLOW, DOWN: progress = target / actual";
        }
        if (baseline) {
            return up
                    ? "LEVEL: progress = (actual − baseline) / (target − baseline)"
                    : "LEVEL, DOWN: progress = (baseline − actual) / (baseline − target)";
        }
        return up
                ? "LEVEL without baseline: achieved when actual ≥ target"
                : "LEVEL without baseline, DOWN: achieved when actual ≤ target";
    }
}
