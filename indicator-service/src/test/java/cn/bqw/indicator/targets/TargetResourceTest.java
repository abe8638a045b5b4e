package cn.bqw.indicator.targets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.indicator.TestRegions;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import cn.bqw.testkit.TopicReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Targets: set, replace with If-Match, bulk, the allocation check, access and events (province 96). */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class TargetResourceTest {

    static final String CITY = "960100000000";
    static final String EAST = "960101000000";
    static final String WEST = "960102000000";
    static final String NORTH = "960103000000";

    static boolean ready;

    @Inject
    RegionReplica replica;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void catalogueAndRegions() {
        if (ready) {
            return;
        }
        for (String code : List.of("TGT_FARMLAND", "TGT_SEWAGE", "TGT_SPLIT")) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType(ContentType.JSON)
                    .body(
                            """
                            {"nameZh":"测试","campaign":"AGRI","unit":"mu","aggregation":"SUM","overTime":"FLOW",
                             "direction":"UP","reportedAt":"COUNTY","frequency":"MONTHLY"}""")
                    .put("/api/v1/indicators/" + code)
                    .then()
                    .statusCode(201);
        }
        TestRegions.register(replica, CITY, EAST, WEST, NORTH);
        ready = true;
    }

    /** Region before precondition: an editor of another region learns nothing of a target's version. */
    @Test
    void anEditorOutsideTheRegionIsRefusedBeforeIfMatchIsLookedAt() {
        put(TestTokens.admin(), "TGT_SPLIT", WEST, 2024, "{\"value\":5,\"kind\":\"BINDING\"}", null)
                .statusCode(201);
        put(TestTokens.editor(EAST), "TGT_SPLIT", WEST, 2024, "{\"value\":6,\"kind\":\"BINDING\"}", null)
                .statusCode(403)
                .body("detail", org.hamcrest.Matchers.not(containsString("version")));
        put(TestTokens.editor(EAST), "TGT_SPLIT", WEST, 2024, "{\"value\":6,\"kind\":\"BINDING\"}", "\"9\"")
                .statusCode(403);
    }

    @Test
    void aTargetIsSetThenReplacedWithItsETagAndPublished() throws Exception {
        put(
                        TestTokens.admin(),
                        "TGT_SEWAGE",
                        CITY,
                        2025,
                        "{\"value\":60,\"kind\":\"BINDING\",\"baseline\":48.50}",
                        null)
                .statusCode(201)
                .header("Location", containsString("/api/v1/targets/TGT_SEWAGE/" + CITY + "/2025"))
                .header("ETag", "\"0\"")
                .body("baseline", equalTo(48.5f));
        put(TestTokens.admin(), "TGT_SEWAGE", CITY, 2025, "{\"value\":62,\"kind\":\"BINDING\"}", null)
                .statusCode(428);
        put(TestTokens.admin(), "TGT_SEWAGE", CITY, 2025, "{\"value\":62,\"kind\":\"BINDING\"}", "\"7\"")
                .statusCode(412);
        put(TestTokens.admin(), "TGT_SEWAGE", CITY, 2025, "{\"value\":62,\"kind\":\"BINDING\"}", "\"0\"")
                .statusCode(200)
                .body("value", equalTo(62))
                .body("baseline", equalTo(null))
                .body("version", equalTo(1));
        String key = "TGT_SEWAGE|" + CITY + "|2025";
        var events = TopicReader.readUntil(
                        "bqw.indicators.v1",
                        read -> read.stream().filter(r -> key.equals(r.key())).count() >= 2,
                        Duration.ofSeconds(30))
                .stream()
                .filter(r -> key.equals(r.key()))
                .toList();
        assertEquals(
                List.of("bqw.target.set.v1", "bqw.target.set.v1"),
                events.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        assertEquals(62, json.readTree(events.get(1).value()).get("value").intValue());
    }

    @Test
    void targetsNeedAKnownIndicatorAndRegionAndAnEditorSetsOnlyItsOwn() {
        put(TestTokens.admin(), "NO_SUCH", EAST, 2025, "{\"value\":1,\"kind\":\"BINDING\"}", null)
                .statusCode(400)
                .body("errors[0].field", equalTo("indicator"));
        put(TestTokens.admin(), "TGT_FARMLAND", "960109000000", 2025, "{\"value\":1,\"kind\":\"BINDING\"}", null)
                .statusCode(400)
                .body("errors[0].field", equalTo("region"));
        put(TestTokens.admin(), "TGT_FARMLAND", EAST, 2025, "{\"value\":1,\"kind\":\"SOFT\"}", null)
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        put(TestTokens.editor(EAST), "TGT_FARMLAND", WEST, 2024, "{\"value\":1,\"kind\":\"BINDING\"}", null)
                .statusCode(403);
        put(TestTokens.editor(EAST), "TGT_FARMLAND", CITY, 2024, "{\"value\":1,\"kind\":\"BINDING\"}", null)
                .statusCode(403);
        put(TestTokens.editor(EAST), "TGT_FARMLAND", EAST, 2024, "{\"value\":1,\"kind\":\"BINDING\"}", null)
                .statusCode(201);
        put(TestTokens.viewer(), "TGT_FARMLAND", EAST, 2023, "{\"value\":1,\"kind\":\"BINDING\"}", null)
                .statusCode(403);
    }

    @Test
    void theAllocationCheckComparesTheCountiesSumWithTheCityTarget() {
        String csv = "indicator,region,year,value,kind\n"
                + "TGT_SPLIT," + CITY + ",2025,150000,BINDING\n"
                + "TGT_SPLIT," + EAST + ",2025,60000,BINDING\n"
                + "TGT_SPLIT," + WEST + ",2025,50000.0,BINDING\n"
                + "TGT_SPLIT," + WEST + ",2025,oops,BINDING\n";
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.admin())
                .contentType("text/csv; charset=UTF-8")
                .body(csv)
                .post("/api/v1/targets:batch")
                .then()
                .statusCode(200)
                .body("imported", equalTo(3))
                .body("conflicts.row", equalTo(List.of(4)))
                .body("conflicts.field", equalTo(List.of("value")));
        allocation("TGT_SPLIT")
                .body("target", equalTo(150000))
                .body("allocated", equalTo(110000))
                .body("difference", equalTo(-40000))
                .body("status", equalTo("UNDER"))
                .body("shares", hasSize(2))
                .body("unallocated", equalTo(List.of(NORTH)));
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("[{\"indicator\":\"TGT_SPLIT\",\"region\":\"" + NORTH
                        + "\",\"year\":2025,\"value\":40000,\"kind\":\"BINDING\"}]")
                .post("/api/v1/targets:batch")
                .then()
                .body("imported", equalTo(1));
        allocation("TGT_SPLIT").body("status", equalTo("BALANCED")).body("difference", equalTo(0));
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("indicator", "TGT_SPLIT")
                .queryParam("year", 2025)
                .get("/api/v1/targets")
                .then()
                .body("region", equalTo(List.of(CITY, EAST, WEST, NORTH)));
    }

    private static ValidatableResponse allocation(String indicator) {
        return given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("indicator", indicator)
                .queryParam("year", 2025)
                .queryParam("region", CITY)
                .get("/api/v1/targets/allocation")
                .then()
                .statusCode(200);
    }

    private static ValidatableResponse put(
            String token, String indicator, String region, int year, String body, String ifMatch) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.body(body)
                .put("/api/v1/targets/" + indicator + "/" + region + "/" + year)
                .then();
    }
}
