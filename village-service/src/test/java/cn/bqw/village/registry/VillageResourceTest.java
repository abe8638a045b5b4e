package cn.bqw.village.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import cn.bqw.testkit.TopicReader;
import cn.bqw.village.TestDivisions;
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
class VillageResourceTest {

    static final String COUNTY = "449801000000";
    static final String TOWN = "449801101000";
    static final String OTHER_TOWN = "449801102000";
    static final String FOREIGN_TOWN = "449802101000";

    private static boolean registered;

    /** Once per class, but inside a test: the HTTP port is only known then. */
    @BeforeEach
    void registerDivisions() {
        if (registered) {
            return;
        }
        registered = true;
        TestDivisions.register(List.of(
                "{\"code\":\"449800000000\",\"nameZh\":\"村务市\"}",
                "{\"code\":\"" + COUNTY + "\",\"nameZh\":\"南县\",\"countyClass\":\"ADVANCE\"}",
                "{\"code\":\"449802000000\",\"nameZh\":\"北县\",\"countyClass\":\"LEAD\"}",
                "{\"code\":\"" + TOWN + "\",\"nameZh\":\"青石镇\"}",
                "{\"code\":\"" + OTHER_TOWN + "\",\"nameZh\":\"白水镇\"}",
                "{\"code\":\"" + FOREIGN_TOWN + "\",\"nameZh\":\"北镇\"}"));
    }

    @Test
    void aRegisteredVillageReadsBackWithItsProfileAndHistory() {
        put(TestTokens.admin(), in(TOWN, "201"), village("青石村", "DEMONSTRATION", 2310), null)
                .statusCode(201)
                .header("Location", endsWith("/api/v1/villages/" + in(TOWN, "201")))
                .header("ETag", "\"0\"");
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/villages/" + in(TOWN, "201"))
                .then()
                .statusCode(200)
                .body("townshipCode", equalTo(TOWN))
                .body("nameZh", equalTo("青石村"))
                .body("category", equalTo("DEMONSTRATION"))
                .body("planType", equalTo("AGGLOMERATION"))
                .body("pilots", contains("LAND_SHARE_COOPERATIVE", "MAP_AND_CODE"))
                .body("belts", contains("URBAN_AGRI_BELT"))
                .body("residentPopulation", equalTo(2310))
                .body("areaKm2", equalTo(4.7f))
                .body("status", equalTo("ACTIVE"))
                .body("activeFrom", equalTo("2024-01-01"));
        history(in(TOWN, "201"))
                .body("", hasSize(1))
                .body("[0].action", equalTo("REGISTERED"))
                .body("[0].actor", equalTo("tester"))
                .body("[0].before", nullValue())
                .body("[0].after.nameZh", equalTo("青石村"));
    }

    @Test
    void changesNeedTheCurrentETagAndAreAuditedAndPublished() {
        String code = in(TOWN, "202");
        put(TestTokens.admin(), code, village("旧村", "ORDINARY", 800), null).statusCode(201);
        put(TestTokens.admin(), code, village("新村", "RENOVATION", 900), null)
                .statusCode(428)
                .body("type", equalTo("urn:bqw:problem:precondition-required"));
        put(TestTokens.admin(), code, village("新村", "RENOVATION", 900), "\"7\"")
                .statusCode(412)
                .body("type", equalTo("urn:bqw:problem:precondition-failed"));
        put(TestTokens.editor(COUNTY), code, village("新村", "RENOVATION", 900), "\"0\"")
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("nameZh", equalTo("新村"))
                .body("version", equalTo(1));
        // The same profile again changes nothing: no new version, no history, no event.
        put(TestTokens.editor(COUNTY), code, village("新村", "RENOVATION", 900), "\"1\"")
                .statusCode(200)
                .body("version", equalTo(1));
        history(code)
                .body("action", contains("REGISTERED", "UPDATED"))
                .body("[1].before.nameZh", equalTo("旧村"))
                .body("[1].after.nameZh", equalTo("新村"))
                .body("[1].after.category", equalTo("RENOVATION"));
        var records = TopicReader.readUntil(
                "bqw.divisions.v1", read -> ofKey(read, code).size() >= 2, Duration.ofSeconds(60));
        assertEquals(
                List.of("bqw.village.registered.v1", "bqw.village.updated.v1"),
                ofKey(records, code).stream()
                        .map(r -> TopicReader.header(r, "ce_type"))
                        .toList());
    }

