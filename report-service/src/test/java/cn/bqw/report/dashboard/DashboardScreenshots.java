package cn.bqw.report.dashboard;

import cn.bqw.testkit.LocalPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Screenshots of the dashboard for report-service's README (not a test), against a running {@code
 * ./bqw up} with the demo city: every main view on a desktop in Chinese ({@code docs/screenshots/*.png}),
 * then a few in English ({@code en-*.png}) and on a phone of 390 × 844 ({@code phone-*.png}).
 */
public final class DashboardScreenshots {

    private static final List<String> VIEWS =
            List.of("overview", "rankings", "indicator", "map", "gaps", "coverage", "treemap", "tasks");

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("out", "report-service/docs/screenshots"));
        Files.createDirectories(out);
        take(out, 1500, 950, "zh", "", VIEWS);
        take(out, 1500, 950, "en", "en-", List.of("overview", "rankings", "map"));
        take(out, 390, 844, "zh", "phone-", List.of("overview", "rankings", "indicator", "map"));
    }

    private static void take(Path out, int width, int height, String language, String prefix, List<String> views)
            throws Exception {
        Path downloads = Files.createTempDirectory("screenshots");
        ChromeDriver browser =
                width < 500 ? Browser.phone(downloads, width, height) : Browser.start(downloads, width, height);
        try {
            browser.get("http://localhost:8080/?year=2025#token=" + LocalPlatform.adminToken());
            ((JavascriptExecutor) browser)
                    .executeScript("sessionStorage.setItem('bqw.language', arguments[0]);", language);
            browser.navigate().refresh();
            for (String view : views) {
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "document.querySelector(\"#tabs button[data-view='\" + arguments[0] + \"']\").click();",
                                view);
                new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> String.valueOf(
                                d.findElement(By.tagName("body")).getDomAttribute("data-rendered"))
                        .startsWith(view + ":"));
                if (view.equals("rankings")) {
                    browser.findElement(By.cssSelector("#rankings-table tr[data-region]"))
                            .click();
                }
                // Let ECharts finish its animations.
                Thread.sleep(1500);
                Path file = out.resolve(prefix + view + ".png");
                Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
                System.out.println("saved " + file);
            }
        } finally {
            browser.quit();
        }
    }
}
