package cn.bqw.indicator.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.indicator.TestIndicators;
import cn.bqw.indicator.TestRegions;
import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An Idempotency-Key is bound to its request, reserved while it runs, bounded in length, and expires (province 9802). */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class IdempotencyTest {

    static final String TOWNSHIP = "980201001000";
    static boolean ready;

    @Inject
    RegionReplica replica;

    @Inject
    DataSource database;

    @Inject
    IdempotentRequests idempotentRequests;

    @BeforeEach
    void regions() {
        if (ready) {
            return;
        }
        TestIndicators.define("IDEM_COUNT", "SUM", "FLOW", "VILLAGE", "MONTHLY", "");
        TestRegions.register(
                replica, "980200000000", "980201000000", TOWNSHIP, village(1), village(2), village(3), village(4));
        ready = true;
    }

    @Test
    void aKeyReusedForAnotherRequestIs422AndStoresNothing() throws Exception {
        post("reuse-1", value(village(1), "5")).statusCode(201);
        post("reuse-1", value(village(1), "7"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:idempotency-key-reused"));
        post("reuse-1", value(village(2), "5")).statusCode(422);
        assertEquals(List.of("5"), stored(village(1)));
        assertEquals(List.of(), stored(village(2)));
        post("reuse-1", value(village(1), "5")).statusCode(201).header("Idempotency-Replayed", "true");
    }

    @Test
    void aBatchKeyIsBoundToItsBody() throws Exception {
        String csv = "indicator,region,period,value\nIDEM_COUNT," + village(3) + ",2025-03,4\n";
        batch("batch-1", csv).statusCode(200).body("imported", equalTo(1));
        batch("batch-1", csv)
                .statusCode(200)
                .header("Idempotency-Replayed", "true")
                .body("imported", equalTo(1));
        batch("batch-1", csv.replace(",4\n", ",9\n"))
                .statusCode(422)
                .body("type", equalTo("urn:bqw:problem:idempotency-key-reused"));
        assertEquals(List.of("4"), stored(village(3)));
    }

    @Test
    void keysAreAtMost255VisibleCharacters() {
        post("k".repeat(256), value(village(4), "1"))
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        post("a key", value(village(4), "1")).statusCode(400);
        post("k".repeat(255), value(village(4), "1")).statusCode(201);
    }

    /** Ten concurrent posts with one key and different values: exactly one runs; the others wait for it or are told. */
    @Test
    void aKeyInFlightIsNeverExecutedTwice() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(10);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String body = value(village(4), Integer.toString(100 + i)).replace("2025-03", "2025-05");
            Callable<Response> send = () -> given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType(ContentType.JSON)
                    .header("Idempotency-Key", "race-1")
                    .body(body)
                    .post("/api/v1/observations");
            answers.add(clients.submit(send));
        }
        Map<Integer, Integer> statuses = new HashMap<>();
        for (Future<Response> answer : answers) {
            statuses.merge(answer.get().statusCode(), 1, Integer::sum);
        }
        clients.shutdown();
        assertEquals(1, statuses.getOrDefault(201, 0), statuses.toString());
        assertEquals(
                10,
                statuses.getOrDefault(201, 0) + statuses.getOrDefault(409, 0) + statuses.getOrDefault(422, 0),
                statuses.toString());
        assertEquals(1, versions(village(4), "2025-05"), "one execution, one version");
    }

    @Test
    void anExpiredAnswerNoLongerBindsItsKeyAndIsPurged() throws Exception {
        post("expire-1", value(village(2), "3").replace("2025-03", "2025-06")).statusCode(201);
        execute("UPDATE idempotent_request SET created_at = now() - interval '25 hours' WHERE key = 'expire-1'");
        // Past the 24 h retention the key is free: another request runs instead of a 422.
        post("expire-1", value(village(2), "4").replace("2025-03", "2025-06")).statusCode(200);
        execute("UPDATE idempotent_request SET created_at = now() - interval '25 hours' WHERE key = 'expire-1'");
        idempotentRequests.purgeExpired();
        assertEquals(0, count("SELECT count(*) FROM idempotent_request WHERE key = 'expire-1'"));
    }

    private static io.restassured.response.ValidatableResponse post(String key, String body) {
        return given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/observations")
                .then();
    }

    private static io.restassured.response.ValidatableResponse batch(String key, String csv) {
        return given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.admin())
                .contentType("text/csv")
                .header("Idempotency-Key", key)
                .body(csv)
                .post("/api/v1/observations:batch")
                .then();
    }

    private static String value(String region, String value) {
        return "{\"indicator\":\"IDEM_COUNT\",\"region\":\"%s\",\"period\":\"2025-03\",\"value\":%s}"
                .formatted(region, value);
    }

    private static String village(int n) {
        return TOWNSHIP.substring(0, 9) + "%03d".formatted(n);
    }

    private List<String> stored(String region) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT value::text FROM observation WHERE indicator_code = 'IDEM_COUNT' AND region_code = ?"
                                + " AND period = '2025-03'")) {
            query.setString(1, region);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(new java.math.BigDecimal(rows.getString(1))
                            .stripTrailingZeros()
                            .toPlainString());
                }
            }
        }
        return values;
    }

    /** The stored value's version: 1 after one execution, more after each further one. */
    private long versions(String region, String period) throws Exception {
        return count("SELECT version FROM observation WHERE indicator_code = 'IDEM_COUNT' AND region_code = '" + region
                + "' AND period = '" + period + "'");
    }

    private long count(String sql) throws Exception {
        try (Connection connection = database.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = database.getConnection()) {
            connection.createStatement().executeUpdate(sql);
        }
    }
}
