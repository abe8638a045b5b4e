package cn.bqw.indicator.observation;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a batch is written against: the current values of its keys (locked), their series, and the
 * same periods under the same parents, kept up to date as the batch goes on so that a value is
 * judged against the batch's earlier values too.
 */
final class StoredValues {

    private final Map<String, ObservationView> current = new HashMap<>();
    private final Map<String, Map<String, BigDecimal>> bySeries = new HashMap<>();
    private final Map<String, Map<String, BigDecimal>> byPeers = new HashMap<>();

    /**
     * Reads, and locks, every stored value of the batch's indicators under the parents of the
     * batch's regions: one index range per (indicator, parent), which holds each value's own key,
     * its series (history) and its peers.
     */
    static StoredValues read(Connection connection, List<Candidate> candidates) throws SQLException {
        StoredValues stored = new StoredValues();
        // Sorted, so that concurrent writers lock the rows of shared ranges in the same order.
        List<Candidate> ranges = distinct(candidates, c -> c.indicator.code() + "|" + c.parentPrefix).stream()
                .sorted(Comparator.comparing((Candidate c) -> c.indicator.code())
                        .thenComparing(c -> c.parentPrefix))
                .toList();
        if (ranges.isEmpty()) {
            return stored;
        }
        // OFFSET 0 keeps each lateral subquery one index range scan: flattened, the planner would
        // rather scan the whole table once per batch, above all while it has no statistics yet.
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT "
                        + ObservationRows.columns("o")
                        + """
                 FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) AS k(i, lo, hi)
                CROSS JOIN LATERAL (
                    SELECT * FROM observation WHERE indicator_code = k.i AND region_code BETWEEN k.lo AND k.hi
                    ORDER BY region_code, area, period OFFSET 0 FOR UPDATE) o""")) {
            select.setArray(1, array(connection, ranges, c -> c.indicator.code()));
            select.setArray(2, array(connection, ranges, c -> padded(c.parentPrefix, '0')));
            select.setArray(3, array(connection, ranges, c -> padded(c.parentPrefix, '9')));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ObservationView view = ObservationRows.read(rows);
                    stored.remember(
                            view.key(),
                            view.seriesKey(),
                            Candidate.peerKey(
                                    view.indicator(),
                                    view.period(),
                                    view.area(),
                                    Candidate.parentPrefix(view.region())),
                            view);
                }
            }
        }
        return stored;
    }

    ObservationView current(String key) {
        return current.get(key);
    }

    /** Takes a written value into account for the rest of the batch. */
    void put(Candidate candidate, ObservationView written) {
        remember(candidate.key, candidate.seriesKey, candidate.peerKey, written);
    }

    private void remember(String key, String seriesKey, String peerKey, ObservationView value) {
        current.put(key, value);
        bySeries.computeIfAbsent(seriesKey, k -> new HashMap<>()).put(value.period(), value.value());
        byPeers.computeIfAbsent(peerKey, k -> new HashMap<>()).put(value.region(), value.value());
    }

    /** Why the value is far from its own history or from its peers, if it is. */
    Optional<String> judge(Candidate candidate) {
        if (!candidate.judged()) {
            return Optional.empty();
        }
        List<BigDecimal> history = others(bySeries.get(candidate.seriesKey), candidate.periodText);
        List<BigDecimal> peers = others(byPeers.get(candidate.peerKey), candidate.region);
        return Outliers.judge(candidate.value, history, "far from its own history")
                .or(() -> Outliers.judge(candidate.value, peers, "far from its peers"));
    }

    private static List<BigDecimal> others(Map<String, BigDecimal> values, String except) {
        if (values == null) {
            return List.of();
        }
        return values.entrySet().stream()
                .filter(e -> !Objects.equals(e.getKey(), except))
                .map(Map.Entry::getValue)
                .toList();
    }

    private static List<Candidate> distinct(List<Candidate> candidates, Function<Candidate, String> key) {
        Map<String, Candidate> first = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            first.putIfAbsent(key.apply(c), c);
        }
        return List.copyOf(first.values());
    }

    private static String padded(String prefix, char digit) {
        return prefix + String.valueOf(digit).repeat(12 - prefix.length());
    }

    private static java.sql.Array array(
            Connection connection, List<Candidate> candidates, Function<Candidate, String> field) throws SQLException {
        return connection.createArrayOf(
                "varchar", candidates.stream().map(field).toArray(String[]::new));
    }
}
