package cn.bqw.report.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.report.status.StatusRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardsTest {

    static final BigDecimal HALF_YEAR = new BigDecimal("0.5");

    @Test
    void theCompositeIsTheWeightedMeanOfIndicatorScores() {
        // Binding: 40 of 100 at half the year: 100 × min(0.4 / 0.5, 1) = 80, weight 2.
        // Expected: 30 of 50: 0.6 / 0.5 capped: 100, weight 1. Composite (2 × 80 + 100) / 3 = 86.6667.
        List<Ranking.Contribution> parts =
                Scorecards.contributions(List.of(flow("A", "BINDING", "40", "100"), flow("B", "EXPECTED", "30", "50")));
        assertEquals(new BigDecimal("80"), parts.get(0).score());
        assertEquals(new BigDecimal("53.3333"), parts.get(0).contribution());
        assertEquals(new BigDecimal("33.3333"), parts.get(1).contribution());
        assertEquals(new BigDecimal("86.6667"), Scorecards.composite(parts));
    }

    @Test
    void anIndicatorWithoutDataScoresNothing() {
        List<Ranking.Contribution> parts =
                Scorecards.contributions(List.of(flow("A", "BINDING", "50", "100"), flow("B", "BINDING", null, "100")));
        assertEquals(new BigDecimal("50"), Scorecards.composite(parts));
        assertEquals("NO_DATA", parts.get(1).status());
    }

    @Test
    void equalScoresShareARank() {
        Map<String, Integer> ranks = Scorecards.ranks(Map.of(
                "east",
                new BigDecimal("90"),
                "west",
                new BigDecimal("75"),
                "north",
                new BigDecimal("90.0"),
                "south",
                new BigDecimal("60")));
        assertEquals(Map.of("east", 1, "north", 1, "west", 3, "south", 4), ranks);
    }

    private static Scorecards.Scored flow(String code, String kind, String actual, String target) {
        return new Scorecards.Scored(
                code,
                kind,
                true,
                StatusRules.assess(
                        true,
                        true,
                        actual == null ? null : new BigDecimal(actual),
                        new BigDecimal(target),
                        null,
                        HALF_YEAR));
    }
}
