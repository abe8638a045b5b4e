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
        browser = Browser.start(downloads, 1500, 950);
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
        // The change in words, by the indicator's name (its code on hover).
        waitFor(
                Duration.ofSeconds(10),
                () -> browser.findElements(By.cssSelector("#changes li[data-indicator='D_ROADS']")).stream()
                        .anyMatch(item -> item.getText().contains("测试D_ROADS：滞后 → 进度正常")
                                && "D_ROADS".equals(item.getDomAttribute("title"))));
    }

    @Test
    void theRankingViewListsCountiesInTheEndpointsOrder() {
        openTheRankings();
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

    /**
     * What a leader reads: the unit's decimals and its Chinese name on a card, county classes and
     * indicator names instead of codes, rank changes as ▲/▼/— with the previous rank on hover.
     */
    @Test
    void figuresClassesAndNamesAreWrittenAsPeopleWriteThem() {
        // D_SHARE is 1 of 3 villages: 33.3333… in the JSON, 33.3 % on the card.
        assertEquals(
                "33.3333",
                overview().getString("campaigns.indicators.flatten().find { it.code == 'D_SHARE' }.assessment.actual"));
        assertEquals(
                "33.3", card("D_SHARE").findElement(By.cssSelector(".actual")).getText());
        assertEquals("%", card("D_SHARE").findElement(By.cssSelector(".unit")).getText());
        assertEquals("公里", card("D_ROADS").findElement(By.cssSelector(".unit")).getText());

        openTheRankings();
        WebElement east = browser.findElement(By.cssSelector("#rankings-table tr[data-region='" + EAST + "']"));
        assertTrue(east.getText().contains("创先"), east.getText());
        assertTrue(!east.getText().contains("LEAD"), east.getText());
        for (WebElement change : browser.findElements(By.cssSelector("#rankings-table .rank-change"))) {
            assertTrue(change.getText().matches("—|▲\\d+|▼\\d+"), change.getText());
            assertTrue(!change.getDomAttribute("title").isEmpty(), "the previous rank on hover");
        }
        east.click();
        waitFor(Duration.ofSeconds(10), () -> !browser.findElements(
                        By.cssSelector("#contributions-table tr[data-indicator='D_ROADS']"))
                .isEmpty());
        WebElement roads =
                browser.findElement(By.cssSelector("#contributions-table tr[data-indicator='D_ROADS'] abbr"));
        assertEquals("测试D_ROADS", roads.getText());
        assertEquals("D_ROADS", roads.getDomAttribute("title"));

        // English throughout in English mode.
        browser.findElement(By.id("language")).click();
        waitFor(Duration.ofSeconds(15), () -> browser.findElement(
                        By.cssSelector("#rankings-table tr[data-region='" + EAST + "']"))
                .getText()
                .contains("lead"));
        browser.findElement(By.cssSelector("#tabs button[data-view='overview']"))
                .click();
        waitFor(Duration.ofSeconds(15), () -> "km"
                .equals(card("D_ROADS").findElement(By.cssSelector(".unit")).getText()));
        browser.findElement(By.id("language")).click();
    }

    /** The drill-down's bars carry each region's target and a legend; its monthly line the target and the expected pace. */
    @Test
    void theDrillDownShowsTargetsPaceALegendAndItsDataAsATable() {
        browser.findElement(By.cssSelector("#tabs button[data-view='indicator']"))
                .click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("indicator-code")))
                .selectByValue("D_ROADS");
        waitFor(
                Duration.ofSeconds(15),
                () -> browser.findElements(By.cssSelector("#breakdown-data tr")).size() == 3);
        assertTrue(browser.findElement(By.id("breakdown-legend")).getText().contains("本级目标"));
        assertTrue(browser.findElement(By.id("breakdown-data"))
                .getDomProperty("textContent")
                .contains("看板东县"));
        @SuppressWarnings("unchecked")
        List<String> series = (List<String>)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "return echarts.getInstanceByDom(document.getElementById('series-chart')).getOption().series.map(s => s.name);");
        assertEquals(List.of("实际", "目标", "应达进度线"), series);
        @SuppressWarnings("unchecked")
        List<Object> targets = (List<Object>)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "return echarts.getInstanceByDom(document.getElementById('breakdown-chart')).getOption().series[1].data;");
        assertEquals(
                List.of(60L, 40L),
                targets.stream().map(t -> ((Number) t).longValue()).toList());
        assertEquals("公里", browser.findElement(By.id("breakdown-chart")).getDomAttribute("data-unit"));
    }

    /** Villages as points where they lie: as many as the active villages in view, filtered by county. */
    @Test
    void theMapDrawsEveryActiveVillageInView() {
        browser.findElement(By.cssSelector("#tabs button[data-view='map']")).click();
        int villages = given().auth()
                .oauth2(TestTokens.viewer())
                .queryParam("year", 2021)
                .get("/api/v1/reports/villages")
                .jsonPath()
                .getList("villages")
                .size();
        assertEquals(3, villages);
        waitFor(Duration.ofSeconds(15), () -> String.valueOf(villages)
                .equals(browser.findElement(By.id("map-chart")).getDomAttribute("data-points")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("map-county"))).selectByValue(EAST);
        waitFor(Duration.ofSeconds(15), () -> "2"
                .equals(browser.findElement(By.id("map-chart")).getDomAttribute("data-points")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("map-colour"))).selectByValue("category");
        waitFor(
                Duration.ofSeconds(15),
                () -> browser.findElement(By.id("map-legend")).getText().contains("一般村"));
    }

    /** The tabs are a tab list for the keyboard, and a ranking row opens with Enter. */
    @Test
    void theKeyboardMovesBetweenTabsAndOpensRows() {
        WebElement overview = browser.findElement(By.cssSelector("#tabs button[data-view='overview']"));
        overview.sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
        waitFor(Duration.ofSeconds(15), () -> "true"
                .equals(browser.findElement(By.cssSelector("#tabs button[data-view='rankings']"))
                        .getDomAttribute("aria-selected")));
        waitFor(
                Duration.ofSeconds(15),
                () -> browser.findElements(By.cssSelector("#rankings-table tr[data-region]"))
                                .size()
                        == 2);
        WebElement first = browser.findElement(By.cssSelector("#rankings-table tr[data-region]"));
        first.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitFor(
                Duration.ofSeconds(10),
                () -> browser.findElement(By.id("contributions")).getText().contains("测试D_ROADS"));
    }

    /** On paper: the view with its title, region and as-of; no navigation. */
    @Test
    void aPrintedViewHasItsHeadingAndNoNavigation() {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        WebElement heading = browser.findElement(By.id("print-heading"));
        waitFor(
                Duration.ofSeconds(10),
                () -> heading.isDisplayed() && heading.getText().contains("看板市"));
        assertTrue(heading.getText().contains("截至 2021-"), heading.getText());
        assertTrue(heading.getText().contains("总览"), heading.getText());
        assertTrue(!browser.findElement(By.id("tabs")).isDisplayed());
        assertTrue(!browser.findElement(By.tagName("header")).isDisplayed());
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    /** On a phone (390 × 844) every view fits the width: cards stacked, wide tables scroll inside their box. */
    @Test
    void everyViewFitsAPhone() {
        browser.quit();
        browser = Browser.phone(downloads, 390, 844);
        browser.get(root + "?year=2021#token=" + TestTokens.viewer());
        assertEquals(
                390L, ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;")).longValue());
        waitFor(Duration.ofSeconds(30), () -> !browser.findElements(By.cssSelector(".card[data-code='D_ROADS']"))
                .isEmpty());
        assertTrue(card("D_ROADS").getRect().getWidth() > 300, "a card takes the phone's width");
        for (String view : List.of(
                "overview",
                "rankings",
                "indicator",
                "map",
                "gaps",
                "coverage",
                "treemap",
                "approvals",
                "bulletins",
                "tasks")) {
            WebElement tab = browser.findElement(By.cssSelector("#tabs button[data-view='" + view + "']"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(); arguments[0].click();", tab);
            waitFor(Duration.ofSeconds(15), () -> String.valueOf(
                            browser.findElement(By.tagName("body")).getDomAttribute("data-rendered"))
                    .startsWith(view + ":"));
            Number page = (Number) ((JavascriptExecutor) browser)
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, page.longValue(), view + " is wider than the phone");
        }
    }

    /** The rankings tab, once it lists both counties. */
    private void openTheRankings() {
        browser.findElement(By.cssSelector("#tabs button[data-view='rankings']"))
                .click();
        waitFor(
                Duration.ofSeconds(15),
                () -> browser.findElements(By.cssSelector("#rankings-table tr[data-region]"))
                                .size()
                        == 2);
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
