package cn.bqw.indicator.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.indicator.TestIndicators;
import cn.bqw.indicator.TestRegions;
import cn.bqw.platform.api.WriteAdmission;
import cn.bqw.platform.api.WriteAdmissionConfig;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import cn.bqw.testkit.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Single values: every rule of a posted value, revisions, events, access and locks (province 97). */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ObservationResourceTest {

    static final String COUNTY = "970101000000";
    static final String TOWNSHIP = "970101001000";
    static final String OTHER_COUNTY = "970102000000";
    static final String OTHER_VILLAGE = "970102001001";
    static final String RETIRED_VILLAGE = "970101001099";

    static boolean ready;

    @Inject
    RegionReplica replica;

    @Inject
    ObjectMapper json;

    @Inject
    WriteAdmission admission;

    @Inject
    WriteAdmissionConfig admissionLimits;

    @BeforeEach
    void catalogueAndRegions() {
        if (ready) {
            return;
        }
        TestIndicators.define("OBS_TOILET", "SUM", "FLOW", "VILLAGE", "MONTHLY", ",\"validMin\":0,\"validMax\":1000");
        TestIndicators.define("OBS_SEWAGE", "SHARE_TRUE", "LEVEL", "VILLAGE", "YEARLY", "");
        TestIndicators.define("OBS_ROAD", "RATIO", "LEVEL", "COUNTY", "QUARTERLY", "");
        TestIndicators.define("OBS_STRICT", "SUM", "FLOW", "VILLAGE", "MONTHLY", ",\"outliers\":\"REJECT\"");
        TestIndicators.define("OBS_SCHEMA", "SUM", "FLOW", "VILLAGE", "MONTHLY", "");
        TestRegions.register(
                replica,
                "970100000000",
                COUNTY,
                OTHER_COUNTY,
                TOWNSHIP,
                "970102001000",
                OTHER_VILLAGE,
                RETIRED_VILLAGE,
                village(1),
                village(2),
                village(3),
                village(4),
                village(5),
                village(6),
                village(7),
                village(8),
                village(11),
                village(12),
                village(13),
                village(14),
                village(15),
                village(16),
                village(17),
                village(18));
        TestRegions.retire(replica, RETIRED_VILLAGE);
        ready = true;
    }

    @Test
    void aValueIsCreatedThenRevisedAndARepeatChangesNothing() throws Exception {
        String v = village(1);
        post(TestTokens.admin(), value("OBS_TOILET", v, "2025-03", "3"))
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("value", equalTo(3))
                .body("version", equalTo(1))
                .body("replacedValue", nullValue())
                .body("recordedBy", equalTo("tester"));
        post(TestTokens.admin(), value("OBS_TOILET", v, "2025-03", "5.0"))
                .statusCode(200)
                .body("value", equalTo(5))
                .body("version", equalTo(2))
                .body("replacedValue", equalTo(3));
        post(TestTokens.admin(), value("OBS_TOILET", v, "2025-03", "5"))
                .statusCode(200)
                .body("version", equalTo(2));

        String key = "OBS_TOILET|" + v + "|TOTAL";
        List<ConsumerRecord<String, String>> events = eventsOf(key, 2);
        assertEquals(2, events.size(), "the unchanged repeat publishes nothing");
        JsonNode revision = json.readTree(events.get(1).value());
        assertEquals("bqw.observation.recorded.v1", TopicReader.header(events.get(1), "ce_type"));
        assertEquals(5, revision.get("value").intValue());
        assertEquals(3, revision.get("replacedValue").intValue());
        assertEquals(2, revision.get("version").intValue());
        assertEquals("2025-03", revision.get("period").asText());

        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("indicator", "OBS_TOILET")
                .queryParam("region", v)
                .queryParam("period", "2025-03")
                .get("/api/v1/observations/history")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("value", equalTo(List.of(3, 5)))
                .body("version", equalTo(List.of(1, 2)))
                .body("recordedBy", equalTo(List.of("tester", "tester")));
    }

    @Test
    void urbanAndRuralValuesAreKeysOfTheirOwn() {
        String v = village(2);
        post(TestTokens.admin(), value("OBS_TOILET", v, "2025-04", "1")).statusCode(201);
        post(TestTokens.admin(), value("OBS_TOILET", v, "2025-04", "2").replace("}", ",\"area\":\"RURAL\"}"))
                .statusCode(201)
                .body("area", equalTo("RURAL"));
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("indicator", "OBS_TOILET")
                .queryParam("region", v)
                .get("/api/v1/observations")
                .then()
                .body("total", equalTo(2))
                .body("items.area", equalTo(List.of("RURAL", "TOTAL")));
    }

    @Test
    void eachRuleRefusesItsFieldAndStoresNothing() {
        String v = village(3);
        refused(value("NO_SUCH_INDICATOR", v, "2025-03", "1"), "indicator", "not in the catalogue");
        refused(value("OBS_TOILET", "970101001777", "2025-03", "1"), "region", "not a known");
        refused(value("OBS_TOILET", RETIRED_VILLAGE, "2025-03", "1"), "region", "retired");
        refused(value("OBS_TOILET", TOWNSHIP, "2025-03", "1"), "region", "reported at VILLAGE");
        refused(value("OBS_TOILET", v, "2025Q1", "1"), "period", "like 2025-06");
        refused(value("OBS_TOILET", v, "2025-13", "1"), "period", "like 2025");
        refused(value("OBS_TOILET", v, "2099-01", "1"), "period", "has not begun");
        refused(value("OBS_TOILET", v, "2025-03", "1001"), "value", "at most 1000");
        refused(value("OBS_TOILET", v, "2025-03", "-1"), "value", "at least 0");
        refused("{\"indicator\":\"OBS_TOILET\",\"region\":\"" + v + "\",\"period\":\"2025-03\"}", "value", "required");
        refused(value("OBS_SEWAGE", v, "2025", "2"), "value", "0 or 1");
        refused(ratio(COUNTY, "2025Q1", "10", null), "denominator", "required");
        refused(ratio(COUNTY, "2025Q1", "10", "0"), "denominator", "above 0");
        refused(ratio(COUNTY, "2025Q1", "11", "10"), "numerator", "between 0 and the denominator");
        refused(value("OBS_TOILET", v, "2025-03", "1").replace("}", ",\"numerator\":1}"), "numerator", "only a RATIO");
        refused(value("OBS_TOILET", v, "2025-03", "1").replace("}", ",\"area\":\"SUBURB\"}"), "area", "TOTAL");
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("region", v)
                .get("/api/v1/observations")
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void aRatioValueIsAHundredTimesNumeratorOverDenominator() {
        post(TestTokens.admin(), ratio(COUNTY, "2025Q2", "412", "700"))
                .statusCode(201)
                .body("value", equalTo(58.857143f))
                .body("numerator", equalTo(412))
                .body("denominator", equalTo(700));
        refused(ratio(COUNTY, "2025Q3", "412", "700").replace("}", ",\"value\":60}"), "value", "58.857143");
        post(TestTokens.admin(), ratio(COUNTY, "2025Q3", "1", "4").replace("}", ",\"value\":25.0}"))
                .statusCode(201)
                .body("value", equalTo(25));
    }

    @Test
    void anEditorWritesOnlyInsideItsRegionsAndAViewerNotAtAll() {
        String inside = village(4);
        post(TestTokens.editor(COUNTY), value("OBS_TOILET", inside, "2025-05", "2"))
                .statusCode(201);
        post(TestTokens.editor(COUNTY), value("OBS_TOILET", OTHER_VILLAGE, "2025-05", "2"))
                .statusCode(403)
                .contentType("application/problem+json");
        post(TestTokens.viewer(), value("OBS_TOILET", inside, "2025-06", "2")).statusCode(403);
        given().contentType(ContentType.JSON)
                .body(value("OBS_TOILET", inside, "2025-06", "2"))
                .post("/api/v1/observations")
                .then()
                .statusCode(401);
    }

    @Test
    void aLockedPeriodRefusesEditorsButNotAdminsUntilReopened() {
        String v = village(5);
        int lock = given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"indicators\":[\"OBS_TOILET\"],\"period\":\"2025Q1\",\"region\":\"" + COUNTY + "\"}")
                .post("/api/v1/locks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        post(TestTokens.editor(COUNTY), value("OBS_TOILET", v, "2025-02", "1"))
                .statusCode(409)
                .body("detail", containsString("locked"));
        // Outside the lock: another indicator, a later month, another county.
        post(TestTokens.editor(COUNTY), value("OBS_SCHEMA", v, "2025-02", "1")).statusCode(201);
        post(TestTokens.editor(COUNTY), value("OBS_TOILET", v, "2025-04", "1")).statusCode(201);
        post(TestTokens.editor(OTHER_COUNTY), value("OBS_TOILET", OTHER_VILLAGE, "2025-02", "1"))
                .statusCode(201);
        post(TestTokens.admin(), value("OBS_TOILET", v, "2025-02", "1")).statusCode(201);
        post(TestTokens.editor(COUNTY), value("OBS_TOILET", v, "2025-03", "1")).statusCode(409);
        given().auth()
                .oauth2(TestTokens.editor(COUNTY))
                .delete("/api/v1/locks/" + lock)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.admin())
                .delete("/api/v1/locks/" + lock)
                .then()
                .statusCode(204);
        post(TestTokens.editor(COUNTY), value("OBS_TOILET", v, "2025-03", "1")).statusCode(201);
    }

    @Test
    void aValueFarFromItsPeersIsFlaggedOrRefusedAsTheIndicatorSays() throws Exception {
        String[] peers = {"9", "10", "11", "10", "12", "9"};
        for (int i = 0; i < peers.length; i++) {
            post(TestTokens.admin(), value("OBS_STRICT", village(i + 11), "2025-07", peers[i]))
                    .statusCode(201)
                    .body("outlier", nullValue());
            post(TestTokens.admin(), value("OBS_TOILET", village(i + 11), "2025-07", peers[i]))
                    .statusCode(201);
        }
        post(TestTokens.admin(), value("OBS_TOILET", village(17), "2025-07", "95"))
                .statusCode(201)
                .body("outlier", containsString("far from its peers"));
        List<ConsumerRecord<String, String>> events = eventsOf("OBS_TOILET|" + village(17) + "|TOTAL", 1);
        assertEquals(
                true,
                json.readTree(events.get(0).value()).get("outlier").asText().contains("median 10"));
        refused(value("OBS_STRICT", village(17), "2025-07", "95"), "value", "rejects outliers");
        post(TestTokens.admin(), value("OBS_STRICT", village(17), "2025-07", "11"))
                .statusCode(201);
    }

    @Test
    void aValueFarFromItsOwnHistoryIsFlaggedAndItsRevisionIsJudgedWithoutItself() {
        String v = village(18);
        String[] history = {"10", "11", "9", "10", "12"};
        for (int month = 1; month <= history.length; month++) {
            post(TestTokens.admin(), value("OBS_TOILET", v, "2025-0" + month, history[month - 1]))
                    .statusCode(201)
                    .body("outlier", nullValue());
        }
        post(TestTokens.admin(), value("OBS_TOILET", v, "2025-06", "95"))
                .statusCode(201)
                .body("outlier", containsString("far from its own history: median 10,"));
        // The revision replaces the flagged value: it is judged against the five others, not against 95.
        post(TestTokens.admin(), value("OBS_TOILET", v, "2025-06", "11"))
                .statusCode(200)
                .body("version", equalTo(2))
                .body("outlier", nullValue());
    }

    @Test
    void anIndicatorWithObservationsKeepsItsAggregationAndOverTime() {
        post(TestTokens.admin(), value("OBS_SCHEMA", village(8), "2025-01", "1"))
                .statusCode(201);
        String etag = given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/indicators/OBS_SCHEMA")
                .then()
                .extract()
                .header("ETag");
        TestIndicators.put("OBS_SCHEMA", "MEAN", "FLOW", "VILLAGE", "MONTHLY", "", etag)
                .statusCode(409)
                .body("detail", containsString("has observations"));
        TestIndicators.put("OBS_SCHEMA", "SUM", "LEVEL", "VILLAGE", "MONTHLY", "", etag)
                .statusCode(409);
        TestIndicators.put("OBS_SCHEMA", "SUM", "FLOW", "VILLAGE", "MONTHLY", ",\"validMax\":99", etag)
                .statusCode(200);
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyHasOneEffect() {
        String v = village(6);
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType(ContentType.JSON)
                    .header("Idempotency-Key", "retry-obs-1")
                    .body(value("OBS_TOILET", v, "2025-08", "4"))
                    .post("/api/v1/observations")
                    .then()
                    .statusCode(201)
                    .body("version", equalTo(1));
        }
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "retry-obs-1")
                .body(value("OBS_TOILET", v, "2025-08", "4"))
                .post("/api/v1/observations")
                .then()
                .header("Idempotency-Replayed", "true");
    }

    /**
     * With every write slot busy, a post waits its bounded time and is then refused with 503 and
     * Retry-After, storing nothing; once a slot is free the same post is taken.
     */
    @Test
    void aPostBeyondTheWritesInFlightIsShedWith503AndStoresNothing() throws Exception {
        int slots = admissionLimits.maxInFlight();
        CountDownLatch holding = new CountDownLatch(slots);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holders = Executors.newFixedThreadPool(slots);
        String shed = value("OBS_TOILET", village(11), "2025-11", "2");
        try {
            for (int n = 0; n < slots; n++) {
                holders.submit(() -> admission.admit(() -> {
                    holding.countDown();
                    return release.await(1, TimeUnit.MINUTES);
                }));
            }
            assertTrue(holding.await(1, TimeUnit.MINUTES), "every slot held");
            post(TestTokens.admin(), shed)
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("detail", containsString("send the request again"));
        } finally {
            release.countDown();
            holders.shutdown();
        }
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("indicator", "OBS_TOILET")
                .queryParam("region", village(11))
                .queryParam("period", "2025-11")
                .get("/api/v1/observations")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        post(TestTokens.admin(), shed).statusCode(201);
    }

    /**
     * Writers of one value queue up (its row is locked before it is read), so each sees the value
     * it replaces: versions 2…13 once each, each replacing the one before; no revision is lost.
     */
    @Test
    void concurrentRevisionsOfOneValueEachReplaceThePreviousOne() throws Exception {
        TestIndicators.define("OBS_RACE", "SUM", "FLOW", "VILLAGE", "MONTHLY", "");
        post(TestTokens.admin(), value("OBS_RACE", village(16), "2025-09", "100"))
                .statusCode(201);
        ExecutorService writers = Executors.newFixedThreadPool(12);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            String body = value("OBS_RACE", village(16), "2025-09", Integer.toString(n));
            answers.add(writers.submit(() -> json.readTree(
                    post(TestTokens.admin(), body).statusCode(200).extract().asString())));
        }
        Map<Long, JsonNode> byVersion = new TreeMap<>();
        for (Future<JsonNode> answer : answers) {
            JsonNode recorded = answer.get(1, TimeUnit.MINUTES);
            byVersion.put(recorded.get("version").asLong(), recorded);
        }
        writers.shutdown();
        assertEquals(LongStream.rangeClosed(2, 13).boxed().toList(), List.copyOf(byVersion.keySet()));
        long replaced = 100;
        for (JsonNode recorded : byVersion.values()) {
            assertEquals(replaced, recorded.get("replacedValue").asLong(), "version " + recorded.get("version"));
            replaced = recorded.get("value").asLong();
        }
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParams(Map.of("indicator", "OBS_RACE", "region", village(16), "period", "2025-09"))
                .get("/api/v1/observations/history")
                .then()
                .statusCode(200)
                .body("version", equalTo(IntStream.rangeClosed(1, 13).boxed().toList()));
    }

    static String village(int n) {
        return TOWNSHIP.substring(0, 9) + "%03d".formatted(n);
    }

    static String value(String indicator, String region, String period, String value) {
        return "{\"indicator\":\"%s\",\"region\":\"%s\",\"period\":\"%s\",\"value\":%s}"
                .formatted(indicator, region, period, value);
    }

    static String ratio(String region, String period, String numerator, String denominator) {
        return "{\"indicator\":\"OBS_ROAD\",\"region\":\"%s\",\"period\":\"%s\",\"numerator\":%s,\"denominator\":%s}"
                .formatted(region, period, numerator, denominator);
    }

    static ValidatableResponse post(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/observations")
                .then();
    }

    private static void refused(String body, String field, String reason) {
        post(TestTokens.admin(), body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(reason))
                .body("type", notNullValue());
    }

    private static List<ConsumerRecord<String, String>> eventsOf(String key, int atLeast) {
        return TopicReader.readUntil(
                        "bqw.observations.v1",
                        read -> read.stream().filter(r -> key.equals(r.key())).count() >= atLeast,
                        // Generous: the 100,000-value batch test may have filled the topic before.
                        Duration.ofSeconds(120))
                .stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }
}
