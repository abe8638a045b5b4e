package cn.bqw.report.aggregate;

import cn.bqw.platform.jdbc.CopyIn;
import cn.bqw.platform.period.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * Makes every aggregate again from the facts, after {@link #stageFacts}, copying each part out as
     * the {@link TownshipWalk} completes it; the aggregates of the {@code kept} years (a rebuild's
     * closed years, restored from their copies) stay as they are. No one else may write the
     * aggregates meanwhile: a rebuild's fresh tables have no other writer, and the live consumers'
     * lock is not taken here, so that they go on with the live tables while a rebuild recomputes.
     */
    public void recomputeAll(Set<Integer> kept) {
        entityManager
                .createNativeQuery("DELETE FROM aggregate WHERE year <> ALL(" + ClosedYears.array(kept) + ")")
                .executeUpdate();
        entityManager.unwrap(Session.class).doWork(connection -> {
            AggregateCopy out = new AggregateCopy(connection);
            TownshipWalk.walk(entityManager, connection, kept, out);
            out.send();
        });
    }

    /** Aggregate rows copied into an empty table in large COPYs (see {@link #recomputeAll}). */
    private static final class AggregateCopy implements TownshipWalk.Rows {

        private static final int ROWS_PER_COPY = 50_000;
        private final Connection connection;
        private CopyIn rows = copy();

        AggregateCopy(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void township(String indicator, String township, Map<AggregateKey, Contribution> rows)
                throws SQLException {
            add(rows);
        }

        @Override
        public void above(String indicator, Map<AggregateKey, Contribution> rows) throws SQLException {
            add(rows);
        }

        /** A row that counts nothing is no row. */
        private void add(Map<AggregateKey, Contribution> complete) throws SQLException {
            for (Map.Entry<AggregateKey, Contribution> row : complete.entrySet()) {
                AggregateKey key = row.getKey();
                Contribution sum = row.getValue();
                if (!sum.isZero()) {
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
