package cn.bqw.report.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.report.OwnApplication;
import cn.bqw.report.ProjectionEvents;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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

    public static class OwnCity extends OwnApplication {
        public OwnCity() {
            super("report-dashboard", CITY);
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
            try (ProjectionEvents events = new ProjectionEvents()) {
                events.division(CITY, "CITY", null, "看板市", null)
                        .division(EAST, "COUNTY", CITY, "看板东县", "LEAD")
                        .division(WEST, "COUNTY", CITY, "看板西县", "ADVANCE")
                        .division("910101001000", "TOWNSHIP", EAST, "看板东镇", null)
                        .division("910102001000", "TOWNSHIP", WEST, "看板西镇", null)
                        .village("910101001201", "910101001000", "ORDINARY", 1000)
                        .village("910101001202", "910101001000", "ORDINARY", 1000)
                        .village("910102001201", "910102001000", "ORDINARY", 1000)
                        .indicator("D_ROADS", "SUM", "FLOW", "COUNTY", "km")
                        .indicator("D_SHARE", "SHARE_TRUE", "LEVEL", "VILLAGE", "percent")
                        .indicator("D_JOBS", "SUM", "FLOW", "COUNTY", "person")
                        .target("D_ROADS", CITY, 2021, "100")
                        .target("D_ROADS", EAST, 2021, "60")
                        .target("D_ROADS", WEST, 2021, "40")
                        .target("D_SHARE", CITY, 2021, "50")
                        // As of March (expected 0.25): 10 of 100 is progress 0.1, under 0.6 × 0.25: off track.
                        .observation("D_ROADS", EAST, "2021-03", "TOTAL", "\"value\":4")
                        .observation("D_ROADS", WEST, "2021-03", "TOTAL", "\"value\":6")
                        .observation("D_SHARE", "910101001201", "2021Q1", "TOTAL", "\"value\":1")
                        .observation("D_JOBS", EAST, "2021-02", "TOTAL", "\"value\":120");
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                // Every value and all three villages applied (the share's denominator), not just the roads.
                JsonPath overview = overview();
                String path = "campaigns.indicators.flatten().find { it.code == '%s' }.assessment.actual";
                return "10".equals(String.valueOf(overview.getString(path.formatted("D_ROADS"))))
                        && "33.3333".equals(String.valueOf(overview.getString(path.formatted("D_SHARE"))))
                        && "120".equals(String.valueOf(overview.getString(path.formatted("D_JOBS"))));
            });
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
        try (ProjectionEvents events = new ProjectionEvents()) {
            // 30 of 100 as of March: progress 0.3 ≥ 0.95 × 0.25, on track.
            events.observation("D_ROADS", EAST, "2021-02", "TOTAL", "\"value\":20");
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

    /**
     * The approval tab colours each county's state and offers the steps; accepted figures count in
     * the official view and mark the rest provisional; the bulletin tab lists editions and what
     * changed since.
     */
    @Test
    void theApprovalAndBulletinTabsShowTheirState() {
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.approval(EAST, "2021-03", "RURAL", "APPROVED", null, 1)
                    .approval(WEST, "2021-03", "RURAL", "RETURNED", "请核实三月数据", 1);
        }
        String title = given().auth()
                .oauth2(TestTokens.admin())
                .contentType(io.restassured.http.ContentType.JSON)
                .body("{\"region\":\"" + CITY + "\",\"year\":2021}")
                .post("/api/v1/bulletins")
                .then()
                .statusCode(201)
                .extract()
                .path("title");
        waitFor(Duration.ofSeconds(20), () -> {
            browser.findElement(By.cssSelector("#tabs button[data-view='approvals']"))
                    .click();
            sleep(500);
            return browser.findElements(
                                    By.cssSelector("td.approval[data-region='" + WEST + "'][data-state='RETURNED']"))
                            .size()
                    == 1;
        });
        WebElement east =
                browser.findElement(By.cssSelector("td.approval[data-region='" + EAST + "'][data-campaign='RURAL']"));
        assertEquals("APPROVED", east.getDomAttribute("data-state"));
        assertEquals(
                "请核实三月数据",
                browser.findElement(By.cssSelector("td.approval[data-region='" + WEST + "'][data-campaign='RURAL']"))
                        .getDomAttribute("title"));

        // Clicking a unit offers the approver's steps (taken at indicator-service, whose address the settings give).
        east.click();
        waitFor(Duration.ofSeconds(5), () -> browser.findElement(By.id("approval-actions"))
                .isDisplayed());
        assertEquals(
                "http://localhost:8082",
                given().auth()
                        .oauth2(TestTokens.viewer())
                        .get("/api/v1/dashboard/settings")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("indicatorService"));

        // The city accepts the east county's February and March: its 20 + 4 km count in the
        // official view, the west's 6 do not, and the city's figure is provisional, half approved.
        try (ProjectionEvents events = new ProjectionEvents()) {
            events.approval(EAST, "2021-02", "RURAL", "ACCEPTED", null, 1)
                    .approval(EAST, "2021-03", "RURAL", "ACCEPTED", null, 2);
        }
        browser.findElement(By.cssSelector("#tabs button[data-view='overview']"))
                .click();
        waitFor(Duration.ofSeconds(20), () -> {
            browser.findElement(By.cssSelector("#tabs button[data-view='overview']"))
                    .click();
            sleep(500);
            return "50".equals(card("D_ROADS").getDomAttribute("data-approved"));
        });
        assertTrue(card("D_ROADS").getText().contains("待审"), card("D_ROADS").getText());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("figures"))).selectByValue("official");
        waitFor(Duration.ofSeconds(15), () -> card("D_ROADS")
                .findElement(By.cssSelector(".actual"))
                .getText()
                .equals("24"));

        browser.findElement(By.cssSelector("#tabs button[data-view='bulletins']"))
                .click();
        waitFor(
                Duration.ofSeconds(15),
                () -> browser.findElements(By.cssSelector("#bulletins-table tr[data-bulletin]")).stream()
                        .anyMatch(row -> row.getText().contains(title)));
        browser.findElement(By.cssSelector("#bulletins-table button.since")).click();
        waitFor(Duration.ofSeconds(15), () -> !browser.findElements(
                        By.cssSelector("#bulletin-changes .no-changes, #changes-table"))
                .isEmpty());
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

    @Test
    void theTaskTabShowsTheLedgerWithItsOverdueList() {
        try (cn.bqw.testkit.TestEvents events = new cn.bqw.testkit.TestEvents()) {
            events.send(
                    "bqw.tasks.v1",
                    "bqw.department.registered.v1",
                    "KB-ZJJ",
                    "{\"code\":\"KB-ZJJ\",\"nameZh\":\"看板住建局\",\"region\":\"" + CITY + "\",\"version\":0}");
            for (String[] task : new String[][] {{"KB-T1", "ON_SCHEDULE", "GREEN"}, {"KB-T2", "OVERDUE", "RED"}}) {
                events.send(
                        "bqw.tasks.v1",
                        "bqw.task.registered.v1",
                        task[0],
                        """
                        {"code":"%s","title":"看板任务%s","campaign":"RURAL","region":"%s","leadDepartment":"KB-ZJJ",
                         "cooperating":[],"startDate":"2021-01-01","dueDate":"2021-12-31","measure":"PERCENT",
                         "indicator":null,"planned":100,"unit":"%%","parent":null,"milestones":[],"reached":40,
                         "status":"%s","light":"%s","working":"…","statusOn":"2021-06-30","version":1}"""
                                .formatted(task[0], task[0], EAST, task[1], task[2]));
            }
        }
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> given().auth()
                                .oauth2(TestTokens.viewer())
                                .get("/api/v1/reports/tasks")
                                .jsonPath()
                                .getInt("tasks")
                        == 2);
        browser.findElement(By.cssSelector("#tabs button[data-view='tasks']")).click();
        waitFor(
                Duration.ofSeconds(30),
                () -> browser.findElements(By.cssSelector("#tasks-table tr[data-task]"))
                                .size()
                        == 2);
        // The tables re-render as the ledger's live updates arrive: each is read until it holds.
        waitFor(Duration.ofSeconds(10), () -> "OVERDUE"
                .equals(browser.findElement(By.cssSelector("#tasks-table tr[data-task='KB-T2']"))
                        .getDomAttribute("data-status")));
        waitFor(
                Duration.ofSeconds(10),
                () -> browser.findElement(By.id("departments-table")).getText().contains("看板住建局"));
        waitFor(Duration.ofSeconds(10), () -> browser.findElement(
                        By.cssSelector("#overdue-table tr[data-task='KB-T2']"))
                .getText()
                .contains("看板任务KB-T2"));
    }

    @Test
    void aCountysLinkOpensAtTheCountyAndThePickerGoesDown() {
        browser.get(root + "?year=2021#token=" + TestTokens.viewer() + "&region=" + EAST);
        // The county's own figure, not the city's.
        String county = given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2021)
                .get("/api/v1/reports/regions/" + EAST)
                .jsonPath()
                .getString("campaigns.indicators.flatten().find { it.code == 'D_ROADS' }.assessment.actual");
        String city =
                overview().getString("campaigns.indicators.flatten().find { it.code == 'D_ROADS' }.assessment.actual");
        assertTrue(new java.math.BigDecimal(county).compareTo(new java.math.BigDecimal(city)) != 0);
        waitFor(
                Duration.ofSeconds(30),
                () -> new java.math.BigDecimal(card("D_ROADS")
                                        .findElement(By.cssSelector(".actual"))
                                        .getDomProperty("textContent")
                                        .replace(",", ""))
                                .compareTo(new java.math.BigDecimal(county))
                        == 0);
        waitFor(
                Duration.ofSeconds(10),
                () -> browser.findElement(By.id("region-path")).getText().equals("看板市 › 看板东县"));
        assertTrue(
                browser.getCurrentUrl().endsWith("#region=" + EAST), "the token leaves the address, the region stays");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("region-below")))
                .selectByVisibleText("看板东镇");
        waitFor(
                Duration.ofSeconds(10),
                () -> browser.findElement(By.id("region-path")).getText().equals("看板市 › 看板东县 › 看板东镇"));
        assertTrue(browser.getCurrentUrl().endsWith("#region=910101001000"), browser.getCurrentUrl());
        // Every view follows: the gaps and coverage of the township.
        browser.findElement(By.cssSelector("#tabs button[data-view='coverage']"))
                .click();
        waitFor(
                Duration.ofSeconds(10),
                () -> browser.findElement(By.id("coverage-table")).getText().contains("看板东镇"));
        assertTrue(!browser.findElement(By.id("coverage-table")).getText().contains("看板西"));
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
}
