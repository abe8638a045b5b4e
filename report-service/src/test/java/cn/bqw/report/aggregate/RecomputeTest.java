package cn.bqw.report.aggregate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.report.ProjectionEvents;
import cn.bqw.report.operations.DriftCheck;
import cn.bqw.report.operations.DriftReport;
import cn.bqw.testkit.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A rebuild makes the aggregates from all the facts at once ({@link Recomputation#recomputeAll});
 * the live consumers keep them a poll at a time. Both must give the same rows, to the last digit,
 * for every kind of value: flows and levels, monthly and quarterly periods, weights from
 * populations, revisions, approvals in both views, values of a county and of villages in two
 * townships (whose rows the recomputation writes out as it leaves each township).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class RecomputeTest {

    static final String CITY = "690100000000";
    static final String COUNTY = "690101000000";
    static final String EAST = "690101001000";
    static final String WEST = "690101002000";
    static final String[] VILLAGES = {"690101001001", "690101001002", "690101002001", "690101002002"};

    @Inject
    Recomputation recomputation;

    @Inject
    DataSource dataSource;

    @Inject
    DriftCheck driftCheck;

    @Inject
    EntityManager entityManager;

    @Test
    void theAggregatesMadeFromAllTheFactsAtOnceAreTheOnesKeptPollByPoll() throws Exception {
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.indicator("RC_FLOW", "SUM", "FLOW", "VILLAGE", "个")
                    .indicator("RC_LEVEL", "WEIGHTED_MEAN", "LEVEL", "VILLAGE", "%")
                    .indicator("RC_RATIO", "RATIO", "FLOW", "VILLAGE", "%")
                    .indicator("RC_COUNTY", "SUM", "LEVEL", "COUNTY", "个")
                    .division(CITY, "CITY", null, "重算市", null)
                    .division(COUNTY, "COUNTY", CITY, "重算县", "LEAD")
                    .division(EAST, "TOWNSHIP", COUNTY, "东镇", null)
                    .division(WEST, "TOWNSHIP", COUNTY, "西镇", null);
            for (int i = 0; i < VILLAGES.length; i++) {
                String village = VILLAGES[i];
                events.village(village, village.substring(0, 9) + "000", "DEMONSTRATION", 100 * (i + 1));
                for (int month = 1; month <= 4; month++) {
                    String period = "2025-0" + month;
                    events.observation("RC_FLOW", village, period, "TOTAL", "\"value\":" + (i + month));
                    events.observation(
                            "RC_RATIO",
                            village,
                            period,
                            "RURAL",
                            "\"value\":%d,\"numerator\":%d,\"denominator\":10".formatted(10 * (i + 1), i + 1));
                }
                events.observation("RC_LEVEL", village, "2025Q1", "TOTAL", "\"value\":" + (50 + i));
                events.observation("RC_LEVEL", village, "2025-05", "TOTAL", "\"value\":" + (60 + i));
            }
            events.revision("RC_FLOW", VILLAGES[0], "2025-02", "TOTAL", "\"value\":100", 2)
                    .revision("RC_LEVEL", VILLAGES[3], "2025Q1", "TOTAL", "\"value\":7.25", 3)
                    .observation("RC_COUNTY", COUNTY, "2025-03", "TOTAL", "\"value\":42")
                    .approval(EAST, "2025-01", "RURAL", "APPROVED", null, 1)
                    .approval(EAST, "2025-02", "RURAL", "APPROVED", null, 1)
                    .approval(WEST, "2025-01", "RURAL", "APPROVED", null, 1)
                    .approval(WEST, "2025-01", "RURAL", "RETURNED", "核实", 2)
                    .approval(COUNTY, "2025-03", "RURAL", "ACCEPTED", null, 1);
        }
        // Every value and step applied: the east's two approved months make its flow official in both.
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        rows("SELECT region_code FROM aggregate WHERE indicator_code = 'RC_FLOW' AND view = 'OFFICIAL'"
                                                + " AND region_code = '" + EAST + "' AND month = 2 AND approved = 2")
                                        .size()
                                == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rows("SELECT 1 FROM fact WHERE indicator_code LIKE 'RC\\_%' AND version > 1")
                                        .size()
                                == 2
                        && rows("SELECT 1 FROM approval_unit WHERE region_code = '" + COUNTY + "'")
                                        .size()
                                == 1
                        && rows("SELECT 1 FROM aggregate WHERE indicator_code = 'RC_COUNTY' AND view = 'OFFICIAL'")
                                        .size()
                                > 0);
        // Every input in, whatever order the five topics were consumed in: the four definitions, the
        // four villages (their populations weigh RC_LEVEL), all 41 facts (10 a village and the county's).
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rows("SELECT 1 FROM indicator_def WHERE code LIKE 'RC\\_%'")
                                        .size()
                                == 4
                        && rows("SELECT 1 FROM region_replica WHERE code IN ('" + String.join("','", VILLAGES) + "')")
                                        .size()
                                == VILLAGES.length
                        && rows("SELECT 1 FROM fact WHERE indicator_code LIKE 'RC\\_%'")
                                        .size()
                                == 41);
        List<String> kept = aggregateRows();
        // Rows at every level, in both views, some approved: the comparison below has something to compare.
        for (String region : List.of(VILLAGES[0], EAST, WEST, COUNTY, CITY)) {
            assertTrue(kept.stream().anyMatch(row -> row.contains("|" + region + "|")), region + " in " + kept);
        }
        assertTrue(kept.stream().anyMatch(row -> row.contains("|OFFICIAL|")), "official rows");

        // The live consumers' lock held alone, as for any recomputation in the live tables.
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager
                    .createNativeQuery("SELECT pg_advisory_xact_lock(" + AggregateStore.AGGREGATES_LOCK + ")")
                    .getSingleResult();
            recomputation.recomputeAll(Set.of());
        });

        List<String> made = aggregateRows();
        assertEquals(List.of(), difference(kept, made), "kept poll by poll, not made from the facts");
        assertEquals(List.of(), difference(made, kept), "made from the facts, not kept poll by poll");
        assertEquals(kept.size(), made.size());

        // The drift check holds the stored rows to the same recomputation a township at a time: every
        // row changed, removed or added by hand is found, within the townships and above them, of an
        // indicator with facts and of one without.
        String february = "indicator_code = 'RC_FLOW' AND year = 2025 AND month = 2 AND area = 'TOTAL'"
                + " AND view = 'ALL' AND region_code = ";
        String city = rows("SELECT trim_scale(value)::text FROM aggregate WHERE " + february + "'" + CITY + "'")
                .get(0);
        execute("UPDATE aggregate SET value = value + 1 WHERE " + february + "'" + VILLAGES[1] + "'");
        execute("DELETE FROM aggregate WHERE " + february + "'" + CITY + "'");
        for (String[] extra : List.of(
                new String[] {"RC_AA", COUNTY},
                new String[] {"RC_ZZ", VILLAGES[2]},
                new String[] {"RC_FLOW", "690101003001"},
                new String[] {"RC_FLOW", "690101001999"})) {
            execute("INSERT INTO aggregate (indicator_code, year, month, area, region_code, view, value, numerator,"
                    + " denominator, weighted, weight, reporters, approved)"
                    + " VALUES ('%s', 2025, 2, 'TOTAL', '%s', 'ALL', 5, 0, 0, 0, 0, 1, 0)"
                            .formatted(extra[0], extra[1]));
        }
        DriftReport drift = driftCheck.run("recompute-test");
        List<String> found = drift.differences().stream()
                .map(d -> String.join(
                        "|",
                        d.indicator(),
                        d.region(),
                        d.expected()
                                .value()
                                .subtract(d.stored().value())
                                .stripTrailingZeros()
                                .toPlainString(),
                        d.stored().reporters() + ""))
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "RC_AA|" + COUNTY + "|-5|1",
                        "RC_FLOW|" + CITY + "|" + city + "|0",
                        "RC_FLOW|" + VILLAGES[1] + "|-1|1",
                        "RC_FLOW|690101001999|-5|1",
                        "RC_FLOW|690101003001|-5|1",
                        "RC_ZZ|" + VILLAGES[2] + "|-5|1"),
                found);
        assertEquals(6, drift.differenceCount());

        QuarkusTransaction.requiringNew().run(() -> {
            entityManager
                    .createNativeQuery("SELECT pg_advisory_xact_lock(" + AggregateStore.AGGREGATES_LOCK + ")")
                    .getSingleResult();
            recomputation.recomputeAll(Set.of());
        });
        assertEquals(0, driftCheck.run("recompute-test").differenceCount());
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static List<String> difference(List<String> these, List<String> those) {
        return these.stream().filter(row -> !those.contains(row)).toList();
    }

    /**
     * This test's aggregate rows, each as one line, numbers without trailing zeros. A row that
     * counts nothing (a value moved out of the official view leaves one) reads as no row.
     */
    private List<String> aggregateRows() throws Exception {
        return rows(
                """
                SELECT concat_ws('|', indicator_code, year, month, area, region_code, view, trim_scale(value),
                                 trim_scale(numerator), trim_scale(denominator), trim_scale(weighted),
                                 trim_scale(weight), reporters, approved, '')
                FROM aggregate WHERE indicator_code LIKE 'RC\\_%'
                  AND NOT (value = 0 AND numerator = 0 AND denominator = 0 AND weighted = 0 AND weight = 0
                           AND reporters = 0 AND approved = 0)
                ORDER BY 1""");
    }

    private List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