    @Test
    void aRetiredVillageKeepsItsCodeAndRefusesChanges() {
        String code = in(TOWN, "203");
        put(TestTokens.admin(), code, village("撤并村", "ORDINARY", 300), null).statusCode(201);
        retire(code, "2025-06-30", "\"0\"")
                .statusCode(200)
                .body("status", equalTo("RETIRED"))
                .body("retiredOn", equalTo("2025-06-30"))
                .header("ETag", "\"1\"");
        retire(code, "2025-07-01", "\"1\"").statusCode(409);
        put(TestTokens.admin(), code, village("复活村", "ORDINARY", 300), "\"1\"")
                .statusCode(409)
                .body("type", equalTo("urn:bqw:problem:conflict"));
        history(code).body("action", contains("REGISTERED", "RETIRED"));
        var records = TopicReader.readUntil(
                "bqw.divisions.v1", read -> ofKey(read, code).size() >= 2, Duration.ofSeconds(60));
        assertEquals(
                "bqw.village.retired.v1",
                TopicReader.header(ofKey(records, code).get(1), "ce_type"));
    }

    @Test
    void anEditorWritesOnlyInsideItsCountyAndAViewerNowhere() {
        put(TestTokens.editor(COUNTY), in(FOREIGN_TOWN, "201"), village("越界村", "ORDINARY", 10), null)
                .statusCode(403);
        put(TestTokens.viewer(), in(TOWN, "204"), village("只读村", "ORDINARY", 10), null)
                .statusCode(403);
        absent(in(FOREIGN_TOWN, "201"));
        absent(in(TOWN, "204"));
        put(TestTokens.editor(COUNTY), in(TOWN, "206"), village("本县村", "ORDINARY", 10), null)
                .statusCode(201);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        invalid(TOWN, village("镇码", "ORDINARY", 10), "code");
        invalid("449801199201", village("无镇", "ORDINARY", 10), "code");
        invalid(in(TOWN, "205"), village("负人口", "ORDINARY", -1), "residentPopulation");
        invalid(in(TOWN, "205"), village("坏类", "BEST", 10), "category");
        invalid(
                in(TOWN, "205"),
                "{\"nameZh\":\"坏试点\",\"category\":\"ORDINARY\",\"pilots\":[\"MOON_BASE\"]}",
                "pilots[0]");
        invalid(in(TOWN, "205"), "{\"nameZh\":\"多字段\",\"category\":\"ORDINARY\",\"mayor\":\"张三\"}", "mayor");
        invalid(in(TOWN, "205"), "{\"nameZh\":\"坏纬度\",\"category\":\"ORDINARY\",\"latitude\":200}", "latitude");
        invalid(in(TOWN, "205"), "{\"category\":\"ORDINARY\"}", "nameZh");
        absent(in(TOWN, "205"));
        absent("449801199201");
    }

