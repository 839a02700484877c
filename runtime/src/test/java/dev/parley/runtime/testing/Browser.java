package dev.parley.runtime.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import dev.parley.testing.TestServers;

/**
 * A real browser for the dashboard's tests: Debian's Chromium, headless, driven through Debian's chromedriver
 * ({@code tools/install-browser.sh} installs both), at a phone's viewport. Nothing is downloaded: the driver and
 * the browser are named by path, so Selenium Manager has nothing to fetch. Without them the test is skipped (or
 * fails under {@code PARLEY_REQUIRE_TEST_SERVERS=true}).
 */
public final class Browser {

    /** An iPhone 12-sized screen in CSS pixels. */
    public static final int PHONE_WIDTH = 390;
    public static final int PHONE_HEIGHT = 844;
    public static final Duration WAIT = Duration.ofSeconds(20);

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browser() {
    }

    /** A headless Chromium the size of a phone, in {@code language} (an Accept-Language tag). */
    public static ChromeDriver phone(String language) {
        Path browser = first(BROWSERS).orElseThrow(() -> TestServers.unavailable("Chromium", "run tools/install-browser.sh as root"
                + " (apt-get install chromium chromium-driver)"));
        Path driver = first(DRIVERS).orElseThrow(() -> TestServers.unavailable("chromedriver", "run tools/install-browser.sh as root"
                + " (apt-get install chromium-driver)"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=" + language,
                "--window-size=" + PHONE_WIDTH + "," + PHONE_HEIGHT, "--hide-scrollbars", "--force-device-scale-factor=1");
        options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "pixelRatio", 2.0, "mobile", true, "touch", true),
                "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().scriptTimeout(WAIT);
        return chrome;
    }

    private static Optional<Path> first(List<String> paths) {
        return paths.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
