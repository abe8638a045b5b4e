package cn.bqw.report.reporting;

import cn.bqw.platform.api.Numbers;
import cn.bqw.report.status.Assessment;
import cn.bqw.report.status.StatusRules;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The scorecard arithmetic of DESIGN.md §5: weighted composite and competition ranking, on numbers alone. */
public final class Scorecards {

    static final int BINDING_WEIGHT = 2;
    static final int EXPECTED_WEIGHT = 1;
    private static final MathContext PRECISION = new MathContext(16, RoundingMode.HALF_EVEN);

    private Scorecards() {}

    /** One county's assessed indicator with a county target. */
    public record Scored(String indicator, String kind, boolean flow, Assessment assessment) {}

    /**
     * The composite score and each indicator's contribution. An indicator without data scores 0:
     * a target nobody reports against must not help.
     */
    static List<Ranking.Contribution> contributions(List<Scored> indicators) {
        int totalWeight = indicators.stream().mapToInt(s -> weight(s.kind())).sum();
        List<Ranking.Contribution> parts = new ArrayList<>();
        for (Scored scored : indicators) {
            BigDecimal score = StatusRules.score(scored.assessment(), scored.flow());
            BigDecimal points = score == null ? BigDecimal.ZERO : score;
            int weight = weight(scored.kind());
            BigDecimal contribution = totalWeight == 0
                    ? BigDecimal.ZERO
                    : points.multiply(BigDecimal.valueOf(weight)).divide(BigDecimal.valueOf(totalWeight), PRECISION);
            parts.add(new Ranking.Contribution(
                    scored.indicator(),
                    scored.kind(),
                    weight,
                    points,
                    scored.assessment().status().name(),
                    Numbers.reported(contribution)));
        }
        return parts;
    }

    /** Σ weight × score / Σ weight, from the unrounded scores. */
    static BigDecimal composite(List<Ranking.Contribution> parts) {
        int totalWeight = parts.stream().mapToInt(Ranking.Contribution::weight).sum();
        if (totalWeight == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal points = parts.stream()
                .map(p -> p.score().multiply(BigDecimal.valueOf(p.weight())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return Numbers.reported(points.divide(BigDecimal.valueOf(totalWeight), PRECISION));
    }

    /** Competition ranking ("1224"): equal scores share a rank, the next rank skips. */
    static Map<String, Integer> ranks(Map<String, BigDecimal> scores) {
        List<Map.Entry<String, BigDecimal>> ordered = new ArrayList<>(scores.entrySet());
        ordered.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            boolean tie = i > 0
                    && ordered.get(i).getValue().compareTo(ordered.get(i - 1).getValue()) == 0;
            ranks.put(
                    ordered.get(i).getKey(), tie ? ranks.get(ordered.get(i - 1).getKey()) : i + 1);
        }
        return ranks;
    }

    static int weight(String kind) {
        return "BINDING".equals(kind) ? BINDING_WEIGHT : EXPECTED_WEIGHT;
    }
}
