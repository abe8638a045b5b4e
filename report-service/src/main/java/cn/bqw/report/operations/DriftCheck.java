package cn.bqw.report.operations;

import cn.bqw.platform.audit.AdminActs;
import cn.bqw.report.aggregate.AggregateKey;
import cn.bqw.report.aggregate.Contribution;
import cn.bqw.report.aggregate.TownshipWalk;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * Recomputes every aggregate from the facts, the way a rebuild makes them ({@link TownshipWalk}), and
 * lists each stored row that differs. Incremental upkeep that never drifted answers no differences.
 * Both sides are read with cursors and compared a township at a time, so a province's millions of
 * rows are never all in memory; the report lists the first {@value #LISTED} differences and counts
 * them all.
 */
@ApplicationScoped
public class DriftCheck {

    static final int LISTED = 1_000;

    @Inject
    AdminActs acts;

    @Inject
    EntityManager entityManager;

    /** A check on behalf of {@code actor}, who is recorded with its outcome among the administrative acts. */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public DriftReport run(String actor) {
        // One snapshot for the facts and the aggregates, which the live consumers change together.
        entityManager
                .createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                .executeUpdate();
        Comparison comparison = entityManager.unwrap(Session.class).doReturningWork(this::compare);
        DriftReport report = new DriftReport(
                OffsetDateTime.now(ZoneOffset.UTC),
                comparison.facts,
                comparison.aggregates,
                comparison.found,
                comparison.listed,
                villageCountDifferences());
        acts.record(
                actor,
                "drift-check",
                null,
                null,
                "%d facts, %d aggregates: %d differences, %d active-village differences"
                        .formatted(
                                report.facts(),
                                report.aggregates(),
                                report.differenceCount(),
                                report.activeVillageDifferences().size()));
        return report;
    }

    private Comparison compare(Connection connection) throws SQLException {
        Comparison comparison = new Comparison();
        try (StoredAggregates stored =
                new StoredAggregates(connection, indicators(connection), comparison::unmatched)) {
            comparison.facts = TownshipWalk.walk(entityManager, connection, Set.of(), new TownshipWalk.Rows() {
                @Override
                public void township(String indicator, String township, Map<AggregateKey, Contribution> rows)
                        throws SQLException {
                    comparison.compare(rows, stored.township(indicator, township));
                }

                @Override
                public void above(String indicator, Map<AggregateKey, Contribution> rows) throws SQLException {
                    comparison.compare(rows, stored.above(indicator));
                }
            });
            stored.finish();
            comparison.aggregates = stored.read();
        }
        return comparison;
    }

    /** Every indicator code of the facts and the aggregates, in the order the database sorts them. */
    private static List<String> indicators(Connection connection) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        """
                        SELECT indicator_code FROM fact UNION SELECT indicator_code FROM aggregate
                        ORDER BY indicator_code""")) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return codes;
    }

    /** What the comparison has found so far. */
    private static final class Comparison {
        long facts;
        long aggregates;
        long found;
        final List<DriftReport.Difference> listed = new ArrayList<>();

        /** The recomputed rows of one part against the stored ones (a row missing on either side: NONE). */
        void compare(Map<AggregateKey, Contribution> expected, Map<AggregateKey, Contribution> stored) {
            TreeSet<AggregateKey> keys = new TreeSet<>(expected.keySet());
            keys.addAll(stored.keySet());
            for (AggregateKey key : keys) {
                differ(key, expected.getOrDefault(key, Contribution.NONE), stored.getOrDefault(key, Contribution.NONE));
            }
        }

        /** A stored row of a part the recomputation has not made. */
        void unmatched(AggregateKey key, Contribution stored) {
            differ(key, Contribution.NONE, stored);
        }

        private void differ(AggregateKey key, Contribution want, Contribution have) {
            if (want.minus(have).isZero()) {
                return;
            }
            found++;
            if (listed.size() < LISTED) {
                listed.add(new DriftReport.Difference(
                        key.indicator(),
                        key.year(),
                        key.month(),
                        key.area(),
                        key.region(),
                        key.view().name(),
                        want,
                        have));
            }
        }
    }

    /** The kept counts of active villages against a count of the replica's villages under each division. */
    @SuppressWarnings("unchecked")
    private List<DriftReport.VillageCountDifference> villageCountDifferences() {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        WITH counted AS (
                          SELECT rpad(substr(code, 1, digits), 12, '0') AS region_code, count(*) AS villages
                          FROM region_replica, (VALUES (2), (4), (6), (9)) AS levels (digits)
                          WHERE level = 'VILLAGE' AND active GROUP BY 1)
                        SELECT coalesce(c.region_code, k.region_code), coalesce(c.villages, 0), coalesce(k.villages, 0)
                        FROM counted c FULL JOIN active_villages k ON k.region_code = c.region_code
                        WHERE coalesce(c.villages, 0) <> coalesce(k.villages, 0)
                        ORDER BY 1""")
                .getResultList();
        return rows.stream()
                .map(row -> new DriftReport.VillageCountDifference(
                        (String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                .toList();
    }
}
