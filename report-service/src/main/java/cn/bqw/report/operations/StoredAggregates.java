package cn.bqw.report.operations;

import cn.bqw.report.aggregate.AggregateKey;
import cn.bqw.report.aggregate.Contribution;
import cn.bqw.report.aggregate.TownshipWalk;
import cn.bqw.report.aggregate.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The stored aggregate rows, read with a cursor in the order a {@link TownshipWalk} hands over the
 * recomputed ones (indicator, then region code), so that the drift check holds one township's rows
 * at a time against them. The rows above the townships come between the townships in that order;
 * they are kept aside per indicator (a few hundred rows each) until the walk hands over its own.
 * A row passed over on the way, one that the walk has no part for, goes to {@code unmatched}.
 */
final class StoredAggregates implements AutoCloseable {

    /** A stored row, with its township ({@link TownshipWalk#townshipOf}) or null above them. */
    private record Stored(AggregateKey key, Contribution sums, String township) {}

    private final PreparedStatement query;
    private final ResultSet rows;
    /** Each indicator code's place in the database's order, which both cursors follow. */
    private final Map<String, Integer> order;

    private final BiConsumer<AggregateKey, Contribution> unmatched;
    private final Map<String, Map<AggregateKey, Contribution>> above = new HashMap<>();
    private Stored next;
    private long read;

    StoredAggregates(Connection connection, List<String> indicators, BiConsumer<AggregateKey, Contribution> unmatched)
            throws SQLException {
        this.order = new HashMap<>();
        indicators.forEach(code -> order.put(code, order.size()));
        this.unmatched = unmatched;
        this.query = connection.prepareStatement(
                """
                SELECT indicator_code, year, month, area, region_code, view, value, numerator, denominator,
                       weighted, weight, reporters, approved
                FROM aggregate ORDER BY indicator_code, region_code""");
        query.setFetchSize(5_000);
        this.rows = query.executeQuery();
        advance();
    }

    /** The stored rows of one indicator's township; the rows before them are passed over. */
    Map<AggregateKey, Contribution> township(String indicator, String township) throws SQLException {
        int place = place(indicator);
        while (next != null
                && (place(next.key().indicator()) < place
                        || (next.key().indicator().equals(indicator)
                                && next.key().region().compareTo(township) < 0))) {
            pass();
        }
        Map<AggregateKey, Contribution> own = new TreeMap<>();
        while (next != null && next.key().indicator().equals(indicator) && township.equals(next.township())) {
            own.put(next.key(), next.sums());
            advance();
        }
        return own;
    }

    /** The stored rows above the townships of one indicator, after the rest of its rows are passed over. */
    Map<AggregateKey, Contribution> above(String indicator) throws SQLException {
        int place = place(indicator);
        while (next != null && place(next.key().indicator()) <= place) {
            pass();
        }
        Map<AggregateKey, Contribution> own = above.remove(indicator);
        return own != null ? own : Map.of();
    }

    /** Passes over every row not taken yet. */
    void finish() throws SQLException {
        while (next != null) {
            pass();
        }
        above.values().forEach(rows -> rows.forEach(unmatched));
        above.clear();
    }

    /** How many rows were read. */
    long read() {
        return read;
    }

    private void pass() throws SQLException {
        if (next.township() == null) {
            above.computeIfAbsent(next.key().indicator(), code -> new TreeMap<>())
                    .put(next.key(), next.sums());
        } else {
            unmatched.accept(next.key(), next.sums());
        }
        advance();
    }

    private int place(String indicator) {
        return order.getOrDefault(indicator, Integer.MAX_VALUE);
    }

    private void advance() throws SQLException {
        if (!rows.next()) {
            next = null;
            return;
        }
        read++;
        AggregateKey key = new AggregateKey(
                rows.getString(1),
                rows.getInt(2),
                rows.getInt(3),
                rows.getString(4),
                rows.getString(5),
                View.valueOf(rows.getString(6)));
        Contribution sums = new Contribution(
                rows.getBigDecimal(7),
                rows.getBigDecimal(8),
                rows.getBigDecimal(9),
                rows.getBigDecimal(10),
                rows.getBigDecimal(11),
                rows.getLong(12),
                rows.getLong(13));
        next = new Stored(key, sums, TownshipWalk.townshipOf(key.region()));
    }

    @Override
    public void close() throws SQLException {
        try (query) {
            rows.close();
        }
    }
}
