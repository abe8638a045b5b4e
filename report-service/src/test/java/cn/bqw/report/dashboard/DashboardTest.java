package cn.bqw.report.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestEvents;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium against report-service with data (province 91, in an
 * application of its own that reports on that city, year 2021): every indicator card in its status colour, a new value changing the
 * open page without a reload, the ranking in the endpoint's order, and the export buttons
 * downloading files.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(DashboardTest.OwnCity.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardTest {

    public static class OwnCity implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.incoming.divisions.group.id", "report-dashboard",
                    "mp.messaging.incoming.indicators.group.id", "report-dashboard",
                    "mp.messaging.incoming.observations.group.id", "report-dashboard",
                    "bqw.report.city", CITY);
        }
    }

    static final String CITY = "910100000000";
    static final String EAST = "910101000000";
    static final String WEST = "910102000000";
    static final Map<String, String> COLOURS = Map.of(
            "ACHIEVED", "rgba(46, 125, 50, 1)",
            "ON_TRACK", "rgba(21, 101, 192, 1)",
            "AT_RISK", "rgba(249, 168, 37, 1)",
            "OFF_TRACK", "rgba(198, 40, 40, 1)",
            "NOT_ACHIEVED", "rgba(198, 40, 40, 1)",
            "NO_TARGET", "rgba(158, 158, 158, 1)",
            "NO_DATA", "rgba(158, 158, 158, 1)");

    private static boolean loaded;

    @TestHTTPResource("/")
    URL root;

    Path downloads;
    ChromeDriver browser;

    @BeforeEach
    void aCityAndABrowser() throws IOException {
        if (!loaded) {
            loaded = true;
            try (TestEvents events = new TestEvents()) {
                division(events, CITY, "CITY", null, null);
                division(events, EAST, "COUNTY", CITY, "LEAD");
                division(events, WEST, "COUNTY", CITY, "ADVANCE");
                division(events, "910101001000", "TOWNSHIP", EAST, null);
                division(events, "910102001000", "TOWNSHIP", WEST, null);
                village(events, "910101001201", "910101001000");
                village(events, "910101001202", "910101001000");
                village(events, "910102001201", "910102001000");
                indicator(events, "D_ROADS", "SUM", "FLOW", "COUNTY");
                indicator(events, "D_SHARE", "SHARE_TRUE", "LEVEL", "VILLAGE");
                indicator(events, "D_JOBS", "SUM", "FLOW", "COUNTY");
                target(events, "D_ROADS", CITY, "100");
                target(events, "D_ROADS", EAST, "60");
                target(events, "D_ROADS", WEST, "40");
                target(events, "D_SHARE", CITY, "50");
                // As of March (expected 0.25): 10 of 100 is progress 0.1, under 0.6 × 0.25: off track.
                value(events, "D_ROADS", EAST, "2021-03", "4");
                value(events, "D_ROADS", WEST, "2021-03", "6");
                value(events, "D_SHARE", "910101001201", "2021Q1", "1");
                value(events, "D_JOBS", EAST, "2021-02", "120");
            }
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(
                            () -> "10"
                                    .equals(
                                            String.valueOf(
                                                    overview()
                                                            .getString(
                                                                    "campaigns.indicators.flatten().find { it.code == 'D_ROADS' }.assessment.actual"))));
        }
        downloads = Files.createTempDirectory("dashboard-downloads");
        browser = Browser.start(downloads, 1400, 1000);
        browser.get(root + "?year=2021#token=" + TestTokens.viewer());
        waitFor(Duration.ofSeconds(30), () -> !browser.findElements(By.cssSelector(".card[data-code='D_ROADS']"))
                .isEmpty());
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void everyIndicatorHasACardInItsStatusColour() {
        List<Map<String, Object>> indicators = overview().getList("campaigns.indicators.flatten()");
        assertTrue(indicators.size() >= 3, "the three of this test, and those other tests defined");
        for (Map<String, Object> indicator : indicators) {
            @SuppressWarnings("unchecked")
            String status = ((Map<String, String>) indicator.get("assessment")).get("status");
            WebElement card = browser.findElement(By.cssSelector(".card[data-code='" + indicator.get("code") + "']"));
            assertEquals(status, card.getDomAttribute("data-status"), (String) indicator.get("code"));
            assertEquals(COLOURS.get(status), card.getCssValue("border-left-color"), (String) indicator.get("code"));
        }
        assertEquals("OFF_TRACK", card("D_ROADS").getDomAttribute("data-status"));
        assertEquals("NOT_ACHIEVED", card("D_SHARE").getDomAttribute("data-status"));
        assertEquals("NO_TARGET", card("D_JOBS").getDomAttribute("data-status"));
        assertTrue(card("D_ROADS").getDomAttribute("title").contains("100"), "the working on hover");
    }

    @Test
    @Order(2)
    void aNewValueChangesTheOpenPageWithoutAReload() {
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");
        // Give the page's stream a moment to connect and take its first look.
        sleep(1500);
        try (TestEvents events = new TestEvents()) {
            // 30 of 100 as of March: progress 0.3 ≥ 0.95 × 0.25, on track.
            value(events, "D_ROADS", EAST, "2021-02", "20");
        }
        waitFor(Duration.ofSeconds(20), () -> "ON_TRACK".equals(card("D_ROADS").getDomAttribute("data-status")));
        assertEquals("30", card("D_ROADS").findElement(By.className("actual")).getText());
        assertEquals(true, ((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true;"));
        waitFor(Duration.ofSeconds(10), () -> browser.findElements(By.cssSelector("#changes li")).stream()
                .anyMatch(item -> item.getText().contains("D_ROADS: OFF_TRACK → ON_TRACK")));
    }

    @Test
    void theRankingViewListsCountiesInTheEndpointsOrder() {
        browser.findElement(By.cssSelector("#tabs button[data-view='rankings']"))
                .click();
        waitFor(
                Duration.ofSeconds(15),
                () -> browser.findElements(By.cssSelector("#rankings-table tr[data-region]"))
                                .size()
                        == 2);
        List<String> shown = browser.findElements(By.cssSelector("#rankings-table tr[data-region]")).stream()
                .map(row -> row.getDomAttribute("data-region"))
                .toList();
        List<String> ranked = given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2021)
                .get("/api/v1/reports/rankings")
                .jsonPath()
                .getList("counties.region");
        assertEquals(ranked, shown);
    }

    @Test
    void theExportButtonsDownloadFiles() throws IOException {
        browser.findElement(By.cssSelector("#view-overview .download[data-format='csv']"))
                .click();
        browser.findElement(By.cssSelector("#view-overview .download[data-format='xlsx']"))
                .click();
        waitFor(Duration.ofSeconds(20), () -> downloaded(".csv") != null && downloaded(".xlsx") != null);
        assertTrue(Files.readString(downloaded(".csv")).contains("D_ROADS"));
        assertTrue(Files.size(downloaded(".xlsx")) > 1000);
    }

    private Path downloaded(String extension) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(extension))
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private WebElement card(String code) {
        return browser.findElement(By.cssSelector(".card[data-code='" + code + "']"));
    }

    private void waitFor(Duration timeout, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, timeout).ignoring(RuntimeException.class).until(driver -> condition.getAsBoolean());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonPath overview() {
        return given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2021)
                .get("/api/v1/reports/overview")
                .jsonPath();
    }

    private static void division(TestEvents events, String code, String level, String parent, String countyClass) {
        events.send(
                "bqw.divisions.v1",
                "bqw.division.registered.v1",
                code,
                """
                {"code":"%s","level":"%s","parentCode":%s,"nameZh":"看板%s","countyClass":%s,"urbanDistrict":false,"version":0}"""
                        .formatted(
                                code,
                                level,
                                parent == null ? "null" : "\"" + parent + "\"",
                                code.substring(4, 6),
                                countyClass == null ? "null" : "\"" + countyClass + "\""));
    }

    private static void village(TestEvents events, String code, String township) {
        events.send(
                "bqw.divisions.v1",
                "bqw.village.registered.v1",
                code,
                """
                {"code":"%s","townshipCode":"%s","nameZh":"村%s","category":"ORDINARY","planType":"SUBURBAN","pilots":[],
                 "residentPopulation":1000,"status":"ACTIVE","version":0}"""
                        .formatted(code, township, code.substring(9)));
    }

    private static void indicator(
            TestEvents events, String code, String aggregation, String overTime, String reportedAt) {
        events.send(
                "bqw.indicators.v1",
                "bqw.indicator.defined.v1",
                code,
                """
                {"code":"%s","nameZh":"看板%s","campaign":"RURAL","unit":"km","aggregation":"%s","overTime":"%s",
                 "direction":"UP","reportedAt":"%s","frequency":"MONTHLY","version":0}"""
                        .formatted(code, code, aggregation, overTime, reportedAt));
    }

    private static void target(TestEvents events, String indicator, String region, String value) {
        events.send(
                "bqw.indicators.v1",
                "bqw.target.set.v1",
                indicator + "|" + region + "|2021",
                """
                {"indicator":"%s","region":"%s","year":2021,"value":%s,"kind":"BINDING","baseline":null,"version":0}"""
                        .formatted(indicator, region, value));
    }

    private static void value(TestEvents events, String indicator, String region, String period, String value) {
        events.send(
                "bqw.observations.v1",
                "bqw.observation.recorded.v1",
                indicator + "|" + region + "|TOTAL|" + period,
                """
                {"indicator":"%s","region":"%s","period":"%s","area":"TOTAL","value":%s,"version":1}"""
                        .formatted(indicator, region, period, value));
    }
}
