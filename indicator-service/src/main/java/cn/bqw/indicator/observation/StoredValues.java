package cn.bqw.indicator.observation;

import cn.bqw.platform.division.DivisionCode.Subtree;
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
 * What a transaction's values are written against: the current values of the keys it writes, and
 * for judging outliers their series and the same periods under the same parents, kept up to date
 * as the writes go on (a value is judged against the import's earlier values too).
 *
 * <p>Reference values are read without locks: a few values (a single post) read their own series
 * and peers; an import reads each (indicator, parent) range once, the first time a batch touches
 * it. Only the keys about to be replaced are locked ({@code FOR UPDATE}, in key order), and their
 * locked state is the one replaced: concurrent writers of one key queue up and each sees the value
 * it replaces, while writers of neighbouring keys do not wait for each other. Past {@link
 * #KEPT_AT_MOST} values an import forgets everything and reads again what later batches touch.
 */
final class StoredValues {

    static final int KEPT_AT_MOST = 250_000;

    /** Up to this many values read their own series and peers instead of whole ranges. */
    static final int FEW = 20;

    /**
     * Per candidate (by its position in the arrays): its series and its peers' range, each folded
     * into two arrays on the server. A post's ~600 peer rows came back one by one before, and
     * turning each into three map keys was the most of a single post's own work.
     */
    private static final String OWN_SERIES_AND_PEERS =
            """
            SELECT k.n, s.periods, s.vals, p.regions, p.vals
            FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
                 WITH ORDINALITY AS k(i, r, p, a, lo, hi, n)
            CROSS JOIN LATERAL (
                SELECT array_agg(period) AS periods, array_agg(value::float8) AS vals
                FROM observation WHERE indicator_code = k.i AND region_code = k.r AND area = k.a) s
            CROSS JOIN LATERAL (
                SELECT array_agg(region_code) AS regions, array_agg(value::float8) AS vals
                FROM observation WHERE indicator_code = k.i AND period = k.p AND area = k.a
                                   AND region_code >= k.lo AND region_code < k.hi) p""";

    // OFFSET 0 keeps each lateral subquery one index range scan: flattened, the planner would
    // rather scan the whole table once per batch, above all while it has no statistics yet.
    private static final String RANGES =
            """
            SELECT o.indicator_code, o.region_code, o.period, o.area, o.value
            FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) AS k(i, lo, hi)
            CROSS JOIN LATERAL (
                SELECT * FROM observation WHERE indicator_code = k.i AND region_code >= k.lo AND region_code < k.hi
                OFFSET 0) o""";

    private static final String LOCK = "SELECT "
            + ObservationRows.columns("o")
            + """
             FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) AS k(i, r, p, a)
            JOIN observation o ON o.indicator_code = k.i AND o.period = k.p AND o.area = k.a AND o.region_code = k.r
            ORDER BY o.indicator_code, o.period, o.area, o.region_code
            FOR UPDATE OF o""";

    private final Set<Candidate.RangeKey> rangesRead = new HashSet<>();
    /** Keys a read found stored, not locked yet. */
    private final Set<Candidate.ValueKey> seen = new HashSet<>();
    /** The state of keys this transaction locked or wrote. */
    private final Map<Candidate.ValueKey, ObservationView> current = new HashMap<>();

    private final Map<Candidate.SeriesKey, Map<String, Double>> bySeries = new HashMap<>();
    private final Map<Candidate.PeerKey, Map<String, Double>> byPeers = new HashMap<>();
    private final Map<String, String> parents = new HashMap<>();
    private int kept;

    /**
     * Whether {@link #read} has to ask the database for {@code candidates}: always for a few values,
     * for an import's batch when it touches a range not read yet.
     */
    boolean mustRead(List<Candidate> candidates) {
        if (kept > KEPT_AT_MOST) {
            rangesRead.clear();
            seen.clear();
            current.clear();
            bySeries.clear();
            byPeers.clear();
            kept = 0;
        }
        return candidates.size() <= FEW
                ? !candidates.isEmpty()
                : candidates.stream().anyMatch(c -> !rangesRead.contains(c.rangeKey()));
    }

    /** Reads, without locks, the reference values of {@code candidates} that are not known yet. */
    void read(Connection connection, List<Candidate> candidates) throws SQLException {
        if (candidates.size() <= FEW) {
            try (PreparedStatement select = connection.prepareStatement(OWN_SERIES_AND_PEERS)) {
                select.setArray(1, array(connection, candidates, c -> c.indicator.code()));
                select.setArray(2, array(connection, candidates, c -> c.region));
                select.setArray(3, array(connection, candidates, c -> c.periodText));
                select.setArray(4, array(connection, candidates, c -> c.area.name()));
                java.sql.Array[] siblings = siblingRanges(connection, candidates);
                select.setArray(5, siblings[0]);
                select.setArray(6, siblings[1]);
                readOwnGroups(select, candidates);
            }
            return;
        }
        List<Candidate> ranges = distinct(candidates, Candidate::rangeKey).stream()
                .filter(c -> !rangesRead.contains(c.rangeKey()))
                .toList();
        try (PreparedStatement select = connection.prepareStatement(RANGES)) {
            select.setArray(1, array(connection, ranges, c -> c.indicator.code()));
            java.sql.Array[] siblings = siblingRanges(connection, ranges);
            select.setArray(2, siblings[0]);
            select.setArray(3, siblings[1]);
            readReferences(select);
        }
        ranges.forEach(c -> rangesRead.add(c.rangeKey()));
    }

    /**
     * Takes each candidate's series and peers as {@link #OWN_SERIES_AND_PEERS} folded them. Values
     * this transaction wrote or locked stay as they are; the range's regions of another level
     * (the parent itself, or those below a sibling) are no peers.
     */
    private void readOwnGroups(PreparedStatement select, List<Candidate> candidates) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Candidate candidate = candidates.get(rows.getInt(1) - 1);
                String[] periods = strings(rows.getArray(2));
                Double[] seriesValues = doubles(rows.getArray(3));
                Map<String, Double> series = bySeries.computeIfAbsent(candidate.seriesKey, k -> new HashMap<>());
                for (int j = 0; j < periods.length; j++) {
                    Candidate.ValueKey key = candidate.key.period().equals(periods[j])
                            ? candidate.key
                            : new Candidate.ValueKey(
                                    candidate.key.indicator(), candidate.region, periods[j], candidate.area);
                    if (current.isEmpty() || !current.containsKey(key)) {
                        series.put(periods[j], seriesValues[j]);
                        kept++;
                        if (key == candidate.key) {
                            seen.add(key);
                        }
                    }
                }
                String[] regions = strings(rows.getArray(4));
                Double[] peerValues = doubles(rows.getArray(5));
                Map<String, Double> peers = byPeers.computeIfAbsent(candidate.peerKey, k -> new HashMap<>());
                for (int j = 0; j < regions.length; j++) {
                    if (!parents.computeIfAbsent(regions[j], Candidate::parentPrefix)
                            .equals(candidate.parentPrefix)) {
                        continue;
                    }
                    if (current.isEmpty()
                            || !current.containsKey(new Candidate.ValueKey(
                                    candidate.key.indicator(), regions[j], candidate.periodText, candidate.area))) {
                        peers.put(regions[j], peerValues[j]);
                        kept++;
                    }
                }
            }
        }
    }

    private static String[] strings(java.sql.Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static Double[] doubles(java.sql.Array array) throws SQLException {
        return array == null ? new Double[0] : (Double[]) array.getArray();
    }

    private void readReferences(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String indicator = rows.getString(1);
                String region = rows.getString(2);
                String period = rows.getString(3);
                Area area = Area.valueOf(rows.getString(4));
                Candidate.ValueKey key = new Candidate.ValueKey(indicator, region, period, area);
                if (!current.containsKey(key)) {
                    seen.add(key);
                    remember(
                            indicator,
                            region,
                            period,
                            area,
                            rows.getBigDecimal(5).doubleValue());
                }
            }
        }
    }

    /** The candidates whose keys are stored and not locked yet: {@link #lock} them before writing. */
    List<Candidate> unlocked(List<Candidate> candidates) {
        return distinct(candidates, c -> c.key).stream()
                .filter(c -> seen.contains(c.key))
                .toList();
    }

    /** Locks the stored keys of {@code candidates}, in key order, and takes their current state. */
    void lock(Connection connection, List<Candidate> candidates) throws SQLException {
        if (candidates.isEmpty()) {
            return;
        }
        List<Candidate> ordered = candidates.stream()
                .sorted(Comparator.comparing((Candidate c) -> c.indicator.code())
                        .thenComparing(c -> c.periodText)
                        .thenComparing(c -> c.area)
                        .thenComparing(c -> c.region))
                .toList();
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setArray(1, array(connection, ordered, c -> c.indicator.code()));
            select.setArray(2, array(connection, ordered, c -> c.region));
            select.setArray(3, array(connection, ordered, c -> c.periodText));
            select.setArray(4, array(connection, ordered, c -> c.area.name()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keep(ObservationRows.read(rows));
                }
            }
        }
    }

    ObservationView current(Candidate.ValueKey key) {
        return current.get(key);
    }

    /** Takes a written value into account for the rest of the transaction. */
    void put(ObservationView written) {
        keep(written);
    }

    private void keep(ObservationView state) {
        seen.remove(state.key());
        current.put(state.key(), state);
        remember(
                state.indicator(),
                state.region(),
                state.period(),
                state.area(),
                state.value().doubleValue());
    }

    private void remember(String indicator, String region, String period, Area area, double value) {
        kept++;
        bySeries.computeIfAbsent(new Candidate.SeriesKey(indicator, region, area), k -> new HashMap<>())
                .put(period, value);
        byPeers.computeIfAbsent(
                        new Candidate.PeerKey(
                                indicator, period, area, parents.computeIfAbsent(region, Candidate::parentPrefix)),
                        k -> new HashMap<>())
                .put(region, value);
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

    private static List<Candidate> distinct(List<Candidate> candidates, Function<Candidate, ?> key) {
        Map<Object, Candidate> first = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            first.putIfAbsent(key.apply(c), c);
        }
        return List.copyOf(first.values());
    }

    /**
     * The first and end codes under each candidate's parent, each range computed once. Only for
     * candidates past the region check: a code that is no division has no range.
     */
    private static java.sql.Array[] siblingRanges(Connection connection, List<Candidate> candidates)
            throws SQLException {
        List<Subtree> ranges =
                candidates.stream().map(c -> Subtree.of(c.parentPrefix)).toList();
        return new java.sql.Array[] {
            connection.createArrayOf(
                    "varchar", ranges.stream().map(Subtree::first).toArray(String[]::new)),
            connection.createArrayOf(
                    "varchar", ranges.stream().map(Subtree::end).toArray(String[]::new))
        };
    }

    private static java.sql.Array array(
            Connection connection, List<Candidate> candidates, Function<Candidate, String> field) throws SQLException {
        return connection.createArrayOf(
                "varchar", candidates.stream().map(field).toArray(String[]::new));
    }
}
