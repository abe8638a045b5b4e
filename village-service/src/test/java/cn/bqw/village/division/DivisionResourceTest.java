package cn.bqw.village.division;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import cn.bqw.testkit.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class DivisionResourceTest {

    static final String CITY = "449900000000";
    static final String COUNTY = "449901000000";
    static final String OTHER_COUNTY = "449902000000";

    private static boolean registered;

    /** Once per class, but inside a test: the HTTP port is only known then. */
    @BeforeEach
    void registerTheCityAndTwoCounties() {
        if (registered) {
            return;
        }
        registered = true;
        register(
                TestTokens.admin(),
                """
                {"code":"%s","nameZh":"示范市","nameEn":"Demo City"}""".formatted(CITY));
        register(
                TestTokens.admin(),
                """
                {"code":"%s","nameZh":"东县","countyClass":"LEAD","population":420000}"""
                        .formatted(COUNTY));
        register(
                TestTokens.admin(),
                """
                {"code":"%s","nameZh":"西县","countyClass":"STRENGTHEN"}""".formatted(OTHER_COUNTY));
    }

    @Test
    void aRegisteredDivisionReadsBackWithItsLevelParentAndVersion() {
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/divisions/" + COUNTY)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("code", equalTo(COUNTY))
                .body("level", equalTo("COUNTY"))
                .body("parentCode", equalTo(CITY))
                .body("nameZh", equalTo("东县"))
                .body("countyClass", equalTo("LEAD"))
                .body("population", equalTo(420000));
    }

    @Test
    void anEditorRegistersATownshipInsideItsCounty() {
        as(TestTokens.editor(COUNTY))
                .body("""
                        {"code":"449901101000","nameZh":"青石镇"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/divisions/449901101000"))
                .body("level", equalTo("TOWNSHIP"))
                .body("parentCode", equalTo(COUNTY));
    }

    @Test
    void aRegistrationIsPublishedWithItsWholeStateAndTheActor() {
        as(TestTokens.editor(COUNTY))
                .body("""
                        {"code":"449901108000","nameZh":"事件镇","population":12000}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(201);
        var records = TopicReader.readUntil(
                "bqw.divisions.v1",
                read -> read.stream().anyMatch(r -> "449901108000".equals(r.key())),
                Duration.ofSeconds(60));
        var record = records.stream()
                .filter(r -> "449901108000".equals(r.key()))
                .findFirst()
                .orElseThrow();
        assertEquals("bqw.division.registered.v1", TopicReader.header(record, "ce_type"));
        assertEquals("village-service", TopicReader.header(record, "ce_source"));
        assertEquals("tester", TopicReader.header(record, "ce_actor"));
        assertEquals(
                "{\"code\":\"449901108000\",\"level\":\"TOWNSHIP\",\"parentCode\":\"449901000000\","
                        + "\"nameZh\":\"事件镇\",\"nameEn\":null,\"countyClass\":null,\"urbanDistrict\":false,"
                        + "\"population\":12000,\"version\":0}",
                record.value());
    }

    @Test
    void aDivisionChangesOnlyWithItsCurrentETagAndTheChangeIsAuditedAndPublished() {
        String code = "449901109000";
        as(TestTokens.admin())
                .body("{\"code\":\"" + code + "\",\"nameZh\":\"旧镇\"}")
                .post("/api/v1/divisions");
        String renamed = "{\"code\":\"" + code + "\",\"nameZh\":\"新镇\",\"population\":5000}";
        as(TestTokens.editor(COUNTY))
                .body(renamed)
                .put("/api/v1/divisions/" + code)
                .then()
                .statusCode(428);
        as(TestTokens.editor(COUNTY))
                .header("If-Match", "\"5\"")
                .body(renamed)
                .put("/api/v1/divisions/" + code)
                .then()
                .statusCode(412);
        as(TestTokens.editor(OTHER_COUNTY))
                .header("If-Match", "\"0\"")
                .body(renamed)
                .put("/api/v1/divisions/" + code)
                .then()
                .statusCode(403);
        as(TestTokens.editor(COUNTY))
                .header("If-Match", "\"0\"")
                .body(renamed)
                .put("/api/v1/divisions/" + code)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("nameZh", equalTo("新镇"))
                .body("population", equalTo(5000));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/divisions/" + code + "/history")
                .then()
                .body("action", contains("REGISTERED", "UPDATED"))
                .body("[1].before.nameZh", equalTo("旧镇"))
                .body("[1].after.nameZh", equalTo("新镇"));
        var records = TopicReader.readUntil(
                "bqw.divisions.v1",
                read -> read.stream().filter(r -> code.equals(r.key())).count() >= 2,
                Duration.ofSeconds(60));
        assertEquals(
                List.of("bqw.division.registered.v1", "bqw.division.updated.v1"),
                records.stream()
                        .filter(r -> code.equals(r.key()))
                        .map(r -> TopicReader.header(r, "ce_type"))
                        .toList());
    }

    @Test
    void theTreeAnswersChildrenAncestorsAndSubtreeCounts() {
        String town = "449902102000";
        as(TestTokens.admin())
                .body("{\"code\":\"" + town + "\",\"nameZh\":\"树镇\"}")
                .post("/api/v1/divisions");
        for (String village : List.of("449902102001", "449902102002")) {
            as(TestTokens.admin())
                    .body("{\"nameZh\":\"树村\",\"category\":\"ORDINARY\",\"residentPopulation\":1200}")
                    .put("/api/v1/villages/" + village)
                    .then()
                    .statusCode(201);
        }
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("parent", CITY)
                .get("/api/v1/divisions")
                .then()
                .statusCode(200)
                .body("code", hasItems(COUNTY, OTHER_COUNTY))
                .body("level", everyItem(equalTo("COUNTY")));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/divisions/" + town + "/ancestors")
                .then()
                .body("code", contains(CITY, OTHER_COUNTY));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/divisions/" + OTHER_COUNTY + "/summary")
                .then()
                .body("activeVillages", equalTo(2))
                .body("villageResidentPopulation", equalTo(2400));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/divisions/449988000000/ancestors")
                .then()
                .statusCode(404);
    }

    /**
     * A county's editor writes the county's data and everything below it, but its class, population,
     * urban flag and names are the city's to decide; a service token registers no divisions at all.
     * Role and region come before If-Match, so nothing of the county's version leaks.
     */
    @Test
    void anEditorDoesNotDecideItsOwnRootAndAServiceRegistersNoDivision() {
        String promoted =
                "{\"code\":\"" + COUNTY + "\",\"nameZh\":\"东县\",\"countyClass\":\"LEAD\",\"population\":999999}";
        as(TestTokens.editor(COUNTY))
                .body(promoted)
                .put("/api/v1/divisions/" + COUNTY)
                .then()
                .statusCode(403);
        as(TestTokens.editor(COUNTY))
                .header("If-Match", "*")
                .body(promoted)
                .put("/api/v1/divisions/" + COUNTY)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:bqw:problem:forbidden"));
        given().auth()
                .oauth2(TestTokens.editor(COUNTY))
                .header("If-Match", "*")
                .delete("/api/v1/divisions/" + COUNTY)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/divisions/" + COUNTY)
                .then()
                .body("population", org.hamcrest.Matchers.not(equalTo(999999)));
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.token(java.util.Set.of("service"), List.of(COUNTY)))
                .contentType("text/csv")
                .body("code,nameZh\n449901397000,服务镇\n")
                .post("/api/v1/divisions:import")
                .then()
                .statusCode(403);
        assertAbsent("449901397000");
    }

    @Test
    void onlyAnEmptyDivisionCanBeDeletedAndItsDeletionIsPublished() {
        String town = "449901110000";
        as(TestTokens.admin())
                .body("{\"code\":\"" + town + "\",\"nameZh\":\"误录镇\"}")
                .post("/api/v1/divisions");
        given().auth()
                .oauth2(TestTokens.admin())
                .delete("/api/v1/divisions/" + COUNTY)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(TestTokens.admin())
                .header("If-Match", "*")
                .delete("/api/v1/divisions/" + COUNTY)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:bqw:problem:conflict"));
        given().auth()
                .oauth2(TestTokens.editor(OTHER_COUNTY))
                .header("If-Match", "\"0\"")
                .delete("/api/v1/divisions/" + town)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.editor(COUNTY))
                .header("If-Match", "\"0\"")
                .delete("/api/v1/divisions/" + town)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/divisions/" + town)
                .then()
                .statusCode(404);
        var records = TopicReader.readUntil(
                "bqw.divisions.v1",
                read -> read.stream().filter(r -> town.equals(r.key())).count() >= 2,
                Duration.ofSeconds(60));
        assertEquals(
                List.of("bqw.division.registered.v1", "bqw.division.deleted.v1"),
                records.stream()
                        .filter(r -> town.equals(r.key()))
                        .map(r -> TopicReader.header(r, "ce_type"))
                        .toList());
    }

    @Test
    void anEditorIsRefusedOutsideItsCountyAndNothingIsStored() {
        as(TestTokens.editor(COUNTY))
                .body("""
                        {"code":"449902101000","nameZh":"越界镇"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:forbidden"))
                .body("detail", containsString("449902101000"));
        assertAbsent("449902101000");
    }

    @Test
    void aViewerMayReadButNotWrite() {
        as(TestTokens.viewer())
                .body("""
                        {"code":"449901102000","nameZh":"只读镇"}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertAbsent("449901102000");
    }

    @Test
    void aMalformedCodeIsAValidationProblem() {
        assertValidationProblem("""
                {"code":"44990A000000","nameZh":"坏码"}""", "code");
        assertValidationProblem("""
                {"code":"4499","nameZh":"短码"}""", "code");
    }

    @Test
    void aTownshipNumberOutsideTheStatisticalRangeIsRefused() {
        assertValidationProblem("""
                {"code":"449901600000","nameZh":"越界"}""", "code");
        assertAbsent("449901600000");
    }

    @Test
    void anUnknownParentIsRefused() {
        assertValidationProblem("""
                {"code":"449903101000","nameZh":"无父镇"}""", "code");
        assertAbsent("449903101000");
    }

    @Test
    void aCountyClassOnATownshipIsRefused() {
        assertValidationProblem(
                """
                {"code":"449901103000","nameZh":"错类镇","countyClass":"LEAD"}""", "countyClass");
    }

    @Test
    void aMissingNameAndANegativePopulationAreListedAsFields() {
        as(TestTokens.admin())
                .body("""
                        {"code":"449901104000","population":-5}""")
                .post("/api/v1/divisions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:validation"))
                .body("errors.field", hasItem("nameZh"))
                .body("errors.field", hasItem("population"));
        assertAbsent("449901104000");
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertValidationProblem("""
                {"code":"449901105000","nameZh":"多字段镇","mayor":"张三"}""", "mayor");
    }

    @Test
    void aWrongTypeIsRefused() {
        assertValidationProblem(
                """
                {"code":"449901106000","nameZh":"类型镇","population":"many"}""", "population");
    }

    @Test
    void anUnknownEnumValueIsRefused() {
        assertValidationProblem(
                """
                {"code":"449903000000","nameZh":"枚举县","countyClass":"BEST"}""", "countyClass");
    }

    @Test
    void unreadableJsonIsAMalformedRequest() {
        as(TestTokens.admin())
                .body("{\"code\": \"449901107000\", ")
                .post("/api/v1/divisions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:malformed-request"));
    }

    @Test
    void aMissingBodyIsAValidationProblem() {
        as(TestTokens.admin()).post("/api/v1/divisions").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anOversizeBodyIsAProblemAndIsNotRead() {
        byte[] body = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        as(TestTokens.admin())
                .body(body)
                .post("/api/v1/divisions")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:payload-too-large"));
    }

    @Test
    void aDuplicateCodeIsAConflict() {
        as(TestTokens.admin())
                .body("""
                        {"code":"%s","nameZh":"重复县"}""".formatted(COUNTY))
                .post("/api/v1/divisions")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:conflict"));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/divisions/" + COUNTY)
                .then()
                .body("nameZh", equalTo("东县"));
    }

    @Test
    void anUnknownDivisionIsNotFound() {
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/divisions/449988000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:not-found"))
                .body("instance", equalTo("/api/v1/divisions/449988000000"));
    }

    @Test
    void aWrongMethodAndAWrongMediaTypeAreProblems() {
        given().auth()
                .oauth2(TestTokens.admin())
                .delete("/api/v1/divisions")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:method-not-allowed"));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.XML)
                .body("<division/>")
                .post("/api/v1/divisions")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:unsupported-media-type"));
    }

    /**
     * A province is optional above its cities: a city registered without it is a root; once the
     * province is registered, it is every such city's parent (their change published), and a city
     * registered later is born under it.
     */
    @Test
    void aProvinceRegisteredAfterItsCitiesBecomesTheirParent() {
        String province = "430000000000";
        String early = "430100000000";
        register(TestTokens.admin(), "{\"code\":\"%s\",\"nameZh\":\"早市\"}".formatted(early));
        register(TestTokens.admin(), "{\"code\":\"%s\",\"nameZh\":\"早市一县\"}".formatted("430101000000"));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/divisions/" + early)
                .then()
                .statusCode(200)
                .body("parentCode", org.hamcrest.Matchers.nullValue())
                .body("version", equalTo(0));
        // Only an admin decides what a province is (nothing above it to edit it from).
        as(TestTokens.editor(province))
                .body("{\"code\":\"%s\",\"nameZh\":\"测试省\"}".formatted(province))
                .post("/api/v1/divisions")
                .then()
                .statusCode(403);
        register(TestTokens.admin(), "{\"code\":\"%s\",\"nameZh\":\"测试省\"}".formatted(province));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/divisions/" + early)
                .then()
                .statusCode(200)
                .body("parentCode", equalTo(province))
                .body("version", equalTo(1));
        register(TestTokens.admin(), "{\"code\":\"%s\",\"nameZh\":\"晚市\"}".formatted("430200000000"));
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("parent", province)
                .get("/api/v1/divisions")
                .then()
                .statusCode(200)
                .body("code", contains(early, "430200000000"));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/divisions/430101000000/ancestors")
                .then()
                .statusCode(200)
                .body("code", contains(province, early));
    }

    private static void register(String token, String body) {
        as(token).body(body).post("/api/v1/divisions").then().statusCode(201);
    }

    private static ValidatableResponse assertValidationProblem(String body, String field) {
        return as(TestTokens.admin())
                .body(body)
                .post("/api/v1/divisions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:validation"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    private static void assertAbsent(String code) {
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/divisions/" + code)
                .then()
                .statusCode(404);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
