package cn.bqw.report.operations;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.platform.events.KafkaConnection;
import cn.bqw.report.DriftChecking;
import cn.bqw.report.OperationsApplication;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestEvents;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A projection damaged behind its back is rebuilt from the topics: reads are answered all along,
 * values posted during the rebuild are not lost, and the switched-in tables have no drift
 * (province 94, year 2023).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(OperationsApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildTest {

    static final String CITY = "940100000000";
    static final String COUNTY = "940101000000";
    static final String TOWNSHIP = "940101001000";
    static final int VILLAGES = 100;

    @Inject
    DataSource dataSource;

    @Test
    @Order(1)
    void aDamagedProjectionIsRebuiltFromTheTopicsWithoutLosingWhatArrivesMeanwhile() throws Exception {
        String startedAt = java.time.Instant.now().toString();
        try (TestEvents events = new TestEvents()) {
            division(events, CITY, "CITY", null);
            division(events, COUNTY, "COUNTY", CITY);
            division(events, TOWNSHIP, "TOWNSHIP", COUNTY);
            events.send(
                    "bqw.indicators.v1",
                    "bqw.indicator.defined.v1",
                    "T_REBUILD",
                    """
                    {"code":"T_REBUILD","nameZh":"重建测试","campaign":"RURAL","unit":"个","aggregation":"SUM",
                     "overTime":"FLOW","direction":"UP","reportedAt":"VILLAGE","frequency":"MONTHLY","version":0}""");
            for (int month = 1; month <= 6; month++) {
                observations(events, month);
            }
            events.send(
                    "bqw.tasks.v1",
                    "bqw.task.registered.v1",
                    "T-REBUILD",
                    """
                    {"code":"T-REBUILD","title":"重建任务","campaign":"RURAL","region":"%s","leadDepartment":"D-REBUILD",
                     "startDate":"2023-01-01","dueDate":"2023-12-31","measure":"PERCENT","status":"ON_SCHEDULE",
                     "light":"GREEN","working":"w","statusOn":"2023-03-01","version":0}"""
                            .formatted(CITY));
        }
        // Σ over 100 villages of (v mod 5 + 1) = 20 × 15 = 300 a month; six months.
        awaitCityTotal("1800");
        await().atMost(Duration.ofSeconds(30)).until(() -> ledgerTasks() == 1);

        execute("UPDATE aggregate SET value = value + 1000 WHERE region_code = '" + CITY + "'");
        execute("DELETE FROM ledger_task WHERE code = 'T-REBUILD'");
        assertEquals(0, ledgerTasks());
        execute("INSERT INTO active_villages VALUES ('" + COUNTY + "', 5)"
                + " ON CONFLICT (region_code) DO UPDATE SET villages = active_villages.villages + 5");
        assertEquals("2800", cityTotal());
        DriftChecking.report()
                .body("differences", not(empty()))
                .body("activeVillageDifferences.region", org.hamcrest.Matchers.contains(COUNTY));

        List<String> indexes = indexes();
        assertTrue(indexes.stream().anyMatch(i -> i.startsWith("aggregate_pkey PRIMARY KEY")), "indexes: " + indexes);
        // The topics also hold other tests' deliberately broken events, dead-lettered long ago.
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("passOverDeadLetters", true)
                .post("/api/v1/admin/rebuild")
                .then()
                .statusCode(202)
                .body("state", org.hamcrest.Matchers.equalTo("REPLAYING"));
        try (TestEvents events = new TestEvents()) {
            observations(events, 7);
        }
        List<Integer> readsDuringRebuild = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    readsDuringRebuild.add(given().auth()
                            .oauth2(TestTokens.viewer())
                            .queryParam("year", 2023)
                            .get("/api/v1/reports/regions/" + CITY)
                            .statusCode());
                    String state = given().auth()
                            .oauth2(TestTokens.admin())
                            .get("/api/v1/admin/rebuild")
                            .path("state");
                    assertTrue(!state.equals("FAILED"), "the rebuild failed");
                    return state.equals("DONE");
                });
        assertTrue(
                readsDuringRebuild.stream().allMatch(status -> status == 200),
                "reads during the rebuild: " + readsDuringRebuild);

        // The tables filled in bulk have their keys and indexes back, as the migrations made them.
        assertEquals(indexes, indexes());

        // The damage is gone and July counts once: 7 × 300.
        awaitCityTotal("2100");
        assertEquals(VILLAGES * 7, count("SELECT count(*) FROM fact WHERE indicator_code = 'T_REBUILD'"));
        // The 督办 ledger is rebuilt from bqw.tasks.v1 too.
        assertEquals(1, ledgerTasks());
        assertEquals(
                0, count("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'projection_%'"));
        DriftChecking.report().body("differences", empty()).body("activeVillageDifferences", empty());
        given().auth()
                .oauth2(TestTokens.viewer())
                .post("/api/v1/admin/rebuild")
                .then()
                .statusCode(403);

        // Each act is on record: who started the rebuild, how it ended, and both drift checks.
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("from", startedAt)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(4))
                .body("items.action", contains("drift-check", "rebuild.outcome", "rebuild.start", "drift-check"))
                .body("items.actor", everyItem(org.hamcrest.Matchers.equalTo("tester")))
                .body("items[0].outcome", org.hamcrest.Matchers.containsString(": 0 differences, 0 active-village"))
                .body("items[1].outcome", org.hamcrest.Matchers.startsWith("DONE: "))
                .body(
                        "items[3].outcome",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(": 0 differences")))
                .body("items[0].digest", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("from", startedAt)
                .queryParam("action", "rebuild.start")
                .get("/api/v1/audit")
                .then()
                .body("total", org.hamcrest.Matchers.equalTo(1));
    }

    /** On the first test's data: one rebuild at a time across instances, and database sessions killed mid-way. */
    @Test
    @Order(2)
    void aRebuildWhoseDatabaseSessionsAreKilledStillAppliesEveryEvent() throws Exception {
        awaitCityTotal("2100");
        // Another instance's rebuild holds the lock: this one is refused, and starts once it is free.
        try (Connection other = dataSource.getConnection();
                Statement lock = other.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + RebuildLock.KEY + ")");
            given().auth()
                    .oauth2(TestTokens.admin())
                    .post("/api/v1/admin/rebuild")
                    .then()
                    .statusCode(409)
                    .body("detail", org.hamcrest.Matchers.containsString("another instance"));
            lock.execute("SELECT pg_advisory_unlock(" + RebuildLock.KEY + ")");
        }
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("passOverDeadLetters", true)
                .post("/api/v1/admin/rebuild")
                .then()
                .statusCode(202);
        // Every other session of the database killed, five times over, while the rebuild runs (from a
        // connection outside the pool, which the kills leave with dead connections to weed out).
        long killed = 0;
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (Connection killer = java.sql.DriverManager.getConnection(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getOptionalValue("quarkus.datasource.password", String.class)
                                .orElse(""));
                Statement kill = killer.createStatement()) {
            for (int round = 0; round < 5 && running(); round++) {
                try (ResultSet rows = kill.executeQuery(
                        """
                        SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                        WHERE datname = current_database() AND pid <> pg_backend_pid()
                          AND backend_type = 'client backend'""")) {
                    rows.next();
                    killed += rows.getLong(1);
                }
                Thread.sleep(700);
            }
        }
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !running());
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/admin/rebuild")
                .then()
                .body("state", org.hamcrest.Matchers.equalTo("DONE"));
        assertTrue(killed > 0, "no session was killed");
        // Every event is there, once: 7 months × 100 villages, the city's total, the ledger's task
        // (read again while the pool weeds out connections the kills left dead).
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> count("SELECT count(*) FROM fact WHERE indicator_code = 'T_REBUILD'") >= 0);
        assertEquals(VILLAGES * 7, count("SELECT count(*) FROM fact WHERE indicator_code = 'T_REBUILD'"));
        awaitCityTotal("2100");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> ledgerTasks() >= 0);
        assertEquals(1, ledgerTasks());
        DriftChecking.report().body("differences", empty()).body("activeVillageDifferences", empty());
    }

    /**
     * An event no code can apply fails the rebuild, naming it, and nothing is switched over; asked
     * to, the rebuild passes over it once it is among the dead letters, and lists it.
     */
    @Test
    @Order(3)
    void anEventThatCannotBeAppliedFailsTheRebuildUnlessItIsDeadLetteredAndPassedOver() throws Exception {
        awaitCityTotal("2100");
        String poison;
        try (TestEvents events = new TestEvents()) {
            String village = TOWNSHIP.substring(0, 9) + "001";
            poison = events.send(
                    "bqw.observations.v1",
                    "bqw.observation.recorded.v1",
                    "T_REBUILD|" + village + "|TOTAL",
                    """
                    {"indicator":"T_REBUILD","region":"%s","period":"2023-08","area":"TOTAL","value":"many","version":1}"""
                            .formatted(village));
        }
        Map<String, Object> servers = KafkaConnection.plain(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("kafka.bootstrap.servers", String.class));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> DeadLetterSearch.holds(servers, "bqw.observations.v1", poison));

        // Without the operator's word, the first event no code can apply stops the rebuild (this one, or
        // another test's broken event before it on the topics).
        rebuildToTheEnd(false)
                .body("state", org.hamcrest.Matchers.equalTo("FAILED"))
                .body("error", org.hamcrest.Matchers.containsString("cannot be applied"));
        assertEquals(
                0, count("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'projection_%'"));
        awaitCityTotal("2100");

        rebuildToTheEnd(true)
                .body("state", org.hamcrest.Matchers.equalTo("DONE"))
                .body("passedOver", org.hamcrest.Matchers.hasItem("bqw.observations.v1/" + poison));
        assertEquals(VILLAGES * 7, count("SELECT count(*) FROM fact WHERE indicator_code = 'T_REBUILD'"));
        awaitCityTotal("2100");
    }

    /**
     * A closed year's copy is where a rebuild starts: the year's values are passed over in the replay
     * and its rows come back from the copy, the same to the last digit. A value of the year applied
     * after the close makes the copy stale, and the next rebuild replays the year again.
     */
    @Test
    @Order(4)
    void aRebuildRestoresAClosedYearFromItsCopyUntilAValueOfTheYearArrivesAfterTheClose() throws Exception {
        awaitCityTotal("2100");
        given().auth()
                .oauth2(TestTokens.admin())
                .post("/api/v1/admin/closed-years/2023")
                .then()
                .statusCode(200)
                .body("year", org.hamcrest.Matchers.equalTo(2023))
                .body("current", org.hamcrest.Matchers.equalTo(true))
                .body("facts", org.hamcrest.Matchers.greaterThanOrEqualTo(VILLAGES * 7));

        rebuildToTheEnd(true)
                .body("state", org.hamcrest.Matchers.equalTo("DONE"))
                // (The permission matrix test, on this application too, may have closed 2001.)
                .body("closedYears", org.hamcrest.Matchers.hasItem(2023))
                .body("closedYearEvents", org.hamcrest.Matchers.greaterThanOrEqualTo(VILLAGES * 7));
        assertEquals(VILLAGES * 7, count("SELECT count(*) FROM fact WHERE indicator_code = 'T_REBUILD'"));
        awaitCityTotal("2100");
        noDrift();

        // A late value of 2023, applied after the close: the copy misses it.
        try (TestEvents events = new TestEvents()) {
            events.send(
                    "bqw.observations.v1",
                    "bqw.observation.recorded.v1",
                    "T_REBUILD|" + TOWNSHIP.substring(0, 9) + "001|TOTAL",
                    """
                    {"indicator":"T_REBUILD","region":"%s","period":"2023-09","area":"TOTAL","value":5,"version":1}"""
                            .formatted(TOWNSHIP.substring(0, 9) + "001"));
        }
        awaitCityTotal("2105");
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/admin/closed-years")
                .then()
                .statusCode(200)
                .body("find { it.year == 2023 }.current", org.hamcrest.Matchers.equalTo(false));

        rebuildToTheEnd(true)
                .body("state", org.hamcrest.Matchers.equalTo("DONE"))
                .body("closedYears", not(org.hamcrest.Matchers.hasItem(2023)))
                .body("closedYearEvents", org.hamcrest.Matchers.equalTo(0));
        assertEquals(VILLAGES * 7 + 1, count("SELECT count(*) FROM fact WHERE indicator_code = 'T_REBUILD'"));
        awaitCityTotal("2105");
        noDrift();

        // Opened again: the copy is gone, and there is nothing left to open.
        given().auth()
                .oauth2(TestTokens.admin())
                .delete("/api/v1/admin/closed-years/2023")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/admin/closed-years")
                .then()
                .body("year", not(org.hamcrest.Matchers.hasItem(2023)));
        assertEquals(0, count("SELECT count(*) FROM closed_fact WHERE year = 2023"));
        given().auth()
                .oauth2(TestTokens.admin())
                .delete("/api/v1/admin/closed-years/2023")
                .then()
                .statusCode(404);
    }

    private static void noDrift() {
        DriftChecking.report()
                .body("differenceCount", org.hamcrest.Matchers.equalTo(0))
                .body("activeVillageDifferences", empty());
    }

    /** A rebuild started (202) and followed until it ends; its final status. */
    private static io.restassured.response.ValidatableResponse rebuildToTheEnd(boolean passOverDeadLetters) {
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("passOverDeadLetters", passOverDeadLetters)
                .post("/api/v1/admin/rebuild")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !running());
        return given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/admin/rebuild")
                .then();
    }

    private static boolean running() {
        String state = given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/admin/rebuild")
                .path("state");
        return "REPLAYING".equals(state) || "SWITCHING".equals(state);
    }

    private static void division(TestEvents events, String code, String level, String parent) {
        events.send(
                "bqw.divisions.v1",
                "bqw.division.registered.v1",
                code,
                """
                {"code":"%s","level":"%s","parentCode":%s,"nameZh":"重建%s","urbanDistrict":false,"version":0}"""
                        .formatted(code, level, parent == null ? "null" : "\"" + parent + "\"", code));
    }

    private static void observations(TestEvents events, int month) {
        for (int v = 1; v <= VILLAGES; v++) {
            String village = TOWNSHIP.substring(0, 9) + "%03d".formatted(v);
            events.send(
                    "bqw.observations.v1",
                    "bqw.observation.recorded.v1",
                    "T_REBUILD|" + village + "|TOTAL",
                    """
                    {"indicator":"T_REBUILD","region":"%s","period":"2023-%02d","area":"TOTAL","value":%d,"version":1}"""
                            .formatted(village, month, v % 5 + 1));
        }
    }

    private static int ledgerTasks() {
        return given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("region", CITY)
                .get("/api/v1/reports/tasks")
                .then()
                .statusCode(200)
                .extract()
                .path("tasks");
    }

    private static void awaitCityTotal(String total) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> total.equals(cityTotal()));
    }

    private static String cityTotal() {
        var answer = given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2023)
                .queryParam("asOf", "2023-12")
                .get("/api/v1/reports/regions/" + CITY);
        if (answer.statusCode() != 200) {
            return null;
        }
        Map<String, Object> assessment =
                answer.jsonPath().getMap("campaigns.indicators.flatten().find { it.code == 'T_REBUILD' }.assessment");
        Object actual = assessment == null ? null : assessment.get("actual");
        return actual == null ? null : actual.toString();
    }

    /** The keys and indexes of the projection's tables, by name, with their definitions. */
    private List<String> indexes() throws Exception {
        List<String> indexes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        """
                        SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                        WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'u', 'x')
                        UNION ALL
                        SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
                        ORDER BY 1""")) {
            while (rows.next()) {
                indexes.add(rows.getString(1));
            }
        }
        return indexes;
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
