package cn.bqw.report.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.report.DriftChecking;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestEvents;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events straight onto the topics, as the other services' relays publish them, and the reports
 * checked against numbers worked out by hand (province 93: one city, two counties, six villages).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ReportsTest {

    static final String CITY = "930100000000";
    static final String EAST = "930101000000";
    static final String WEST = "930102000000";
    static final String EAST_TOWN = "930101001000";
    static final String WEST_TOWN = "930102001000";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Every event sent, with its id, so that the redelivery test can send each again. */
    static final List<String[]> SENT = new ArrayList<>();

    static boolean ready;

    @BeforeEach
    void theProgramme() {
        if (ready) {
            return;
        }
        division(CITY, "CITY", null, "测试市", null);
        division(EAST, "COUNTY", CITY, "东县", "LEAD");
        division(WEST, "COUNTY", CITY, "西县", "ADVANCE");
        division(EAST_TOWN, "TOWNSHIP", EAST, "东镇", null);
        division(WEST_TOWN, "TOWNSHIP", WEST, "西镇", null);
        village(v(1), EAST_TOWN, 1000, "DEMONSTRATION", "AGGLOMERATION", "\"MAP_AND_CODE\",\"LAND_SHARE_COOPERATIVE\"");
        village(v(2), EAST_TOWN, 2000, "RENOVATION", "AGGLOMERATION", "");
        village(v(3), EAST_TOWN, 3000, "RENOVATION", "AGGLOMERATION", "");
        village(v(4), EAST_TOWN, 4000, "ORDINARY", "AGGLOMERATION", "");
        village(v(5), WEST_TOWN, 500, "RENOVATION", "AGGLOMERATION", "\"MAP_AND_CODE\"");
        village(v(6), WEST_TOWN, 1500, "ORDINARY", "SUBURBAN", "");

        indicator("T_SUM", "SUM", "FLOW", "UP", "VILLAGE", "MONTHLY", "AGRI");
        indicator("T_MEAN", "MEAN", "LEVEL", "UP", "VILLAGE", "YEARLY", "INCOME");
        indicator("T_WMEAN", "WEIGHTED_MEAN", "LEVEL", "UP", "VILLAGE", "YEARLY", "INCOME");
        indicator("T_RATIO", "RATIO", "LEVEL", "UP", "COUNTY", "YEARLY", "SERVICE");
        indicator("T_COUNT", "COUNT_TRUE", "LEVEL", "UP", "VILLAGE", "QUARTERLY", "REFORM");
        indicator("T_SHARE", "SHARE_TRUE", "LEVEL", "UP", "VILLAGE", "QUARTERLY", "RURAL");
        indicator("T_LATEST", "LATEST", "LEVEL", "DOWN", "CITY", "YEARLY", "REGION");

        target("T_SUM", CITY, "100", "BINDING", null);
        target("T_SUM", EAST, "60", "BINDING", null);
        target("T_SUM", WEST, "40", "BINDING", null);
        target("T_SHARE", CITY, "60", "BINDING", "30");
        target("T_LATEST", CITY, "40", "EXPECTED", null);
        target("T_RATIO", CITY, "98", "EXPECTED", null);
        target("T_RATIO", EAST, "98", "EXPECTED", null);
        target("T_RATIO", WEST, "60", "EXPECTED", null);
        indicator("T_GAP", "MEAN", "LEVEL", "UP", "COUNTY", "QUARTERLY", "RURAL");
        indicator("T_INCOME", "MEAN", "LEVEL", "UP", "COUNTY", "YEARLY", "INCOME", "yuan");
        observation("T_GAP", EAST, "2025Q1", "90", 1, "URBAN");
        observation("T_GAP", EAST, "2025Q1", "70", 1, "RURAL");
        observation("T_GAP", EAST, "2025Q2", "92", 1, "URBAN");
        observation("T_GAP", EAST, "2025Q2", "77", 1, "RURAL");
        observation("T_GAP", WEST, "2025Q1", "80", 1, "URBAN");
        observation("T_GAP", WEST, "2025Q1", "70", 1, "RURAL");
        observation("T_INCOME", EAST, "2025", "50000", 1, "URBAN");
        observation("T_INCOME", EAST, "2025", "25000", 1, "RURAL");

        // T_SUM, monthly flows: January 10 (revised to 30 below), February 20, March 5, June 15.
        observation("T_SUM", v(1), "2025-01", "10", 1);
        observation("T_SUM", v(2), "2025-02", "20", 1);
        observation("T_SUM", v(5), "2025-03", "5", 1);
        observation("T_SUM", v(6), "2025-06", "15", 1);
        observation("T_SUM", v(1), "2025-01", "30", 2);
        // T_SHARE, quarterly 0/1: Q1 villages 1 and 2 yes, 3 no; Q2 village 1 no.
        observation("T_SHARE", v(1), "2025Q1", "1", 1);
        observation("T_SHARE", v(2), "2025Q1", "1", 1);
        observation("T_SHARE", v(3), "2025Q1", "0", 1);
        observation("T_SHARE", v(1), "2025Q2", "0", 1);
        observation("T_COUNT", v(1), "2025Q1", "1", 1);
        observation("T_COUNT", v(5), "2025Q1", "1", 1);
        observation("T_MEAN", v(1), "2025", "4", 1);
        observation("T_MEAN", v(2), "2025", "8", 1);
        observation("T_MEAN", v(5), "2025", "12", 1);
        observation("T_WMEAN", v(1), "2025", "10", 1);
        observation("T_WMEAN", v(2), "2025", "40", 1);
        ratio(EAST, "45", "50");
        ratio(WEST, "30", "50");
        observation("T_LATEST", CITY, "2025", "45", 1);
        // A stale copy of January's first version, arriving late under a new id: ignored.
        observation("T_SUM", v(1), "2025-01", "10", 1);
        awaitOverview(report -> "70".equals(actual(report, "T_SUM")) && "45".equals(actual(report, "T_LATEST")));
        await().atMost(PATIENCE)
                .until(() -> given().auth()
                                .oauth2(TestTokens.viewer())
                                .queryParam("year", 2025)
                                .get("/api/v1/reports/gaps")
                                .jsonPath()
                                .getList("indicators.indicator")
                                .size()
                        == 2);
        // Villages come on their own topic: every one applied (the share and coverage count them).
        await().atMost(PATIENCE).until(() -> List.of(6, 4, 2)
                .equals(given().auth()
                        .oauth2(TestTokens.viewer())
                        .get("/api/v1/reports/coverage")
                        .jsonPath()
                        .getList("regions.activeVillages")));
        ready = true;
    }

    @Test
    void theCityOverviewHasEveryAggregationKindWorkedOutByHand() {
        JsonPath june = overview(null);
        assertEquals("2025-06", june.getString("asOf"), "the latest month any monthly or quarterly value covers");
        assertEquals("0.5", june.getString("expected"));
        // FLOW, SUM: 30 + 20 + 5 + 15 = 70 of 100, expected half: on track (0.7 ≥ 0.475).
        assertEquals("70", actual(june, "T_SUM"));
        assertEquals("0.7", assessment(june, "T_SUM").get("progress").toString());
        assertEquals("ON_TRACK", status(june, "T_SUM"));
        // SHARE_TRUE, LEVEL: as of June only village 2 is yes (village 1 said no in Q2): 1 of 6 active villages.
        assertEquals("16.6667", actual(june, "T_SHARE"));
        // With baseline 30 → 60: (16.6667 − 30) / 30 < 0: off track.
        assertEquals("OFF_TRACK", status(june, "T_SHARE"));
        // COUNT_TRUE: villages 1 and 5.
        assertEquals("2", actual(june, "T_COUNT"));
        assertEquals("NO_TARGET", status(june, "T_COUNT"));
        // MEAN over the villages that reported: (4 + 8 + 12) / 3.
        assertEquals("8", actual(june, "T_MEAN"));
        // WEIGHTED_MEAN by resident population: (1000 × 10 + 2000 × 40) / 3000.
        assertEquals("30", actual(june, "T_WMEAN"));
        // RATIO: 100 × (45 + 30) / (50 + 50); LEVEL without baseline below target: not achieved.
        assertEquals("75", actual(june, "T_RATIO"));
        assertEquals("NOT_ACHIEVED", status(june, "T_RATIO"));
        // LATEST, DOWN: 45 against at most 40: progress 40 / 45.
        assertEquals("45", actual(june, "T_LATEST"));
        assertEquals("0.8889", assessment(june, "T_LATEST").get("progress").toString());
        assertEquals("NOT_ACHIEVED", status(june, "T_LATEST"));
    }

    @Test
    void asOfAnEarlierMonthCountsOnlyWhatHadBegunByThen() {
        JsonPath march = overview("2025-03");
        assertEquals("0.25", march.getString("expected"));
        // 30 + 20 + 5: June's 15 is not yet there.
        assertEquals("55", actual(march, "T_SUM"));
        // 55 / 100 = 0.55 ≥ 0.95 × 0.25: on track.
        assertEquals("ON_TRACK", status(march, "T_SUM"));
        // Q1: villages 1 and 2 yes: 2 of 6.
        assertEquals("33.3333", actual(march, "T_SHARE"));
        // Yearly values count all year.
        assertEquals("8", actual(march, "T_MEAN"));
        JsonPath quarter = overview("2025Q1");
        assertEquals("2025-03", quarter.getString("asOf"));
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2025)
                .queryParam("asOf", "2024-06")
                .get("/api/v1/reports/overview")
                .then()
                .statusCode(400);
    }

    @Test
    void aCountyReportAndTheBreakdownOverCounties() {
        JsonPath east = given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2025)
                .get("/api/v1/reports/regions/" + EAST)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("50", actual(east, "T_SUM"));
        assertEquals("6", actual(east, "T_MEAN"));
        assertEquals("90", actual(east, "T_RATIO"));
        // Villages 1-4 of the east: village 2 yes as of June, 1 of 4.
        assertEquals("25", actual(east, "T_SHARE"));
        // LATEST does not roll up: the county has no value of its own.
        assertEquals("NO_DATA", status(east, "T_LATEST"));

        JsonPath breakdown = given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2025)
                .get("/api/v1/reports/indicators/T_SUM")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(EAST, WEST), breakdown.getList("regions.region"));
        assertEquals(
                List.of("50", "20"),
                breakdown.getList("regions.assessment.actual").stream()
                        .map(Object::toString)
                        .toList());
        // West: 20 of 40 at half the year: on pace exactly (0.5 ≥ 0.475).
        assertEquals(List.of("ON_TRACK", "ON_TRACK"), breakdown.getList("regions.assessment.status"));
        assertEquals(
                List.of("30", "50", "55", "55", "55", "70"),
                breakdown.getList("series.actual").stream()
                        .map(Object::toString)
                        .toList());
    }

    @Test
    void redeliveringEveryEventChangesNothing() {
        JsonPath before = overview(null);
        try (TestEvents events = new TestEvents()) {
            for (String[] event : SENT) {
                events.send(event[0], event[1], event[2], event[3], event[4]);
            }
        }
        String sentinel = "T_SENTINEL";
        indicator(sentinel, "SUM", "FLOW", "UP", "VILLAGE", "MONTHLY", "AGRI");
        observation(sentinel, v(6), "2025-02", "7", 1);
        awaitOverview(report -> "7".equals(actual(report, sentinel)));
        JsonPath after = overview(null);
        for (String code : List.of("T_SUM", "T_MEAN", "T_WMEAN", "T_RATIO", "T_COUNT", "T_SHARE", "T_LATEST")) {
            assertEquals(assessment(before, code), assessment(after, code), code);
        }
    }

    @Test
    void observationsThatArriveBeforeTheirIndicatorCountOnceItArrives() {
        observation("T_EARLY", v(3), "2025-05", "9", 1);
        observation("T_EARLY", v(4), "2025-05", "4", 1);
        indicator("T_EARLY", "SUM", "FLOW", "UP", "VILLAGE", "MONTHLY", "AGRI");
        awaitOverview(report -> "13".equals(actual(report, "T_EARLY")));
    }

    @Test
    void countyScorecardsRankOverallAndWithinClassWithTheChangeSinceLastMonth() {
        JsonPath june = rankings(null, null);
        assertEquals(List.of(WEST, EAST), june.getList("counties.region"));
        // West: T_SUM 20 / 40 at half the year → 100 (×2); T_RATIO 60 of 60 achieved → 100: 100.
        // East: T_SUM 50 / 60 → 100 (×2); T_RATIO 90 / 98 = 0.9184 → 91.84: (200 + 91.84) / 3 = 97.28.
        assertEquals(List.of("100", "97.28"), strings(june.getList("counties.score")));
        assertEquals(List.of(1, 2), june.getList("counties.rank"));
        assertEquals(List.of(1, 1), june.getList("counties.rankInClass"));
        // May: West's T_SUM 5 / 40 = 0.125 against 0.4167 → 29.9976: (2 × 29.9976 + 100) / 3 = 53.3317, second.
        assertEquals(List.of(2, 1), june.getList("counties.previousRank"));
        assertEquals(List.of(1, -1), june.getList("counties.rankChange"));
        assertEquals(List.of("30.6133", "66.6667"), strings(june.getList("counties[1].contributions.contribution")));
        assertEquals(List.of("T_RATIO", "T_SUM"), june.getList("counties[1].contributions.indicator"));
        assertEquals(List.of(1, 2), june.getList("counties[1].contributions.weight"));
        JsonPath may = rankings("2025-05", null);
        assertEquals(List.of(EAST, WEST), may.getList("counties.region"));
        assertEquals("53.3317", strings(may.getList("counties.score")).get(1));
        JsonPath advance = rankings(null, "ADVANCE");
        assertEquals(List.of(WEST), advance.getList("counties.region"));
    }

    @Test
    void urbanRuralGapsPerRegionWithTheirTrend() {
        JsonPath gaps = given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2025)
                .get("/api/v1/reports/gaps")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("T_GAP", "T_INCOME"), gaps.getList("indicators.indicator"));
        // City, MEAN over counties: Q1 urban (90 + 80) / 2 = 85, rural 70: 15; from April (92 + 80) / 2 = 86
        // against (77 + 70) / 2 = 73.5: 12.5.
        Map<String, Object> city = gaps.getMap("indicators[0].regions.find { it.region == '" + CITY + "' }");
        assertEquals("12.5", plain(city.get("gap")));
        assertEquals(
                List.of("15", "15", "15", "12.5", "12.5", "12.5"),
                strings(gaps.getList("indicators[0].regions.find { it.region == '" + CITY + "' }.trend.gap")));
        assertEquals(
                "15",
                plain(gaps.getMap("indicators[0].regions.find { it.region == '" + EAST + "' }")
                        .get("gap")));
        assertEquals(
                "10",
                plain(gaps.getMap("indicators[0].regions.find { it.region == '" + WEST + "' }")
                        .get("gap")));
        // Money: urban / rural.
        assertEquals("RATIO", gaps.getString("indicators[1].measure"));
        assertEquals(
                "2",
                plain(gaps.getMap("indicators[1].regions.find { it.region == '" + EAST + "' }")
                        .get("gap")));
    }

    @Test
    void theAggregatesRecomputedFromTheFactsDoNotDrift() {
        given().auth()
                .oauth2(TestTokens.viewer())
                .post("/api/v1/admin/drift-check")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/admin/drift-check")
                .then()
                .statusCode(403);
        DriftChecking.report()
                .body("facts", org.hamcrest.Matchers.greaterThan(20))
                .body("aggregates", org.hamcrest.Matchers.greaterThan(100))
                .body("differences", org.hamcrest.Matchers.empty())
                .body("activeVillageDifferences", org.hamcrest.Matchers.empty());
    }

    @Test
    void coverageCountsVillagesByCategoryPlanTypeAndPilot() {
        JsonPath coverage = given().auth()
                .oauth2(TestTokens.viewer())
                .get("/api/v1/reports/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(CITY, EAST, WEST), coverage.getList("regions.region"));
        assertEquals(List.of(6, 4, 2), coverage.getList("regions.activeVillages"));
        assertEquals(3, coverage.getInt("regions[0].categories.RENOVATION.villages"));
        assertEquals("50", plain(coverage.get("regions[0].categories.RENOVATION.share")));
        assertEquals("16.6667", plain(coverage.get("regions[0].categories.DEMONSTRATION.share")));
        assertEquals(2, coverage.getInt("regions[0].pilots.MAP_AND_CODE.villages"));
        assertEquals(1, coverage.getInt("regions[1].pilots.LAND_SHARE_COOPERATIVE.villages"));
        assertEquals("50", plain(coverage.get("regions[2].planTypes.SUBURBAN.share")));
    }

    @Test
    void anUnreadableObservationGoesToTheDeadLettersAndTheRestOfItsPollApplies() {
        send(
                "bqw.observations.v1",
                "bqw.observation.recorded.v1",
                "T_SUM|broken|TOTAL",
                "{\"indicator\":\"T_SUM\",\"period\":\"2025-07\",\"area\":\"TOTAL\",\"value\":1,\"version\":1}");
        indicator("T_AFTER", "SUM", "FLOW", "UP", "VILLAGE", "MONTHLY", "AGRI");
        observation("T_AFTER", v(2), "2025-02", "3", 1);
        awaitOverview(report -> "3".equals(actual(report, "T_AFTER")));
        var dead = cn.bqw.testkit.TopicReader.readUntil(
                "bqw.observations.v1.dlq",
                read -> read.stream().anyMatch(r -> "T_SUM|broken|TOTAL".equals(r.key())),
                PATIENCE);
        var record = dead.stream()
                .filter(r -> "T_SUM|broken|TOTAL".equals(r.key()))
                .findFirst()
                .orElseThrow();
        assertEquals(
                true,
                cn.bqw.testkit.TopicReader.header(record, "dead-letter-reason").contains("without indicator, region"));
    }

    @Test
    void readingsNeedAToken() {
        given().queryParam("year", 2025).get("/api/v1/reports/overview").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2025)
                .get("/api/v1/reports/regions/939999000000")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2025)
                .get("/api/v1/reports/overview")
                .then()
                .body("freshness.lastEventAt", org.hamcrest.Matchers.notNullValue())
                .body("freshness.pendingEvents", org.hamcrest.Matchers.notNullValue())
                .body("region", equalTo(CITY));
    }

    // --- the programme, as events ---

    static String v(int n) {
        return (n <= 4 ? EAST_TOWN : WEST_TOWN).substring(0, 9) + "%03d".formatted(n);
    }

    private static JsonPath overview(String asOf) {
        var request = given().auth().oauth2(TestTokens.viewer()).queryParam("year", 2025);
        if (asOf != null) {
            request.queryParam("asOf", asOf);
        }
        return request.get("/api/v1/reports/overview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void awaitOverview(java.util.function.Predicate<JsonPath> done) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            var answer = given().auth()
                    .oauth2(TestTokens.viewer())
                    .queryParam("year", 2025)
                    .get("/api/v1/reports/overview");
            return answer.statusCode() == 200 && done.test(answer.jsonPath());
        });
    }

    private static JsonPath rankings(String asOf, String countyClass) {
        var request = given().auth().oauth2(TestTokens.viewer()).queryParam("year", 2025);
        if (asOf != null) {
            request.queryParam("asOf", asOf);
        }
        if (countyClass != null) {
            request.queryParam("class", countyClass);
        }
        return request.get("/api/v1/reports/rankings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> strings(List<?> numbers) {
        return numbers.stream().map(ReportsTest::plain).toList();
    }

    private static String plain(Object number) {
        return number == null
                ? null
                : new java.math.BigDecimal(number.toString())
                        .stripTrailingZeros()
                        .toPlainString();
    }

    private static Map<String, Object> assessment(JsonPath report, String code) {
        return report.getMap("campaigns.indicators.flatten().find { it.code == '" + code + "' }.assessment");
    }

    private static String actual(JsonPath report, String code) {
        Map<String, Object> assessment = assessment(report, code);
        Object actual = assessment == null ? null : assessment.get("actual");
        return actual == null
                ? null
                : new java.math.BigDecimal(actual.toString())
                        .stripTrailingZeros()
                        .toPlainString();
    }

    private static String status(JsonPath report, String code) {
        return (String) assessment(report, code).get("status");
    }

    private static void send(String topic, String type, String key, String json) {
        String id = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents()) {
            events.send(topic, id, type, key, json);
        }
        SENT.add(new String[] {topic, id, type, key, json});
    }

    private static void division(String code, String level, String parent, String name, String countyClass) {
        send(
                "bqw.divisions.v1",
                "bqw.division.registered.v1",
                code,
                """
                {"code":"%s","level":"%s","parentCode":%s,"nameZh":"%s","countyClass":%s,"urbanDistrict":false,"version":0}"""
                        .formatted(
                                code,
                                level,
                                parent == null ? "null" : "\"" + parent + "\"",
                                name,
                                countyClass == null ? "null" : "\"" + countyClass + "\""));
    }

    private static void village(
            String code, String township, int population, String category, String planType, String pilots) {
        send(
                "bqw.divisions.v1",
                "bqw.village.registered.v1",
                code,
                """
                {"code":"%s","townshipCode":"%s","nameZh":"村%s","category":"%s","planType":"%s","pilots":[%s],
                 "residentPopulation":%d,"status":"ACTIVE","version":0}"""
                        .formatted(code, township, code.substring(9), category, planType, pilots, population));
    }

    private static void indicator(
            String code,
            String aggregation,
            String overTime,
            String direction,
            String reportedAt,
            String frequency,
            String campaign) {
        indicator(code, aggregation, overTime, direction, reportedAt, frequency, campaign, "个");
    }

    private static void indicator(
            String code,
            String aggregation,
            String overTime,
            String direction,
            String reportedAt,
            String frequency,
            String campaign,
            String unit) {
        send(
                "bqw.indicators.v1",
                "bqw.indicator.defined.v1",
                code,
                """
                {"code":"%s","nameZh":"测试%s","nameEn":null,"campaign":"%s","unit":"%s","aggregation":"%s",
                 "overTime":"%s","direction":"%s","reportedAt":"%s","frequency":"%s","version":0}"""
                        .formatted(
                                code, code, campaign, unit, aggregation, overTime, direction, reportedAt, frequency));
    }

    private static void target(String indicator, String region, String value, String kind, String baseline) {
        send(
                "bqw.indicators.v1",
                "bqw.target.set.v1",
                indicator + "|" + region + "|2025",
                """
                {"indicator":"%s","region":"%s","year":2025,"value":%s,"kind":"%s","baseline":%s,"version":0}"""
                        .formatted(indicator, region, value, kind, baseline));
    }

    private static void observation(String indicator, String region, String period, String value, long version) {
        observation(indicator, region, period, value, version, "TOTAL");
    }

    private static void observation(
            String indicator, String region, String period, String value, long version, String area) {
        send(
                "bqw.observations.v1",
                "bqw.observation.recorded.v1",
                indicator + "|" + region + "|" + area,
                """
                {"indicator":"%s","region":"%s","period":"%s","area":"%s","value":%s,"version":%d}"""
                        .formatted(indicator, region, period, area, value, version));
    }

    private static void ratio(String county, String numerator, String denominator) {
        send(
                "bqw.observations.v1",
                "bqw.observation.recorded.v1",
                "T_RATIO|" + county + "|TOTAL",
                """
                {"indicator":"T_RATIO","region":"%s","period":"2025","area":"TOTAL","value":%s,"numerator":%s,
                 "denominator":%s,"version":1}"""
                        .formatted(
                                county,
                                new java.math.BigDecimal(numerator)
                                        .multiply(java.math.BigDecimal.valueOf(100))
                                        .divide(new java.math.BigDecimal(denominator)),
                                numerator,
                                denominator));
    }
}
