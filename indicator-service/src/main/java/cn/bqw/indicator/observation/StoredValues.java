package cn.bqw.indicator.observation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What an import's values are written against: the current values of its keys (locked), their
 * series, and the same periods under the same parents, kept up to date as the import goes on so
 * that a value is judged against the import's earlier values too. One instance lives as long as
 * its transaction: each (indicator, parent) range is read and locked the first time a batch
 * touches it, and since the locks hold until commit, what was read stays true. Past {@link
 * #KEPT_AT_MOST} values it forgets everything and reads again what later batches touch.
 */
final class StoredValues {

    static final int KEPT_AT_MOST = 250_000;

    private final Set<String> rangesRead = new HashSet<>();
    private final Map<String, ObservationView> current = new HashMap<>();
    private final Map<String, Map<String, Double>> bySeries = new HashMap<>();
    private final Map<String, Map<String, Double>> byPeers = new HashMap<>();

    /**
     * The (indicator, parent) ranges of {@code candidates} not read yet, one candidate for each, in
     * the order they are to be locked; past {@link #KEPT_AT_MOST} values, everything is forgotten
     * first.
     */
    List<Candidate> unread(List<Candidate> candidates) {
        if (current.size() > KEPT_AT_MOST) {
            rangesRead.clear();
            current.clear();
            bySeries.clear();
            byPeers.clear();
        }
        // Sorted, so that concurrent writers lock the rows of shared ranges in the same order.
        return distinct(candidates, Candidate::rangeKey).stream()
                .filter(c -> !rangesRead.contains(c.rangeKey()))
                .sorted(Comparator.comparing((Candidate c) -> c.indicator.code())
                        .thenComparing(c -> c.parentPrefix))
                .toList();
    }

    /**
     * Reads, and locks, every stored value of the {@link #unread} ranges: one index range per
     * (indicator, parent), which holds each value's own key, its series (history) and its peers.
     */
    void read(Connection connection, List<Candidate> ranges) throws SQLException {
        if (ranges.isEmpty()) {
            return;
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
                    remember(
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
        ranges.forEach(c -> rangesRead.add(c.rangeKey()));
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
        double number = value.value().doubleValue();
        bySeries.computeIfAbsent(seriesKey, k -> new HashMap<>()).put(value.period(), number);
        byPeers.computeIfAbsent(peerKey, k -> new HashMap<>()).put(value.region(), number);
    }

    /** Why the value is far from its own history or from its peers, if it is. */
    Optional<String> judge(Candidate candidate) {
        if (!candidate.judged()) {
            return Optional.empty();
        }
        double value = candidate.value.doubleValue();
        return Outliers.judge(
                        value,
                        others(bySeries.get(candidate.seriesKey), candidate.periodText),
                        "far from its own history")
                .or(() -> Outliers.judge(
                        value, others(byPeers.get(candidate.peerKey), candidate.region), "far from its peers"));
    }

    private static double[] others(Map<String, Double> values, String except) {
        if (values == null) {
            return new double[0];
        }
        double[] others = new double[values.size()];
        int n = 0;
        for (Map.Entry<String, Double> entry : values.entrySet()) {
            if (!entry.getKey().equals(except)) {
                others[n++] = entry.getValue();
            }
        }
        return n == others.length ? others : Arrays.copyOf(others, n);
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
