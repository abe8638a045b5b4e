package cn.bqw.indicator.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutliersTest {

    /** Median 12, deviations 2,1,0,1,2 (and 0 for the extreme): MAD 1. */
    static final double[] HISTORY = {10, 11, 12, 13, 14};

    @Test
    void aValueBeyondThreeAndAHalfRobustDeviationsIsFar() {
        // 0.6745 × (18 − 12) / 1 = 4.05
        String reason = Outliers.judge(18, HISTORY.clone(), "history").orElseThrow();
        assertEquals("history: median 12, MAD 1, robust z 4.0", reason);
        // 0.6745 × (17 − 12) / 1 = 3.37
        assertTrue(Outliers.judge(17, HISTORY.clone(), "history").isEmpty());
        assertTrue(Outliers.judge(6, HISTORY.clone(), "history").isPresent());
    }

    @Test
    void theReasonShowsDecimalsAsTheyWereWrittenNotAsDoublesComputeThem() {
        // Deviations 4.8, 2.4, 0, 2.4, 4.8: in doubles the MAD is 2.4000000000000004.
        double[] tenths = {10, 12.4, 14.8, 17.2, 19.6};
        assertEquals(
                "peers: median 14.8, MAD 2.4, robust z 7.1",
                Outliers.judge(40, tenths, "peers").orElseThrow());
    }

    @Test
    void oneWildReferenceValueDoesNotHideAnOutlier() {
        // With mean ± 3 SD, the 10,000 would widen the band enough to let 40 through.
        double[] withAWildOne = {10, 11, 12, 13, 14, 10_000};
        assertTrue(Outliers.judge(40, withAWildOne, "peers").isPresent());
    }

    @Test
    void tooFewOrIdenticalReferenceValuesJudgeNothing() {
        assertTrue(Outliers.judge(1000, new double[] {1, 2, 3, 4}, "peers").isEmpty());
        assertTrue(
                Outliers.judge(1000, new double[] {5, 5, 5, 5, 5, 5}, "peers").isEmpty());
    }
}
