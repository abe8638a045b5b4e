package cn.bqw.report.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.report.ProjectionEvents;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two cities side by side (740100000000, then 740200000000 with the same data under its own codes):
 * the first city's overview, rankings, gaps and coverage are the same to the digit before and after
 * the second arrives, and the second's are the first's alone, codes swapped.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class TwoCitiesTest {

    static final String FIRST = "7401";
    static final String SECOND = "7402";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSecondCityChangesNothingTheFirstCitysReadersSee() throws Exception {
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.indicator("TWO_SUM", "SUM", "FLOW", "COUNTY", "个")
                    .indicator("TWO_SHARE", "SHARE_TRUE", "LEVEL", "VILLAGE", "%")
                    .indicator("TWO_INCOME", "WEIGHTED_MEAN", "LEVEL", "VILLAGE", "元");
            city(events, FIRST);
        }
        Map<String, String> alone = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            Map<String, String> now = reports(FIRST);
            // Every event of the city applied: 4 + 3 against 36, two villages of three, the incomes
            // weighted by population ((20000 × 1000 + 26000 × 2000) / 3000), three villages covered.
            JsonNode overview = JSON.readTree(now.get("overview"));
            assertEquals("7", actual(overview, "TWO_SUM", "actual"));
            assertEquals("36", actual(overview, "TWO_SUM", "target"));
            assertEquals("66.6667", actual(overview, "TWO_SHARE", "actual"));
            assertEquals(2, JSON.readTree(now.get("rankings")).path("counties").size());
            JsonNode gap = JSON.readTree(now.get("gaps")).path("indicators").path(0);
            assertEquals("TWO_INCOME", gap.path("indicator").asText());
            assertEquals("24000", plain(gap.path("regions").path(0).path("rural")));
            assertEquals("50000", plain(gap.path("regions").path(0).path("urban")));
            assertEquals(
                    3,
                    JSON.readTree(now.get("coverage"))
                            .path("regions")
                            .path(0)
                            .path("activeVillages")
                            .asInt());
            alone.putAll(now);
        });

        try (ProjectionEvents events = new ProjectionEvents()) {
            city(events, SECOND);
        }
        Map<String, String> expectedSecond = new LinkedHashMap<>();
        alone.forEach((view, body) -> expectedSecond.put(view, body.replace(FIRST, SECOND)));
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> assertEquals(expectedSecond, reports(SECOND)));
        assertEquals(alone, reports(FIRST));
    }

    /**
     * A city of two counties, two townships and three villages: a flow against county targets, a
     * share of villages, and rural and urban incomes, as of March.
     */
    private static void city(ProjectionEvents events, String prefix) {
        String city = prefix + "00000000";
        String east = prefix + "01000000";
        String west = prefix + "02000000";
        events.division(city, "CITY", null, "双城市", null)
                .division(east, "COUNTY", city, "东县", "LEAD")
                .division(west, "COUNTY", city, "西县", "ADVANCE")
                .division(prefix + "01001000", "TOWNSHIP", east, "东镇", null)
                .division(prefix + "02001000", "TOWNSHIP", west, "西镇", null)
                .village(prefix + "01001201", prefix + "01001000", "DEMONSTRATION", 1000)
                .village(prefix + "01001202", prefix + "01001000", "ORDINARY", 500)
                .village(prefix + "02001201", prefix + "02001000", "RENOVATION", 2000)
                .target("TWO_SUM", city, 2025, "36")
                .target("TWO_SUM", east, 2025, "12")
                .target("TWO_SUM", west, 2025, "24")
                .observation("TWO_SUM", east, "2025-03", "TOTAL", "\"value\":4")
                .observation("TWO_SUM", west, "2025-03", "TOTAL", "\"value\":3")
                .observation("TWO_SHARE", prefix + "01001201", "2025-03", "TOTAL", "\"value\":1")
                .observation("TWO_SHARE", prefix + "02001201", "2025-03", "TOTAL", "\"value\":1")
                .observation("TWO_INCOME", prefix + "01001201", "2025-03", "RURAL", "\"value\":20000")
                .observation("TWO_INCOME", prefix + "02001201", "2025-03", "RURAL", "\"value\":26000")
                .observation("TWO_INCOME", prefix + "01001201", "2025-03", "URBAN", "\"value\":50000");
    }

    private static String actual(JsonNode report, String indicator, String field) {
        for (JsonNode campaign : report.path("campaigns")) {
            for (JsonNode row : campaign.path("indicators")) {
                if (row.path("code").asText().equals(indicator)) {
                    return plain(row.path("assessment").path(field));
                }
            }
        }
        return null;
    }

    private static String plain(JsonNode number) {
        return number.decimalValue().stripTrailingZeros().toPlainString();
    }

    /** The city's four views as JSON, without their freshness (when, not what). */
    private static Map<String, String> reports(String prefix) throws Exception {
        String city = prefix + "00000000";
        Map<String, String> views = new LinkedHashMap<>();
        views.put("overview", read("/api/v1/reports/regions/" + city, null));
        views.put("rankings", read("/api/v1/reports/rankings", city));
        views.put("gaps", read("/api/v1/reports/gaps", city));
        views.put("coverage", read("/api/v1/reports/coverage", city));
        return views;
    }

    private static String read(String path, String region) throws Exception {
        var request = given().auth().oauth2(TestTokens.viewer()).queryParam("year", 2025);
        if (region != null) {
            request.queryParam("region", region);
        }
        String body = request.get(path).then().statusCode(200).extract().asString();
        JsonNode tree = JSON.readTree(body);
        ((ObjectNode) tree).remove("freshness");
        return tree.toString();
    }
}
