package cn.bqw.report.reporting;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Scorecards (督导考核) of the divisions directly below {@code region} (a city's counties, a
 * county's townships) for a year as of a month, best first; the list is {@code counties} whatever
 * their level.
 */
@Schema(
        example =
                "{\"year\":2025,\"asOf\":\"2025-11\",\"view\":\"official\",\"region\":\"449900000000\",\"countyClass\":null,\"counties\":[{\"region\":\"449901000000\","
                        + "\"nameZh\":\"东县\",\"countyClass\":\"LEAD\",\"score\":91.2,\"rank\":1,\"rankInClass\":1,\"previousRank\":2,"
                        + "\"rankChange\":1,\"contributions\":[{\"indicator\":\"AGRI_HSF_NEW\",\"kind\":\"BINDING\",\"weight\":2,"
                        + "\"score\":100,\"status\":\"ACHIEVED\",\"contribution\":25}],\"approved\":100,\"provisional\":false}],\"freshness\":{\"lastEventAt\":null,"
                        + "\"appliedAt\":null,\"pendingEvents\":0}}")
public record Ranking(
        int year,
        String asOf,
        String view,
        String region,
        String countyClass,
        List<Scorecard> counties,
        Freshness freshness) {

    /**
     * One county: its composite score, ranks, what each indicator contributed, and the share of
     * the reporting regions behind its scored figures whose values are all approved.
     */
    public record Scorecard(
            String region,
            String nameZh,
            String countyClass,
            BigDecimal score,
            int rank,
            int rankInClass,
            Integer previousRank,
            Integer rankChange,
            List<Contribution> contributions,
            BigDecimal approved,
            boolean provisional) {}

    /**
     * One indicator's part: its score (0–100), its weight (2 for a binding target, 1 for an
     * expected one) and the points it adds to the composite (weight × score / Σ weights).
     */
    public record Contribution(
            String indicator, String kind, int weight, BigDecimal score, String status, BigDecimal contribution) {}
}