    /** {@code name=} is a literal substring: %, _ and \\ are not wildcards. */
    @Test
    void aNameSearchMatchesWildcardCharactersLiterally() {
        String town = TOWN;
        put(TestTokens.admin(), in(town, "231"), village("百分%村", "ORDINARY", 10), null)
                .statusCode(201);
        put(TestTokens.admin(), in(town, "232"), village("下划_村", "ORDINARY", 10), null)
                .statusCode(201);
        put(TestTokens.admin(), in(town, "233"), village("反斜\\\\村", "ORDINARY", 10), null)
                .statusCode(201);
        for (String[] search : new String[][] {{"%", "百分%村"}, {"_", "下划_村"}, {"\\", "反斜\\村"}}) {
            given().auth()
                    .oauth2(TestTokens.viewer())
                    .queryParam("township", town)
                    .queryParam("name", search[0])
                    .get("/api/v1/villages")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].nameZh", equalTo(search[1]));
        }
    }

    @Test
    void listsFilterSortAndPageWithATotal() {
        String town = OTHER_TOWN;
        put(TestTokens.admin(), in(town, "211"), village("甲村", "DEMONSTRATION", 500), null)
                .statusCode(201);
        put(TestTokens.admin(), in(town, "212"), village("乙村", "RENOVATION", 1500), null)
                .statusCode(201);
        put(TestTokens.admin(), in(town, "213"), village("丙村", "RENOVATION", 1000), null)
                .statusCode(201);
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("township", town)
                .queryParam("category", "RENOVATION")
                .queryParam("sort", "-residentPopulation")
                .get("/api/v1/villages")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.code", contains(in(town, "212"), in(town, "213")));
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("township", town)
                .queryParam("pilot", "MAP_AND_CODE")
                .queryParam("name", "丙")
                .get("/api/v1/villages")
                .then()
                .body("total", equalTo(1))
                .body("items[0].nameZh", equalTo("丙村"));
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("township", town)
                .queryParam("sort", "code")
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/v1/villages")
                .then()
                .body("total", equalTo(3))
                .body("page", equalTo(1))
                .body("items.code", contains(in(town, "213")));
        put(
                        TestTokens.admin(),
                        in(town, "214"),
                        village("丁村", "ORDINARY", 10)
                                .replace("AGGLOMERATION", "RELOCATION")
                                .replace("[\"URBAN_AGRI_BELT\"]", "[\"OLD_COURSE_CORRIDOR\"]"),
                        null)
                .statusCode(201);
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("township", town)
                .queryParam("planType", "RELOCATION")
                .get("/api/v1/villages")
                .then()
                .body("items.code", contains(in(town, "214")));
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("township", town)
                .queryParam("belt", "URBAN_AGRI_BELT")
                .queryParam("status", "ACTIVE")
                .get("/api/v1/villages")
                .then()
                .body("total", equalTo(3));
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("sort", "mayor")
                .get("/api/v1/villages")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("sort"));
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("size", 100000)
                .get("/api/v1/villages")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("size"));
    }

    private static String village(String name, String category, int residents) {
        return """
                {"nameZh":"%s","category":"%s","planType":"AGGLOMERATION","belts":["URBAN_AGRI_BELT"],
                 "pilots":["MAP_AND_CODE","LAND_SHARE_COOPERATIVE"],"residentPopulation":%d,"registeredPopulation":3000,
                 "households":700,"areaKm2":4.7,"arableLandMu":3120,"latitude":34.5,"longitude":116.2,
                 "activeFrom":"2024-01-01"}"""
                .formatted(name, category, residents);
    }

    private static ValidatableResponse put(String token, String code, String body, String ifMatch) {
        RequestSpecification request = as(token).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/villages/" + code).then();
    }

    private static ValidatableResponse retire(String code, String date, String ifMatch) {
        return as(TestTokens.admin())
                .header("If-Match", ifMatch)
                .body("{\"effectiveOn\":\"" + date + "\"}")
                .post("/api/v1/villages/" + code + "/retirement")
                .then();
    }

    private static ValidatableResponse history(String code) {
        return given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/villages/" + code + "/history")
                .then()
                .statusCode(200);
    }

    private static void invalid(String code, String body, String field) {
        put(TestTokens.admin(), code, body, null)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bqw:problem:validation"))
                .body("errors.field", hasItem(field));
    }

    private static void absent(String code) {
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/villages/" + code)
                .then()
                .statusCode(404);
    }

    private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> ofKey(
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    /** The village numbered {@code number} in {@code township}. */
    private static String in(String township, String number) {
        return township.substring(0, 9) + number;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
