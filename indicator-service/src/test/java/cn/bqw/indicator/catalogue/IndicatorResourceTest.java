package cn.bqw.indicator.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import cn.bqw.testkit.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class IndicatorResourceTest {

    static final String TOILETS =
            """
            {"nameZh":"新建农村公厕","nameEn":"New rural public toilets","campaign":"RURAL","unit":"toilet",
             "aggregation":"SUM","overTime":"FLOW","direction":"UP","reportedAt":"VILLAGE","frequency":"MONTHLY",
             "validMin":0,"validMax":50}""";

    @Test
    void anAdminDefinesAndChangesAnIndicatorWithItsETagAndEachChangeIsPublished() {
        put(TestTokens.admin(), "TEST_TOILET", TOILETS, null).statusCode(201).header("ETag", "\"0\"");
        put(TestTokens.admin(), "TEST_TOILET", TOILETS.replace("\"validMax\":50", "\"validMax\":80"), null)
                .statusCode(428);
        put(TestTokens.admin(), "TEST_TOILET", TOILETS.replace("\"validMax\":50", "\"validMax\":80"), "\"0\"")
                .statusCode(200)
                .body("validMax", equalTo(80))
                .body("version", equalTo(1));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/indicators/TEST_TOILET")
                .then()
                .statusCode(200)
                .body("aggregation", equalTo("SUM"))
                .body("reportedAt", equalTo("VILLAGE"));
        var records = TopicReader.readUntil(
                "bqw.indicators.v1",
                read -> read.stream().filter(r -> "TEST_TOILET".equals(r.key())).count() >= 2,
                Duration.ofSeconds(60));
        assertEquals(
                List.of("bqw.indicator.defined.v1", "bqw.indicator.updated.v1"),
                records.stream()
                        .filter(r -> "TEST_TOILET".equals(r.key()))
                        .map(r -> TopicReader.header(r, "ce_type"))
                        .toList());
    }

    @Test
    void onlyAnAdminEditsTheCatalogue() {
        put(TestTokens.editor("449901000000"), "TEST_EDITOR", TOILETS, null).statusCode(403);
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/indicators/TEST_EDITOR")
                .then()
                .statusCode(404);
    }

    @Test
    void definitionsThatBreakTheRulesAreRefusedByField() {
        invalid("bad-code", TOILETS, "code");
        invalid("TEST_RANGE", TOILETS.replace("\"validMin\":0", "\"validMin\":60"), "validMin");
        invalid(
                "TEST_SHARE",
                TOILETS.replace("\"SUM\"", "\"SHARE_TRUE\"").replace("\"VILLAGE\"", "\"COUNTY\""),
                "reportedAt");
        invalid("TEST_ENUM", TOILETS.replace("\"FLOW\"", "\"STOCK\""), "overTime");
        invalid("TEST_MISSING", "{\"nameZh\":\"缺项\"}", "campaign");
    }

    @Test
    void theProgrammesReferenceCatalogueImportsAndImportingItAgainChangesNothing() throws IOException {
        byte[] catalogue = reference();
        importCatalogue(catalogue).statusCode(200).body("imported", equalTo(28)).body("conflicts", empty());
        importCatalogue(catalogue).body("imported", equalTo(0)).body("ignored", equalTo(28));
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("campaign", "REFORM")
                .get("/api/v1/indicators")
                .then()
                .body("", hasSize(5))
                .body("code", hasItem("REFORM_TUMA_PILOT"));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/indicators/RURAL_SEWAGE_RATE")
                .then()
                .body("aggregation", equalTo("SHARE_TRUE"))
                .body("overTime", equalTo("LEVEL"))
                .body("nameZh", equalTo("农村生活污水治理率"));
    }

    private static byte[] reference() throws IOException {
        try (InputStream in =
                IndicatorResourceTest.class.getClassLoader().getResourceAsStream("catalogue/indicators.csv")) {
            return in.readAllBytes();
        }
    }

    private static ValidatableResponse importCatalogue(byte[] csv) {
        return given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.admin())
                .contentType("text/csv; charset=UTF-8")
                .body(csv)
                .post("/api/v1/indicators:import")
                .then();
    }

    private static ValidatableResponse put(String token, String code, String body, String ifMatch) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/indicators/" + code).then();
    }

    private static void invalid(String code, String body, String field) {
        put(TestTokens.admin(), code, body, null)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/indicators/" + code)
                .then()
                .statusCode(404);
    }
}
