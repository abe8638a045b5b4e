package cn.bqw.report.dashboard;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs where missing): never a browser download.
 */
final class Browser {

    static final String CHROMIUM = System.getProperty("bqw.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("bqw.chromedriver", "/usr/bin/chromedriver");

    private Browser() {}

    /**
     * A browser whose page is {@code width} × {@code height} CSS pixels as a phone's is: a window
     * cannot be narrower than 500 pixels, so the page's metrics are set through the DevTools protocol.
     */
    static ChromeDriver phone(Path downloads, int width, int height) {
        ChromeDriver browser = start(downloads, width, height);
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
        return browser;
    }

    static ChromeDriver start(Path downloads, int width, int height) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("the dashboard test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // Root in CI has no sandbox to offer; containers have a small /dev/shm.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height,
                "--lang=zh-CN");
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download",
                        false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
