package cn.bqw.indicator.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OutliersTest {

    /** Median 12, deviations 2,1,0,1,2 (and 0 for the extreme): MAD 1. */
    static final List<BigDecimal> HISTORY = numbers(10, 11, 12, 13, 14);

    @Test
    void aValueBeyondThreeAndAHalfRobustDeviationsIsFar() {
        // 0.6745 × (18 − 12) / 1 = 4.05
        String reason = Outliers.judge(new BigDecimal("18"), HISTORY, "history").orElseThrow();
        assertEquals("history: median 12, MAD 1, robust z 4.0", reason);
        // 0.6745 × (17 − 12) / 1 = 3.37
        assertTrue(Outliers.judge(new BigDecimal("17"), HISTORY, "history").isEmpty());
        assertTrue(Outliers.judge(new BigDecimal("6"), HISTORY, "history").isPresent());
    }

    @Test
    void theReasonShowsDecimalsAsTheyWereWrittenNotAsDoublesComputeThem() {
        // Deviations 4.8, 2.4, 0, 2.4, 4.8: in doubles the MAD is 2.4000000000000004.
        List<BigDecimal> tenths = Stream.of("10", "12.4", "14.8", "17.2", "19.6")
                .map(BigDecimal::new)
                .toList();
        assertEquals(
                "peers: median 14.8, MAD 2.4, robust z 7.1",
                Outliers.judge(new BigDecimal("40"), tenths, "peers").orElseThrow());
    }

    @Test
    void oneWildReferenceValueDoesNotHideAnOutlier() {
        // With mean ± 3 SD, the 10,000 would widen the band enough to let 40 through.
        List<BigDecimal> withAWildOne = Stream.concat(HISTORY.stream(), Stream.of(new BigDecimal("10000")))
                .toList();
        assertTrue(Outliers.judge(new BigDecimal("40"), withAWildOne, "peers").isPresent());
    }

    @Test
    void tooFewOrIdenticalReferenceValuesJudgeNothing() {
        assertTrue(Outliers.judge(new BigDecimal("1000"), numbers(1, 2, 3, 4), "peers")
                .isEmpty());
        assertTrue(Outliers.judge(new BigDecimal("1000"), numbers(5, 5, 5, 5, 5, 5), "peers")
                .isEmpty());
    }

    private static List<BigDecimal> numbers(int... values) {
        return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }
}
