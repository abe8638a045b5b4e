package cn.bqw.report.dashboard;

import cn.bqw.testkit.LocalPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Screenshots of the dashboard's main views for report-service's README (not a test), against a
 * running {@code ./bqw up} with the demo city: {@code docs/screenshots/*.png}.
 */
public final class DashboardScreenshots {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("out", "docs/screenshots"));
        Files.createDirectories(out);
        ChromeDriver browser = Browser.start(Files.createTempDirectory("screenshots"), 1500, 1100);
        try {
            browser.get("http://localhost:8080/?year=2025#token=" + LocalPlatform.adminToken());
            for (String view : new String[] {"overview", "rankings", "indicator", "gaps", "coverage", "treemap"}) {
                browser.findElement(By.cssSelector("#tabs button[data-view='" + view + "']"))
                        .click();
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> String.valueOf(
                                d.findElement(By.tagName("body")).getDomAttribute("data-rendered"))
                        .startsWith(view + ":"));
                if (view.equals("rankings")) {
                    browser.findElement(By.cssSelector("#rankings-table tr[data-region]"))
                            .click();
                }
                // Let ECharts finish its animations.
                Thread.sleep(1500);
                Files.write(out.resolve(view + ".png"), browser.getScreenshotAs(OutputType.BYTES));
                System.out.println("saved " + out.resolve(view + ".png"));
            }
        } finally {
            browser.quit();
        }
    }
}
