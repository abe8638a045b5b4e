package cn.bqw.indicator.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.indicator.TestIndicators;
import cn.bqw.indicator.TestRegions;
import cn.bqw.platform.region.RegionReplica;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import cn.bqw.testkit.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The approval workflow end to end (regions 7703…): who may take which step, what approval locks,
 * a county after its townships, the city's acceptance, returns, the children's list, the history
 * and the events.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ApprovalWorkflowTest {

    static final String CITY = "770300000000";
    static final String COUNTY = "770301000000";
    static final String OTHER_COUNTY = "770302000000";
    static final String T1 = "770301001000";
    static final String T2 = "770301002000";
    static final String V1 = "770301001001";
    static final String PERIOD = "2025-10";

    @Inject
    RegionReplica replica;

    @Test
    void figuresAreSubmittedApprovedAcceptedAndReturnedByTheRightPeopleOnly() {
        TestIndicators.define("APPR_COUNT", "SUM", "FLOW", "VILLAGE", "MONTHLY", "");
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"nameZh":"审核测试农业","campaign":"AGRI","unit":"个","aggregation":"SUM","overTime":"FLOW",
                         "direction":"UP","reportedAt":"VILLAGE","frequency":"MONTHLY"}""")
                .put("/api/v1/indicators/APPR_AGRI")
                .then()
                .statusCode(201);
        TestRegions.register(replica, CITY, COUNTY, OTHER_COUNTY, T1, T2, V1, "770302001000");
        record(TestTokens.editor(T1), "APPR_COUNT", "2025-10", "5").statusCode(201);

        // Who: the township's editor submits; the county's approver approves; nobody else.
        step(TestTokens.approver(COUNTY), T1, "approve", null)
                .statusCode(409)
                .body("detail", containsString("they are OPEN"));
        step(TestTokens.editor(OTHER_COUNTY), T1, "submit", null).statusCode(403);
        step(TestTokens.approver(COUNTY), T1, "submit", null).statusCode(403);
        step(TestTokens.editor(T1), T1, "submit", null).statusCode(200).body("state", equalTo("SUBMITTED"));
        step(TestTokens.editor(T1), T1, "submit", null).statusCode(409).body("detail", containsString("SUBMITTED"));
        step(TestTokens.editor(T1), T1, "approve", null).statusCode(403);
        step(TestTokens.editor(COUNTY), T1, "approve", null).statusCode(403);
        step(TestTokens.approver(OTHER_COUNTY), T1, "approve", null).statusCode(403);
        step(TestTokens.approver(CITY), T1, "approve", null).statusCode(403);
        step(TestTokens.approver(T1), T1, "approve", null).statusCode(403);
        step(TestTokens.approver(COUNTY), T1, "approve", null)
                .statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("changedBy", equalTo("tester"));

        // Approved figures are locked for everyone, singly and in bulk; other campaigns and periods are not.
        record(TestTokens.editor(T1), "APPR_COUNT", PERIOD, "6")
                .statusCode(409)
                .body("type", equalTo("urn:bqw:problem:approved"));
        record(TestTokens.admin(), "APPR_COUNT", PERIOD, "6").statusCode(409);
        record(TestTokens.editor(T1), "APPR_AGRI", PERIOD, "2").statusCode(201);
        record(TestTokens.editor(T1), "APPR_COUNT", "2025-09", "4").statusCode(201);
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.editor(T1))
                .contentType("text/csv")
                .body("indicator,region,period,value\nAPPR_COUNT," + V1 + ",2025-10,7\nAPPR_COUNT," + V1
                        + ",2025-08,3\n")
                .post("/api/v1/observations:batch")
                .then()
                .statusCode(200)
                .body("imported", equalTo(1))
                .body("conflicts.row", contains(1))
                .body("conflicts[0].reason", containsString("APPROVED"));
        assertEquals(List.of("5"), values(PERIOD));

        // Returned with a reason, the figures are writable again.
        step(TestTokens.approver(COUNTY), T1, "return", null).statusCode(400);
        step(TestTokens.approver(COUNTY), T1, "return", "{\"reason\":\"与上月相比增幅过大，请核实\"}")
                .statusCode(200)
                .body("state", equalTo("RETURNED"))
                .body("reason", equalTo("与上月相比增幅过大，请核实"));
        record(TestTokens.editor(T1), "APPR_COUNT", PERIOD, "6").statusCode(200);
        step(TestTokens.editor(T1), T1, "submit", null).statusCode(200);
        step(TestTokens.approver(COUNTY), T1, "approve", null).statusCode(200);

        // A county is approved only after all its townships; the city approves and accepts it.
        step(TestTokens.editor(COUNTY), COUNTY, "submit", null).statusCode(200);
        step(TestTokens.approver(CITY), COUNTY, "approve", null).statusCode(409).body("detail", containsString(T2));
        step(TestTokens.editor(T2), T2, "submit", null).statusCode(200);
        step(TestTokens.approver(COUNTY), T2, "approve", null).statusCode(200);
        step(TestTokens.approver(COUNTY), COUNTY, "approve", null).statusCode(403);
        step(TestTokens.approver(CITY), COUNTY, "approve", null).statusCode(200).body("state", equalTo("APPROVED"));
        step(TestTokens.approver(COUNTY), T1, "accept", null)
                .statusCode(409)
                .body("detail", containsString("only a county"));
        step(TestTokens.approver(CITY), COUNTY, "accept", null).statusCode(200).body("state", equalTo("ACCEPTED"));
        step(TestTokens.approver(COUNTY), T1, "return", "{\"reason\":\"再核\"}")
                .statusCode(409)
                .body("detail", containsString("returned first"));

        // The county sees its townships' states; the history says who did what and why.
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("region", COUNTY)
                .queryParam("period", PERIOD)
                .queryParam("campaign", "RURAL")
                .get("/api/v1/approvals")
                .then()
                .statusCode(200)
                .body("region", contains(T1, T2))
                .body("state", contains("APPROVED", "APPROVED"));
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("region", COUNTY)
                .queryParam("period", PERIOD)
                .get("/api/v1/approvals")
                .then()
                .body("$", hasSize(12));
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("region", COUNTY)
                .queryParam("period", PERIOD)
                .queryParam("state", "OPEN")
                .get("/api/v1/approvals")
                .then()
                .body("$", hasSize(10))
                .body("campaign", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("RURAL")));
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/approvals/" + T1 + "/" + PERIOD + "/RURAL")
                .then()
                .statusCode(200)
                .body("current.state", equalTo("APPROVED"))
                .body("history.action", contains("SUBMIT", "APPROVE", "RETURN", "SUBMIT", "APPROVE"))
                .body("history[2].after.reason", equalTo("与上月相比增幅过大，请核实"));

        // Each step is an event on bqw.approvals.v1, once, keyed by region|period|campaign.
        String key = T1 + "|" + PERIOD + "|RURAL";
        var events = TopicReader.readUntil(
                "bqw.approvals.v1",
                read -> read.stream().filter(r -> r.key().equals(key)).count() >= 5,
                Duration.ofSeconds(30));
        assertEquals(
                List.of(
                        "bqw.approval.submitted.v1",
                        "bqw.approval.approved.v1",
                        "bqw.approval.returned.v1",
                        "bqw.approval.submitted.v1",
                        "bqw.approval.approved.v1"),
                events.stream()
                        .filter(r -> r.key().equals(key))
                        .map(r -> TopicReader.header(r, "ce_type"))
                        .toList());
    }

    @Test
    void aStepOnSomethingThatIsNoUnitIsAClearProblem() {
        TestRegions.register(replica, CITY, COUNTY, T1, V1);
        for (String path : List.of(
                "770399000000/" + PERIOD + "/RURAL",
                V1 + "/" + PERIOD + "/RURAL",
                T1 + "/" + PERIOD + "/PARKS",
                T1 + "/2025-13/RURAL",
                T1 + "/2099-01/RURAL")) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .post("/api/v1/approvals/" + path + "/submit")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/approvals?region=" + COUNTY + "&period=2025-10&state=DONE")
                .then()
                .statusCode(400);
    }

    private static ValidatableResponse step(String token, String region, String step, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body == null ? "{}" : body)
                .post("/api/v1/approvals/" + region + "/" + PERIOD + "/RURAL/" + step)
                .then();
    }

    private static ValidatableResponse record(String token, String indicator, String period, String value) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"indicator\":\"" + indicator + "\",\"region\":\"" + V1 + "\",\"period\":\"" + period
                        + "\",\"value\":" + value + "}")
                .post("/api/v1/observations")
                .then();
    }

    private static List<String> values(String period) {
        return given()
                .auth()
                .oauth2(TestTokens.viewer())
                .queryParam("indicator", "APPR_COUNT")
                .queryParam("region", V1)
                .queryParam("period", period)
                .get("/api/v1/observations")
                .then()
                .extract()
                .jsonPath()
                .getList("items.value", Object.class)
                .stream()
                .map(String::valueOf)
                .toList();
    }
}
