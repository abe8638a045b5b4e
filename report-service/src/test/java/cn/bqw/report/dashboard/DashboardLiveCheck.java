package cn.bqw.report.dashboard;

import cn.bqw.report.export.Labels;
import cn.bqw.testkit.LocalPlatform;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole path, end to end, in the CI smoke (not a unit test): with {@code ./bqw up} running the
 * demo city, the dashboard is open in headless Chromium, a value is posted to indicator-service's
 * REST API, and the open page must show it (the card's number and status, and the status change in
 * its list) within seconds, without a reload. Exits 1 when it does not.
 */
public final class DashboardLiveCheck {

    static final String INDICATOR = "RURAL_TOILET";
    static final String VILLAGE = System.getProperty("village", "990121101201");

    public static void main(String[] args) throws Exception {
        String token = LocalPlatform.adminToken();
        ChromeDriver browser = Browser.start(Files.createTempDirectory("live-check"), 1400, 1000);
        try {
            browser.get("http://localhost:8080/?year=2025#token=" + token);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(d -> !d.findElements(By.cssSelector(".card[data-code='" + INDICATOR + "']"))
                    .isEmpty());
            String before = actual(browser);
            String statusBefore = card(browser).getDomAttribute("data-status");
            ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");
            // Let the page's event stream connect and take its first look.
            Thread.sleep(2000);
            long posted = System.nanoTime();
            LocalPlatform.send(
                    HttpClient.newHttpClient(),
                    token,
                    "POST",
                    "http://localhost:8082/api/v1/observations",
                    "application/json",
                    "{\"indicator\":\"%s\",\"region\":\"%s\",\"period\":\"2025-11\",\"value\":40}"
                            .formatted(INDICATOR, VILLAGE));
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .ignoring(RuntimeException.class)
                    .until(d -> !actual(browser).equals(before));
            long seen = System.nanoTime();
            String statusAfter = card(browser).getDomAttribute("data-status");
            boolean samePage = Boolean.TRUE.equals(
                    ((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true;"));
            if (!statusAfter.equals(statusBefore)) {
                new WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(
                                d -> d
                                        .findElements(By.cssSelector("#changes li[data-indicator='" + INDICATOR + "']"))
                                        .stream()
                                        .anyMatch(li -> li.getText()
                                                .contains(Labels.zh("statuses", statusBefore) + " → "
                                                        + Labels.zh("statuses", statusAfter))));
            }
            if (!samePage) {
                throw new IllegalStateException("the page was reloaded");
            }
            System.out.printf(
                    "dashboard live check: %s on the open page went %s (%s) → %s (%s) %d ms after indicator-service's 2xx,"
                            + " without a reload%n",
                    INDICATOR, before, statusBefore, actual(browser), statusAfter, (seen - posted) / 1_000_000);
        } catch (RuntimeException e) {
            System.out.println("dashboard live check: FAILED: " + e);
            System.exit(1);
        } finally {
            browser.quit();
        }
    }

    private static WebElement card(ChromeDriver browser) {
        return browser.findElement(By.cssSelector(".card[data-code='" + INDICATOR + "']"));
    }

    private static String actual(ChromeDriver browser) {
        return card(browser).findElement(By.className("actual")).getText();
    }
}
