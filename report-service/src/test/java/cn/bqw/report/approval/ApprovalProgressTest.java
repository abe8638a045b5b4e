package cn.bqw.report.approval;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.bqw.report.ProjectionEvents;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The approval progress of a county's townships, from the approval events (county 770401…, no city:
 * the overview's city stays the other tests').
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ApprovalProgressTest {

    static final String COUNTY = "770401000000";

    @Test
    void eachTownshipsLatestStateCountsOnceWhateverTheOrderAndRepeatsOfItsEvents() {
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.indicator("APPR_REPORT", "SUM", "FLOW", "VILLAGE", "个")
                    .division(COUNTY, "COUNTY", "770400000000", "进度县", "LEAD")
                    .division("770401001000", "TOWNSHIP", COUNTY, "一镇", null)
                    .division("770401002000", "TOWNSHIP", COUNTY, "二镇", null)
                    .division("770401003000", "TOWNSHIP", COUNTY, "三镇", null)
                    .approval("770401001000", "2025-10", "RURAL", "SUBMITTED", null, 0)
                    .approval("770401001000", "2025-10", "RURAL", "APPROVED", null, 1)
                    // Redelivered and out of order: neither may move the township back.
                    .approval("770401001000", "2025-10", "RURAL", "APPROVED", null, 1)
                    .approval("770401001000", "2025-10", "RURAL", "SUBMITTED", null, 0)
                    .approval("770401002000", "2025-10", "RURAL", "SUBMITTED", null, 0)
                    .approval("770401002000", "2025-10", "RURAL", "RETURNED", "请核实", 1)
                    .approval("770401003000", "2025-09", "RURAL", "APPROVED", null, 1);
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonPath progress = given().auth()
                    .oauth2(TestTokens.viewer())
                    .queryParam("region", COUNTY)
                    .queryParam("period", "2025-10")
                    .get("/api/v1/reports/approvals")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String rural = "campaigns.find { it.campaign == 'RURAL' }.";
            org.junit.jupiter.api.Assertions.assertEquals(3, progress.getInt(rural + "units"));
            org.junit.jupiter.api.Assertions.assertEquals(1, progress.getInt(rural + "approved"));
            org.junit.jupiter.api.Assertions.assertEquals(1, progress.getInt(rural + "returned"));
            org.junit.jupiter.api.Assertions.assertEquals(1, progress.getInt(rural + "open"));
            org.junit.jupiter.api.Assertions.assertEquals(0, progress.getInt(rural + "submitted"));
            org.junit.jupiter.api.Assertions.assertEquals("0.3333", progress.getString(rural + "approvedShare"));
            org.junit.jupiter.api.Assertions.assertEquals(
                    "请核实",
                    progress.getString("units.find { it.region == '770401002000' && it.campaign == 'RURAL' }.reason"));
        });
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("region", "770499000000")
                .queryParam("period", "2025-10")
                .get("/api/v1/reports/approvals")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("region", COUNTY)
                .queryParam("period", "2025-13")
                .get("/api/v1/reports/approvals")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:bqw:problem:validation"));
    }
}
