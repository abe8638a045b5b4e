package cn.bqw.indicator.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.indicator.TestRegions;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Locking, reopening and importing the catalogue are on record, for admins to read (regions 7702…). */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class AdminActsTest {

    @Inject
    RegionReplica replica;

    @Test
    void locksAndCatalogueImportsAreOnRecordWithTheirParameters() throws Exception {
        TestRegions.register(replica, "770200000000");
        String before = Instant.now().toString();
        int id = given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"region\":\"770200000000\",\"period\":\"2025-03\"}")
                .post("/api/v1/locks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestTokens.admin())
                .delete("/api/v1/locks/" + id)
                .then()
                .statusCode(204);
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.admin())
                .contentType("text/csv")
                .body("code,name_zh,name_en,campaign,unit,aggregation,over_time,direction,reported_at,frequency\n")
                .post("/api/v1/indicators:import?dryRun=true")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);

        var acts = given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("from", before)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.action", contains("catalogue.import", "lock.delete", "lock.create"))
                .body("items.target", contains(null, Integer.toString(id), Integer.toString(id)))
                .body("items.actor", contains("tester", "tester", "tester"))
                .body(
                        "items[0].outcome",
                        equalTo("0 imported, 0 updated, 0 unchanged, 0 conflicts (dry run: nothing stored)"))
                .body("items[2].parameters.region", equalTo("770200000000"))
                .extract()
                .jsonPath();
        // The digest is SHA-256 of the parameters as canonical JSON (fields in name order, no spaces).
        assertEquals(
                sha256("{\"indicators\":null,\"period\":\"2025-03\",\"region\":\"770200000000\"}"),
                acts.getString("items[2].digest"));

        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("from", before)
                .queryParam("action", "lock.delete")
                .queryParam("size", 1)
                .get("/api/v1/audit")
                .then()
                .body("total", equalTo(1))
                .body("items[0].outcome", equalTo("reopened"));
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("to", before)
                .queryParam("action", "lock.delete")
                .get("/api/v1/audit")
                .then()
                .body("items.target", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(Integer.toString(id))));
    }

    @Test
    void theAuditIsForAdminsAndItsFiltersAreChecked() {
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/audit").then().statusCode(403);
        given().auth()
                .oauth2(TestTokens.editor("770200000000"))
                .get("/api/v1/audit")
                .then()
                .statusCode(403);
        for (String[] bad : new String[][] {{"from", "yesterday"}, {"to", "2026-13-01"}, {"action", "DROP TABLE"}}) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .queryParam(bad[0], bad[1])
                    .get("/api/v1/audit")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
