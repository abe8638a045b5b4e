package cn.bqw.report.aggregate;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.jdbc.CopyIn;
import cn.bqw.platform.period.Period;
import cn.bqw.report.catalogue.IndicatorDef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.Session;

/**
 * A rebuild's way to the aggregates: the facts in bulk first, then every aggregate made from all of
 * them at once, where the live consumers ({@link AggregateStore#recordAll}) change the aggregates a
 * poll of values at a time.
 */
@ApplicationScoped
public class Recomputation {

    @Inject
    EntityManager entityManager;

    @Inject
    Populations populations;

    @Inject
    AggregateStore aggregates;

    /**
     * A rebuild's first pass over the values: each is copied as it comes into {@code staged_fact},
     * a table without indexes that the rebuild settles into {@code fact} once the topic is through
     * (the newest version of each fact wins there), and {@link #recomputeAll} makes the aggregates
     * from all the facts at once. Value by value, every value rewrote its county's and city's rows.
     */
    public void stageFacts(List<ObservationState> states) {
        Map<String, BigDecimal> weights = populations.ofUnweighted(states);
        CopyIn facts = new CopyIn(
                """
                staged_fact (indicator_code, region_code, area, year, period, first_month, value, numerator, denominator,
                             weight, weight_given, version, recorded_by, recorded_at, replaced_value)""");
        Map<AggregateStore.RegionYear, Integer> latestMonths = new TreeMap<>();
        for (ObservationState state : states) {
            Period period = Period.parse(state.period())
                    .orElseThrow(() -> new IllegalArgumentException("period " + state.period()));
            facts.row(
                    state.indicator(),
                    state.region(),
                    state.area(),
                    period.year(),
                    state.period(),
                    period.firstMonth(),
                    state.value(),
                    state.numerator(),
                    state.denominator(),
                    state.weight() != null ? state.weight() : weights.get(state.region()),
                    state.weight() != null,
                    state.version(),
                    state.recordedBy(),
                    state.recordedAt(),
                    state.replacedValue());
            AggregateStore.noteLatestMonth(latestMonths, state.region(), period);
        }
        entityManager.unwrap(Session.class).doWork(facts::copy);
        aggregates.raiseLatestMonths(latestMonths);
    }

    /**
     * Makes every aggregate again from the facts, after {@link #stageFacts}: the facts are read in
     * series order, and the rows of a township and its villages, which no value outside the township
     * touches, are complete when the scan leaves the township and copied out then; the rows of the
     * divisions above, when it leaves the indicator. So memory holds one township's rows and one
     * indicator's upper rows, whatever the number of facts. No one else may write the aggregates
     * meanwhile: a rebuild's fresh tables have no other writer, and the live consumers' lock is
     * not taken here, so that they go on with the live tables while a rebuild recomputes.
     */
    public void recomputeAll() {
        Map<String, IndicatorDef> indicators = new HashMap<>();
        IndicatorDef.<IndicatorDef>listAll().forEach(i -> indicators.put(i.code, i));
        ApprovedUnits units = ApprovedUnits.load(entityManager, null, null);
        entityManager.createNativeQuery("DELETE FROM aggregate").executeUpdate();
        entityManager.unwrap(Session.class).doWork(connection -> {
            AggregateCopy out = new AggregateCopy(connection);
            SeriesScan scan = new SeriesScan(indicators, units);
            Deltas township = new Deltas();
            Deltas upper = new Deltas();
            String indicator = null;
            String townshipPrefix = null;
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT " + SeriesScan.COLUMNS + " FROM fact ORDER BY indicator_code, region_code, area, year")) {
                // A cursor, not the whole table in memory.
                read.setFetchSize(5_000);
                try (ResultSet facts = read.executeQuery()) {
                    while (facts.next()) {
                        Object[] row = new Object[10];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = facts.getObject(i + 1);
                        }
                        String prefix = townshipPrefix((String) row[1]);
                        if (!row[0].equals(indicator) || !prefix.equals(townshipPrefix)) {
                            scan.finish(township);
                            out.settle(township, upper);
                            if (!row[0].equals(indicator)) {
                                out.settle(upper, null);
                            }
                            indicator = (String) row[0];
                            townshipPrefix = prefix;
                        }
                        scan.accept(row, township);
                    }
                }
            }
            scan.finish(township);
            out.settle(township, upper);
            out.settle(upper, null);
            out.send();
        });
    }

    /** The part of a code that a township and its villages share (any other code: all of it). */
    private static String townshipPrefix(String region) {
        return withinTownship(region) ? region.substring(0, 9) : region;
    }

    /** A township's or a village's code: rows that only values of their own township make. */
    private static boolean withinTownship(String region) {
        return DivisionCode.parse(region)
                .map(code -> code.level() == DivisionLevel.TOWNSHIP || code.level() == DivisionLevel.VILLAGE)
                .orElse(false);
    }

    /** Aggregate rows copied into an empty table in large COPYs (see {@link #recomputeAll}). */
    private static final class AggregateCopy {

        private static final int ROWS_PER_COPY = 50_000;
        private final Connection connection;
        private CopyIn rows = copy();

        AggregateCopy(Connection connection) {
            this.connection = connection;
        }

        /**
         * Copies out {@code deltas}' rows of townships and villages, or all of them when {@code upper} is
         * null; the rest go into {@code upper}. {@code deltas} is left empty.
         */
        void settle(Deltas deltas, Deltas upper) throws SQLException {
            for (Map.Entry<AggregateKey, Contribution> row : deltas.rows().entrySet()) {
                AggregateKey key = row.getKey();
                Contribution sum = row.getValue();
                if (upper != null && !withinTownship(key.region())) {
                    upper.rows().merge(key, sum, Contribution::plus);
                } else if (!sum.isZero()) {
                    rows.row(
                            key.indicator(),
                            key.year(),
                            key.month(),
                            key.area(),
                            key.region(),
                            key.view().name(),
                            sum.value(),
                            sum.numerator(),
                            sum.denominator(),
                            sum.weighted(),
                            sum.weight(),
                            sum.reporters(),
                            sum.approved());
                }
            }
            deltas.rows().clear();
            if (rows.rows() >= ROWS_PER_COPY) {
                send();
            }
        }

        void send() throws SQLException {
            rows.copy(connection);
            rows = copy();
        }

        private static CopyIn copy() {
            return new CopyIn(
                    """
                    aggregate (indicator_code, year, month, area, region_code, view, value, numerator, denominator,
                               weighted, weight, reporters, approved)""");
        }
    }
}
