package cn.bqw.report.approval;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.bqw.report.DriftChecking;
import cn.bqw.report.ProjectionEvents;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The official view against hand-worked numbers (county 770501…, no city: the overview's city stays
 * the other tests'). Two villages report a flow; their townships' months are approved, submitted or
 * returned; the county reports a level of its own, official only once the city accepts it.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class OfficialViewTest {

    static final String COUNTY = "770501000000";
    static final String EAST = "770501001000";
    static final String WEST = "770501002000";
    static final String EAST_VILLAGE = "770501001001";
    static final String WEST_VILLAGE = "770501002001";

    @Test
    void onlyApprovedValuesCountInTheOfficialViewAndEveryFigureSaysHowMuchOfItIsApproved() {
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.indicator("OFF_FLOW", "SUM", "FLOW", "VILLAGE", "个")
                    .indicator("OFF_LEVEL", "SUM", "LEVEL", "COUNTY", "个")
                    .division(COUNTY, "COUNTY", "770500000000", "正式县", "LEAD")
                    .division(EAST, "TOWNSHIP", COUNTY, "东镇", null)
                    .division(WEST, "TOWNSHIP", COUNTY, "西镇", null)
                    .village(EAST_VILLAGE, EAST, "DEMONSTRATION", 100)
                    .village(WEST_VILLAGE, WEST, "DEMONSTRATION", 100)
                    // Some approvals before the values they cover, some after: topics do not wait for each other.
                    .approval(EAST, "2025-01", "RURAL", "APPROVED", null, 1)
                    .approval(WEST, "2025-01", "RURAL", "APPROVED", null, 1)
                    .observation("OFF_FLOW", EAST_VILLAGE, "2025-01", "TOTAL", "\"value\":10")
                    .observation("OFF_FLOW", EAST_VILLAGE, "2025-02", "TOTAL", "\"value\":20")
                    .observation("OFF_FLOW", EAST_VILLAGE, "2025-03", "TOTAL", "\"value\":40")
                    .observation("OFF_FLOW", WEST_VILLAGE, "2025-01", "TOTAL", "\"value\":5")
                    .observation("OFF_FLOW", WEST_VILLAGE, "2025-02", "TOTAL", "\"value\":7")
                    .observation("OFF_LEVEL", COUNTY, "2025-01", "TOTAL", "\"value\":100")
                    .approval(EAST, "2025-02", "RURAL", "APPROVED", null, 1)
                    .approval(EAST, "2025-03", "RURAL", "SUBMITTED", null, 0)
                    .approval(WEST, "2025-02", "RURAL", "APPROVED", null, 1)
                    .approval(WEST, "2025-02", "RURAL", "RETURNED", "请核实二月数据", 2)
                    // A county's own values count once the city accepts them, not when it approves.
                    .approval(COUNTY, "2025-01", "RURAL", "APPROVED", null, 1);
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            // As of March: all 10 + 20 + 40 + 5 + 7; official only January and the east's February.
            Figure all = figure("OFF_FLOW", "2025-03", "all");
            Figure official = figure("OFF_FLOW", "2025-03", "official");
            assertEquals("82", all.actual);
            assertEquals("35", official.actual);
            // Neither village's values are all approved by March.
            assertEquals("0", all.approved);
            assertEquals(true, all.provisional);
            // As of February the east's are, the west's February is returned: half.
            assertEquals("42", figure("OFF_FLOW", "2025-02", "all").actual);
            assertEquals("35", figure("OFF_FLOW", "2025-02", "official").actual);
            assertEquals("50", figure("OFF_FLOW", "2025-02", "all").approved);
            Figure january = figure("OFF_FLOW", "2025-01", "official");
            assertEquals("15", january.actual);
            assertEquals("100", january.approved);
            assertEquals(false, january.provisional);
            // The county's level: approved by the city is not enough.
            assertEquals("100", figure("OFF_LEVEL", "2025-01", "all").actual);
            assertNull(figure("OFF_LEVEL", "2025-01", "official").actual);
            assertEquals("0", figure("OFF_LEVEL", "2025-01", "all").approved);
        });

        try (ProjectionEvents events = new ProjectionEvents()) {
            events.approval(COUNTY, "2025-01", "RURAL", "ACCEPTED", null, 2)
                    // Redelivered: counts once.
                    .approval(COUNTY, "2025-01", "RURAL", "ACCEPTED", null, 2)
                    .approval(EAST, "2025-02", "RURAL", "RETURNED", "二月数据有误", 2)
                    // A revision of an approved month (as after a return and a new approval): the official view
                    // follows.
                    .revision("OFF_FLOW", WEST_VILLAGE, "2025-01", "TOTAL", "\"value\":6", 2);
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            assertEquals("100", figure("OFF_LEVEL", "2025-01", "official").actual);
            assertEquals("100", figure("OFF_LEVEL", "2025-01", "all").approved);
            // The east's February is back to provisional; January stays official (township and county).
            assertEquals("16", figure("OFF_FLOW", "2025-03", "official").actual);
            assertEquals("83", figure("OFF_FLOW", "2025-03", "all").actual);
            assertEquals("16", figure("OFF_FLOW", "2025-02", "official").actual);
            assertEquals("0", figure("OFF_FLOW", "2025-02", "all").approved);
        });

        // The breakdown over the townships says the same, region by region.
        JsonPath breakdown = given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2025)
                .queryParam("asOf", "2025-03")
                .queryParam("parent", COUNTY)
                .queryParam("view", "official")
                .get("/api/v1/reports/indicators/OFF_FLOW")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("official", breakdown.getString("view"));
        assertEquals(
                "10", number(breakdown.getString("regions.find { it.region == '" + EAST + "' }.assessment.actual")));
        assertEquals(
                "6", number(breakdown.getString("regions.find { it.region == '" + WEST + "' }.assessment.actual")));
        assertEquals("16", number(breakdown.getString("series.find { it.month == '2025-03' }.actual")));

        // Kept incrementally, both views agree with a recomputation from the facts and the approvals.
        DriftChecking.report().body("differences", empty());

        // An official bulletin holds the official figures; when the east's February is approved
        // again, its changes show the figure moving though no value was revised.
        JsonPath bulletin = given().auth()
                .oauth2(TestTokens.admin())
                .contentType(io.restassured.http.ContentType.JSON)
                .body("{\"region\":\"" + COUNTY + "\",\"year\":2025,\"asOf\":\"2025-03\",\"view\":\"official\"}")
                .post("/api/v1/bulletins")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertEquals("official", bulletin.getString("view"));
        assertEquals("official", bulletin.getString("content.report.view"));
        String published = "content.report.campaigns.indicators.flatten().find { it.code == 'OFF_FLOW' }.";
        assertEquals("16", number(bulletin.getString(published + "assessment.actual")));
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.approval(EAST, "2025-02", "RURAL", "APPROVED", null, 3);
        }
        long id = bulletin.getLong("id");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonPath changes = given().auth()
                    .oauth2(TestTokens.viewer())
                    .get("/api/v1/bulletins/" + id + "/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String figure = "figures.find { it.indicator == 'OFF_FLOW' }.";
            assertEquals("16", number(changes.getString(figure + "published")));
            assertEquals("36", number(changes.getString(figure + "current")));
        });

        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2025)
                .queryParam("view", "approved")
                .get("/api/v1/reports/regions/" + COUNTY)
                .then()
                .statusCode(400)
                .body("type", org.hamcrest.Matchers.equalTo("urn:bqw:problem:validation"));
    }

    /** One indicator of the county's report: actual, approved share and mark. */
    private record Figure(String actual, String approved, boolean provisional) {}

    private static Figure figure(String indicator, String asOf, String view) {
        JsonPath report = given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2025)
                .queryParam("asOf", asOf)
                .queryParam("view", view)
                .get("/api/v1/reports/regions/" + COUNTY)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(view, report.getString("view"));
        String path = "campaigns.indicators.flatten().find { it.code == '" + indicator + "' }.";
        return new Figure(
                number(report.getString(path + "assessment.actual")),
                number(report.getString(path + "approved")),
                report.getBoolean(path + "provisional"));
    }

    private static String number(String text) {
        return text == null ? null : new BigDecimal(text).stripTrailingZeros().toPlainString();
    }
}
