package cn.bqw.report.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.report.ProjectionEvents;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Reports scoped to any region (counties 770701… and 770801…, in two cities that are not
 * registered: the overview's city stays the other tests'): each region's default as-of month is its
 * own subtree's latest, and a county ranks its townships.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class RegionScopeTest {

    static final String AHEAD = "770701000000";
    static final String BEHIND = "770801000000";

    @Test
    void aRegionIsReportedAsOfItsOwnLatestMonthNotAnotherRegions() {
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.indicator("ASOF_COUNT", "SUM", "FLOW", "COUNTY", "个")
                    .division(AHEAD, "COUNTY", "770700000000", "先行县", "LEAD")
                    .division(BEHIND, "COUNTY", "770800000000", "后进县", "LEAD")
                    .observation("ASOF_COUNT", AHEAD, "2025-09", "TOTAL", "\"value\":9")
                    .observation("ASOF_COUNT", BEHIND, "2025-03", "TOTAL", "\"value\":3")
                    // A quarter counts to its last month; a year's value moves nothing.
                    .observation("ASOF_COUNT", BEHIND, "2025Q2", "TOTAL", "\"value\":2")
                    .observation("ASOF_COUNT", BEHIND, "2025", "TOTAL", "\"value\":1");
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            assertEquals("2025-09", asOf(AHEAD));
            assertEquals("2025-06", asOf(BEHIND));
        });
    }

    @Test
    void aCountyRanksItsTownshipsByTheSameScorecardRules() {
        String county = "770901000000";
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.indicator("RANK_COUNT", "SUM", "FLOW", "TOWNSHIP", "个")
                    .division(county, "COUNTY", "770900000000", "排名县", "LEAD")
                    .division("770901001000", "TOWNSHIP", county, "快镇", null)
                    .division("770901002000", "TOWNSHIP", county, "慢镇", null)
                    .division("770901003000", "TOWNSHIP", county, "无目标镇", null)
                    .target("RANK_COUNT", "770901001000", 2025, "60")
                    .target("RANK_COUNT", "770901002000", 2025, "60")
                    // As of June (expected 0.5): 30 of 60 is on pace, 100 points; 15 of 60 half of it, 50.
                    .observation("RANK_COUNT", "770901001000", "2025-06", "TOTAL", "\"value\":30")
                    .observation("RANK_COUNT", "770901002000", "2025-06", "TOTAL", "\"value\":15")
                    .observation("RANK_COUNT", "770901003000", "2025-06", "TOTAL", "\"value\":99")
                    .village("770901001201", "770901001000", "DEMONSTRATION", 800)
                    .village("770901001202", "770901001000", "ORDINARY", 600)
                    .village("770901002201", "770901002000", "ORDINARY", 700);
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            io.restassured.path.json.JsonPath ranking = given().auth()
                    .oauth2(TestTokens.viewer())
                    .queryParam("year", 2025)
                    .queryParam("region", county)
                    .get("/api/v1/reports/rankings")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(county, ranking.getString("region"));
            assertEquals("2025-06", ranking.getString("asOf"));
            // The township without a target is not ranked.
            assertEquals(java.util.List.of("770901001000", "770901002000"), ranking.getList("counties.region"));
            assertEquals(java.util.List.of(1, 2), ranking.getList("counties.rank"));
            assertEquals("100", number(ranking.getString("counties[0].score")));
            assertEquals("50", number(ranking.getString("counties[1].score")));
        });
        // Coverage and gaps follow the region too: the county, then its townships.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            io.restassured.path.json.JsonPath coverage = given().auth()
                    .oauth2(TestTokens.viewer())
                    .queryParam("region", county)
                    .get("/api/v1/reports/coverage")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(
                    java.util.List.of(county, "770901001000", "770901002000", "770901003000"),
                    coverage.getList("regions.region"));
            assertEquals(java.util.List.of(3, 2, 1, 0), coverage.getList("regions.activeVillages"));
            assertEquals(1, coverage.getInt("regions[1].categories.DEMONSTRATION.villages"));
        });
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2025)
                .queryParam("region", county)
                .get("/api/v1/reports/gaps")
                .then()
                .statusCode(200)
                .body("asOf", org.hamcrest.Matchers.equalTo("2025-06"));
    }

    @Test
    void aProvinceAddsUpItsCitiesAndRanksThem() {
        String province = "780000000000";
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.indicator("PROV_SUM", "SUM", "FLOW", "COUNTY", "个")
                    .indicator("PROV_MEAN", "MEAN", "LEVEL", "COUNTY", "分")
                    .division(province, "PROVINCE", null, "测试省", null)
                    .division("780100000000", "CITY", province, "甲市", null)
                    .division("780200000000", "CITY", province, "乙市", null)
                    .division("780101000000", "COUNTY", "780100000000", "甲县", "LEAD")
                    .division("780201000000", "COUNTY", "780200000000", "乙县", "LEAD")
                    .target("PROV_SUM", "780100000000", 2025, "6")
                    .target("PROV_SUM", "780200000000", 2025, "8")
                    .observation("PROV_SUM", "780101000000", "2025-06", "TOTAL", "\"value\":3")
                    .observation("PROV_SUM", "780201000000", "2025-06", "TOTAL", "\"value\":2")
                    .observation("PROV_MEAN", "780101000000", "2025-06", "TOTAL", "\"value\":10")
                    .observation("PROV_MEAN", "780201000000", "2025-06", "TOTAL", "\"value\":20")
                    .indicator("PROV_WMEAN", "WEIGHTED_MEAN", "LEVEL", "VILLAGE", "元")
                    .indicator("PROV_RATIO", "RATIO", "LEVEL", "COUNTY", "%")
                    .indicator("PROV_SHARE", "SHARE_TRUE", "LEVEL", "VILLAGE", "%")
                    .division("780101001000", "TOWNSHIP", "780101000000", "甲镇", null)
                    .division("780201001000", "TOWNSHIP", "780201000000", "乙镇", null)
                    .village("780101001201", "780101001000", "ORDINARY", 1000)
                    .village("780101001202", "780101001000", "ORDINARY", 500)
                    .village("780201001201", "780201001000", "ORDINARY", 3000)
                    .village("780201001202", "780201001000", "ORDINARY", 700)
                    .village("780201001203", "780201001000", "ORDINARY", 800)
                    .observation("PROV_WMEAN", "780101001201", "2025-06", "TOTAL", "\"value\":10")
                    .observation("PROV_WMEAN", "780201001201", "2025-06", "TOTAL", "\"value\":30")
                    .observation("PROV_RATIO", "780101000000", "2025-06", "TOTAL", ratio(45, 50))
                    .observation("PROV_RATIO", "780201000000", "2025-06", "TOTAL", ratio(15, 150))
                    .observation("PROV_SHARE", "780101001201", "2025-06", "TOTAL", "\"value\":1")
                    .observation("PROV_SHARE", "780101001202", "2025-06", "TOTAL", "\"value\":1")
                    .observation("PROV_SHARE", "780201001201", "2025-06", "TOTAL", "\"value\":1")
                    .observation("PROV_SHARE", "780201001202", "2025-06", "TOTAL", "\"value\":0");
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            io.restassured.path.json.JsonPath report = given().auth()
                    .oauth2(TestTokens.viewer())
                    .queryParam("year", 2025)
                    .get("/api/v1/reports/regions/" + province)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String path = "campaigns.indicators.flatten().find { it.code == '%s' }.assessment.actual";
            // 3 + 2; (10 + 20) / 2 over the two reporting counties.
            assertEquals("5", number(report.getString(path.formatted("PROV_SUM"))));
            assertEquals("15", number(report.getString(path.formatted("PROV_MEAN"))));
            // Weighted by the villages' populations, not the mean of 10 and 30: (10 × 1000 + 30 × 3000) / 4000.
            assertEquals("25", number(report.getString(path.formatted("PROV_WMEAN"))));
            // The sums' ratio, not the mean of 90% and 10%: 100 × (45 + 15) / (50 + 150).
            assertEquals("30", number(report.getString(path.formatted("PROV_RATIO"))));
            // Three of the province's five active villages, not the mean of its cities' 100% and 33%.
            assertEquals("60", number(report.getString(path.formatted("PROV_SHARE"))));
            assertEquals("PROVINCE", report.getString("level"));
            // The cities ranked: 3 of 6 on pace as of June (100), 2 of 8 half of it (50).
            io.restassured.path.json.JsonPath ranking = given().auth()
                    .oauth2(TestTokens.viewer())
                    .queryParam("year", 2025)
                    .queryParam("region", province)
                    .get("/api/v1/reports/rankings")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(java.util.List.of("780100000000", "780200000000"), ranking.getList("counties.region"));
            assertEquals("50", number(ranking.getString("counties[1].score")));
        });
    }

    private static String ratio(int numerator, int denominator) {
        return "\"value\":%s,\"numerator\":%d,\"denominator\":%d"
                .formatted(
                        java.math.BigDecimal.valueOf(100L * numerator)
                                .divide(java.math.BigDecimal.valueOf(denominator), java.math.MathContext.DECIMAL64),
                        numerator,
                        denominator);
    }

    private static String number(String text) {
        return new java.math.BigDecimal(text).stripTrailingZeros().toPlainString();
    }

    private static String asOf(String region) {
        return given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2025)
                .get("/api/v1/reports/regions/" + region)
                .then()
                .statusCode(200)
                .extract()
                .path("asOf");
    }
}
