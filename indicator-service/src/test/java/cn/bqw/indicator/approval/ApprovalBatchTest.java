package cn.bqw.indicator.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.bqw.indicator.TestRegions;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * One step for many units (regions 7706…): in order, all or none, each unit held to the single
 * step's rules, a unit outside the caller's reach refusing the whole request.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ApprovalBatchTest {

    static final String CITY = "770600000000";
    static final String COUNTY = "770601000000";
    static final String OTHER_COUNTY = "770602000000";
    static final String T1 = "770601001000";
    static final String T2 = "770601002000";
    static final String ELSEWHERE = "770602001000";

    @Inject
    RegionReplica replica;

    @Test
    void manyUnitsTakeOneStepInOrderAllOrNone() {
        TestRegions.register(replica, CITY, COUNTY, OTHER_COUNTY, T1, T2, ELSEWHERE);

        // The county's approver may not submit, and an editor of one township not for another.
        batch(TestTokens.approver(COUNTY), "submit", units(T1, T2), null).statusCode(403);
        batch(TestTokens.editor(T1), "submit", units(T1, T2), null)
                .statusCode(403)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("[2].region"))
                .body("errors[0].message", containsString("outside the regions"));
        state(T1, "OPEN");

        batch(TestTokens.editor(COUNTY), "submit", units(T1, T2), null)
                .statusCode(200)
                .body("imported", equalTo(2))
                .body("conflicts", hasSize(0));
        state(T2, "SUBMITTED");

        // The county's own figures are not submitted: approving townships and county together is
        // refused as a whole, the townships included.
        batch(TestTokens.admin(), "approve", units(T1, T2, COUNTY), null)
                .statusCode(409)
                .body("type", equalTo("urn:bqw:problem:import-rejected"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("[3]"))
                .body("errors[0].message", containsString("OPEN"));
        state(T1, "SUBMITTED");

        // An approver of another county reaches none of them.
        batch(TestTokens.approver(OTHER_COUNTY), "approve", units(T1, T2), null)
                .statusCode(403)
                .body("errors", hasSize(2))
                .body("errors[0].message", containsString("approved by an approver of the division directly above"));

        batch(TestTokens.approver(COUNTY), "approve", units(T1, T2), null)
                .statusCode(200)
                .body("imported", equalTo(2));
        batch(TestTokens.editor(COUNTY), "submit", units(COUNTY), null).statusCode(200);
        // In order: the county after its townships, in the same request as nothing else.
        batch(TestTokens.approver(CITY), "approve", units(COUNTY), null).statusCode(200);
        batch(TestTokens.approver(CITY), "accept", units(COUNTY), null).statusCode(200);
        state(COUNTY, "ACCEPTED");

        // A return needs its reason; with one, the county first and then its townships.
        batch(TestTokens.admin(), "return", units(COUNTY, T1), null)
                .statusCode(400)
                .body("type", equalTo("urn:bqw:problem:validation"));
        batch(TestTokens.approver(CITY), "return", units(COUNTY, T1), "县级数据需更正")
                .statusCode(403)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("[2].region"));
        batch(TestTokens.admin(), "return", units(T1, COUNTY), "县级数据需更正")
                .statusCode(409)
                .body("errors[0].field", equalTo("[1]"))
                .body("errors[0].message", containsString("returned first"));
        state(COUNTY, "ACCEPTED");
        batch(TestTokens.admin(), "return", units(COUNTY, T1), "县级数据需更正")
                .statusCode(200)
                .body("imported", equalTo(2));
        state(T1, "RETURNED");
        state(T2, "APPROVED");
    }

    private static String units(String... regions) {
        StringBuilder units = new StringBuilder();
        for (String region : regions) {
            units.append(units.isEmpty() ? "" : ",")
                    .append("{\"region\":\"%s\",\"period\":\"2025-10\",\"campaign\":\"RURAL\"}".formatted(region));
        }
        return "[" + units + "]";
    }

    private static ValidatableResponse batch(String token, String step, String units, String reason) {
        return given().urlEncodingEnabled(false)
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"units\":" + units + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}")
                .post("/api/v1/approvals:" + step)
                .then();
    }

    private static void state(String region, String expected) {
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/approvals/" + region + "/2025-10/RURAL")
                .then()
                .statusCode(200)
                .body("current.state", equalTo(expected));
    }
}
