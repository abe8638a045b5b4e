package cn.bqw.indicator.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.indicator.TestIndicators;
import cn.bqw.indicator.TestRegions;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk posts: the import summary, dry runs, atomic imports, retries, locks and 100,000 rows (province 95). */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ObservationBatchTest {

    static final String COUNTY = "950101000000";
    static final String TOWNSHIP = "950101001000";
    static final String BIG_TOWN_A = "950102001000";
    static final String BIG_TOWN_B = "950102002000";

    static boolean ready;

    @Inject
    RegionReplica replica;

    @BeforeEach
    void catalogueAndRegions() {
        if (ready) {
            return;
        }
        TestIndicators.define("BAT_TOILET", "SUM", "FLOW", "VILLAGE", "MONTHLY", ",\"validMin\":0");
        TestIndicators.define("BAT_FLAG", "SHARE_TRUE", "LEVEL", "VILLAGE", "YEARLY", "");
        List<String> regions = new ArrayList<>(List.of("950100000000", COUNTY, TOWNSHIP, "950102000000"));
        IntStream.rangeClosed(1, 9).forEach(n -> regions.add(village(TOWNSHIP, n)));
        TestRegions.register(replica, regions);
        ready = true;
    }

    @Test
    void aMixedBatchAnswersAnExactSummaryAndStoresWhatPassed() {
        String rows = "["
                + row("BAT_TOILET", village(TOWNSHIP, 1), "2025-01", "3") + ","
                + row("BAT_TOILET", village(TOWNSHIP, 2), "2025-01", "-4") + ","
                + row("BAT_FLAG", village(TOWNSHIP, 1), "2025", "1") + ","
                + row("BAT_TOILET", TOWNSHIP, "2025-01", "1") + ","
                + "{\"indicator\":\"BAT_TOILET\",\"region\":\"" + village(TOWNSHIP, 3) + "\",\"period\":\"2025-01\","
                + "\"value\":\"many\"},"
                + row("BAT_TOILET", village(TOWNSHIP, 3), "2025-01", "2") + "]";
        batchJson(TestTokens.admin(), rows, "")
                .statusCode(200)
                .body("imported", equalTo(3))
                .body("updated", equalTo(0))
                .body("ignored", equalTo(0))
                .body("conflicts.row", equalTo(List.of(2, 4, 5)))
                .body("conflicts.field", equalTo(List.of("value", "region", "value")))
                .body("conflicts[1].reason", containsString("reported at VILLAGE"));
        // Again, with one value revised: the rest are unchanged.
        batchJson(TestTokens.admin(), rows.replace("\"2025\",\"value\":1", "\"2025\",\"value\":0"), "")
                .body("imported", equalTo(0))
                .body("updated", equalTo(1))
                .body("ignored", equalTo(2))
                .body("conflicts", hasSize(3));
        assertEquals(2, stored("BAT_TOILET", "2025-01"));
    }

    @Test
    void csvRowsAreReadLikeJsonRows() {
        String csv = "indicator,region,period,area,value\n"
                + "BAT_TOILET," + village(TOWNSHIP, 4) + ",2025-02,TOTAL,7\n"
                + "BAT_TOILET," + village(TOWNSHIP, 4) + ",2025-02,RURAL,6\n"
                + "BAT_TOILET," + village(TOWNSHIP, 4) + ",2025-02,SUBURB,5\n";
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.admin())
                .contentType("text/csv; charset=UTF-8")
                .body(csv)
                .post("/api/v1/observations:batch")
                .then()
                .statusCode(200)
                .body("imported", equalTo(2))
                .body("conflicts.row", equalTo(List.of(3)))
                .body("conflicts.field", equalTo(List.of("area")));
        assertEquals(2, stored("BAT_TOILET", "2025-02"));
    }

    @Test
    void aDryRunAnswersTheSameSummaryAndStoresNothing() {
        String rows = "[" + row("BAT_TOILET", village(TOWNSHIP, 5), "2025-03", "1") + ","
                + row("BAT_TOILET", village(TOWNSHIP, 6), "2025-03", "x") + "]";
        batchJson(TestTokens.admin(), rows, "?dryRun=true")
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("imported", equalTo(1))
                .body("conflicts", hasSize(1));
        assertEquals(0, stored("BAT_TOILET", "2025-03"));
    }

    @Test
    void anAtomicBatchWithAnyBadRowStoresNothingAndNamesEveryRow() {
        String good = row("BAT_TOILET", village(TOWNSHIP, 7), "2025-04", "1");
        String rows = "[" + good + "," + row("BAT_TOILET", village(TOWNSHIP, 8), "2025-04", "-1") + ","
                + row("BAT_TOILET", "950101001777", "2025-04", "1") + "]";
        batchJson(TestTokens.admin(), rows, "?atomic=true")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:import-rejected"))
                .body("detail", containsString("2 of 3 rows"))
                .body("errors.field", equalTo(List.of("[2].value", "[3].region")));
        assertEquals(0, stored("BAT_TOILET", "2025-04"));
        batchJson(TestTokens.admin(), "[" + good + "]", "?atomic=true")
                .statusCode(200)
                .body("imported", equalTo(1));
        assertEquals(1, stored("BAT_TOILET", "2025-04"));
    }

    @Test
    void aRetriedBatchWithTheSameIdempotencyKeyHasOneEffect() {
        String rows = "[" + row("BAT_TOILET", village(TOWNSHIP, 9), "2025-05", "2") + "]";
        for (int attempt = 0; attempt < 2; attempt++) {
            given().urlEncodingEnabled(false)
                    .auth()
                    .oauth2(TestTokens.admin())
                    .contentType("application/json")
                    .header("Idempotency-Key", "batch-retry-1")
                    .body(rows)
                    .post("/api/v1/observations:batch")
                    .then()
                    .statusCode(200)
                    .body("imported", equalTo(1))
                    .header("Idempotency-Replayed", attempt == 0 ? null : "true");
        }
        batchJson(TestTokens.admin(), rows, "").body("imported", equalTo(0)).body("ignored", equalTo(1));
    }

    @Test
    void rowsIntoALockedPeriodOrOutsideTheEditorsRegionsAreConflicts() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body("{\"period\":\"2025-06\",\"region\":\"" + TOWNSHIP + "\"}")
                .post("/api/v1/locks")
                .then()
                .statusCode(201);
        String rows = "[" + row("BAT_TOILET", village(TOWNSHIP, 1), "2025-06", "1") + ","
                + row("BAT_TOILET", village(TOWNSHIP, 1), "2025-07", "1") + "]";
        batchJson(TestTokens.editor(COUNTY), rows, "")
                .statusCode(200)
                .body("imported", equalTo(1))
                .body("conflicts.row", equalTo(List.of(1)))
                .body("conflicts[0].reason", containsString("locked"));
        batchJson(TestTokens.editor("950102000000"), rows.replace("2025-07", "2025-08"), "")
                .statusCode(200)
                .body("imported", equalTo(0))
                .body("conflicts.field", equalTo(List.of("region", "region")));
    }

    /**
     * One import of several batches (1,000 rows each) sees its own earlier batches: a key written
     * again a batch later is a revision, the same value a third time is ignored, and a value is
     * judged against peers written by an earlier batch of the same request.
     */
    @Test
    void laterBatchesOfOneImportBuildOnItsEarlierBatches() {
        String town = "950102003000";
        List<String> regions = new ArrayList<>(List.of(town));
        IntStream.rangeClosed(1, 60).forEach(n -> regions.add(village(town, n)));
        TestRegions.register(replica, regions);
        TestIndicators.define("BAT_SPREAD", "SUM", "FLOW", "VILLAGE", "MONTHLY", ",\"validMin\":0");
        TestIndicators.define("BAT_FILL", "SUM", "FLOW", "VILLAGE", "MONTHLY", ",\"validMin\":0");
        String first = village(town, 1);
        List<String> rows = new ArrayList<>();
        rows.add(row("BAT_SPREAD", first, "2025-01", "10"));
        for (int n = 2; n <= 60; n++) {
            for (int month = 1; month <= 12; month++) {
                rows.add(row("BAT_SPREAD", village(town, n), "2025-%02d".formatted(month), "1" + n % 3));
            }
        }
        for (int n = 1; n <= 60; n++) {
            for (int month = 1; month <= 12; month++) {
                rows.add(row("BAT_FILL", village(town, n), "2025-%02d".formatted(month), "5"));
            }
        }
        assertEquals(1_429, rows.size());
        rows.add(row("BAT_SPREAD", first, "2025-01", "11"));
        rows.add(row("BAT_SPREAD", first, "2025-02", "1000"));
        rows.add(row("BAT_SPREAD", first, "2025-01", "11"));

        batchJson(TestTokens.admin(), "[" + String.join(",", rows) + "]", "")
                .statusCode(200)
                .body("imported", equalTo(1_430))
                .body("updated", equalTo(1))
                .body("ignored", equalTo(1))
                .body("conflicts", hasSize(0));
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParams(Map.of("indicator", "BAT_SPREAD", "region", first, "period", "2025-01"))
                .get("/api/v1/observations/history")
                .then()
                .statusCode(200)
                .body("value", equalTo(List.of(10, 11)))
                .body("version", equalTo(List.of(1, 2)));
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParams(Map.of("indicator", "BAT_SPREAD", "region", first, "period", "2025-02"))
                .get("/api/v1/observations")
                .then()
                .statusCode(200)
                .body("items[0].outlier", startsWith("far from its peers: median 11"));
    }

    /** The measure: one request of 100,000 values, with ten bad ones at known rows. */
    @Test
    void aHundredThousandValuesInOneRequestGetAnExactSummary() {
        List<String> villages = new ArrayList<>();
        List<String> regions = new ArrayList<>(List.of(BIG_TOWN_A, BIG_TOWN_B));
        for (int n = 1; n <= 500; n++) {
            villages.add(village(BIG_TOWN_A, n));
            villages.add(village(BIG_TOWN_B, n));
        }
        regions.addAll(villages);
        TestRegions.register(replica, regions);
        for (int i = 0; i < 10; i++) {
            TestIndicators.define("BULK_" + i, "SUM", "FLOW", "VILLAGE", "MONTHLY", ",\"validMin\":0");
        }
        StringBuilder body = new StringBuilder(6_000_000).append('[');
        int index = 0;
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (int month = 1; month <= 10; month++) {
                for (String village : villages) {
                    index++;
                    boolean wrong = index % 10_000 == 0;
                    if (wrong) {
                        bad.add(index);
                    }
                    String value = wrong ? "-1" : Integer.toString((index % 7) + month);
                    body.append(index == 1 ? "" : ",")
                            .append(row("BULK_" + i, village, "2025-%02d".formatted(month), value));
                }
            }
        }
        body.append(']');
        assertEquals(100_000, index);
        batchJson(TestTokens.admin(), body.toString(), "")
                .statusCode(200)
                .body("imported", equalTo(99_990))
                .body("updated", equalTo(0))
                .body("ignored", equalTo(0))
                .body("conflicts.row", equalTo(bad))
                .body("conflicts.field", equalTo(bad.stream().map(b -> "value").toList()));
        int stored = 0;
        for (int i = 0; i < 10; i++) {
            stored += given().auth()
                    .oauth2(TestTokens.viewer())
                    .queryParams(Map.of("indicator", "BULK_" + i, "size", 1))
                    .get("/api/v1/observations")
                    .then()
                    .extract()
                    .<Integer>path("total");
        }
        assertEquals(99_990, stored);
    }

    static String village(String township, int n) {
        return township.substring(0, 9) + "%03d".formatted(n);
    }

    static String row(String indicator, String region, String period, String value) {
        boolean number = value.matches("-?[0-9.]+");
        return "{\"indicator\":\"%s\",\"region\":\"%s\",\"period\":\"%s\",\"value\":%s}"
                .formatted(indicator, region, period, number ? value : "\"" + value + "\"");
    }

    static ValidatableResponse batchJson(String token, String body, String query) {
        return given().urlEncodingEnabled(false)
                .auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/observations:batch" + query)
                .then();
    }

    private static int stored(String indicator, String period) {
        return given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("indicator", indicator)
                .queryParam("period", period)
                .get("/api/v1/observations")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }
}
