package cn.bqw.report.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Each status rule of DESIGN.md §5 with numbers worked by hand. */
class StatusRulesTest {

    static final BigDecimal NOVEMBER = new BigDecimal("0.9167"); // 11/12

    @Test
    void aFlowIsJudgedByItsPaceAgainstTheElapsedYear() {
        // 135,000 / 150,000 = 0.9 ≥ 0.95 × 0.9167 = 0.8708: on track.
        Assessment onTrack = flow("135000", "150000");
        assertEquals(Status.ON_TRACK, onTrack.status());
        assertEquals(new BigDecimal("0.9"), onTrack.progress());
        assertEquals(new BigDecimal("0.8709"), onTrack.onTrackAt());
        assertEquals(new BigDecimal("0.55"), onTrack.atRiskAt());
        // 90,000 / 150,000 = 0.6: at risk (≥ 0.55); 75,000 → 0.5: off track.
        assertEquals(Status.AT_RISK, flow("90000", "150000").status());
        assertEquals(Status.OFF_TRACK, flow("75000", "150000").status());
        assertEquals(Status.ACHIEVED, flow("150000", "150000").status());
    }

    @Test
    void aLevelWithABaselineCountsTheWayFromBaselineToTarget() {
        // Sewage 48 → 60: at 57, (57 − 48) / (60 − 48) = 0.75; 0.75 < 0.8709 but ≥ 0.55: at risk.
        Assessment sewage = StatusRules.assess(
                false, true, new BigDecimal("57"), new BigDecimal("60"), new BigDecimal("48"), NOVEMBER);
        assertEquals(new BigDecimal("0.75"), sewage.progress());
        assertEquals(Status.AT_RISK, sewage.status());
        // Down: homogeneity 70 → at most 60; at 62, (70 − 62) / (70 − 60) = 0.8.
        Assessment down = StatusRules.assess(
                false, false, new BigDecimal("62"), new BigDecimal("60"), new BigDecimal("70"), new BigDecimal("0.5"));
        assertEquals(new BigDecimal("0.8"), down.progress());
        assertEquals(Status.ON_TRACK, down.status());
    }

    @Test
    void aLevelWithoutABaselineIsAchievedOrNot() {
        Assessment below = StatusRules.assess(false, true, new BigDecimal("45"), new BigDecimal("50"), null, NOVEMBER);
        assertEquals(Status.NOT_ACHIEVED, below.status());
        assertEquals(new BigDecimal("0.9"), below.progress());
        assertEquals(
                Status.ACHIEVED,
                StatusRules.assess(false, false, new BigDecimal("38"), new BigDecimal("40"), null, NOVEMBER)
                        .status());
        // Down without baseline: progress = target / actual = 40 / 50.
        assertEquals(
                new BigDecimal("0.8"),
                StatusRules.assess(false, false, new BigDecimal("50"), new BigDecimal("40"), null, NOVEMBER)
                        .progress());
    }

    @Test
    void missingNumbersAreSaidAsSuch() {
        assertEquals(Status.NO_DATA, flow(null, "10").status());
        Assessment noTarget = StatusRules.assess(true, true, BigDecimal.ONE, null, null, NOVEMBER);
        assertEquals(Status.NO_TARGET, noTarget.status());
        assertNull(noTarget.progress());
    }

    @Test
    void aScoreIsProgressAgainstPaceCappedAtAHundred() {
        // 0.6 / 0.9167 = 0.6545 → 65.45; ahead of pace caps at 100; LEVEL without baseline: 100 × 0.9.
        assertEquals(new BigDecimal("65.4522"), StatusRules.score(flow("90000", "150000"), true));
        assertEquals(new BigDecimal("100"), StatusRules.score(flow("149000", "150000"), true));
        Assessment level = StatusRules.assess(false, true, new BigDecimal("45"), new BigDecimal("50"), null, NOVEMBER);
        assertEquals(new BigDecimal("90"), StatusRules.score(level, false));
        // Early in the year the expected pace floors at 0.01.
        Assessment january =
                StatusRules.assess(true, true, new BigDecimal("1"), new BigDecimal("1000"), null, BigDecimal.ZERO);
        assertEquals(new BigDecimal("10"), StatusRules.score(january, true));
    }

    private static Assessment flow(String actual, String target) {
        return StatusRules.assess(
                true, true, actual == null ? null : new BigDecimal(actual), new BigDecimal(target), null, NOVEMBER);
    }
}
