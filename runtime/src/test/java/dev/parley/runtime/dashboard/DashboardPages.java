package dev.parley.runtime.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.testing.Browser;

/**
 * What the dashboard's browser tests do on its pages: sign in, wait for an element or a text, post from the page,
 * check a page's accessibility basics, save a screenshot (with {@code -Dparley.screenshots=<dir>}).
 */
final class DashboardPages {

    /** One Chromium for every dashboard browser test of the JVM, started by the first and quit when the JVM ends. */
    private static ChromeDriver shared;

    private final ChromeDriver browser;
    private final URL root;

    private DashboardPages(ChromeDriver browser, URL root) {
        this.browser = browser;
        this.root = root;
    }

    /** The pages of the runtime at {@code root}, in the shared browser with no cookie: no session, as a test starts. */
    static synchronized DashboardPages open(URL root) {
        if (shared == null) {
            ChromeDriver started = Browser.phone("en-US");
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "quit-chromium"));
            shared = started;
        }
        DashboardPages pages = new DashboardPages(shared, root);
        pages.forgetTheSession();
        return pages;
    }

    ChromeDriver browser() {
        return browser;
    }

    /** Drops the session cookie, from a page of the dashboard's origin (cookies are per origin). */
    void forgetTheSession() {
        browser.get(url("/dashboard/sign-in"));
        browser.manage().deleteAllCookies();
    }

    /**
     * What a screen reader and a keyboard need of a page: its language, one h1, a name for every control; and no
     * violation of WCAG 2.1 A or AA that axe-core finds (contrast, labels, landmarks, ARIA, link names).
     */
    void assertAccessible(String page) {
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as(page).isIn("en", "hi");
        assertThat(browser.findElements(By.tagName("h1"))).as(page).hasSize(1);
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) js().executeScript("""
                return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
                    .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.outerHTML)
                  .concat(Array.from(document.querySelectorAll('button, a'))
                    .filter(e => e.textContent.trim() === '' && !e.getAttribute('aria-label')).map(e => e.outerHTML));""");
        assertThat(unnamed).as(page + ": controls without a label or name").isEmpty();
        assertThat(axeViolations()).as(page + ": axe-core's WCAG 2.1 A/AA findings").isEmpty();
    }

    /** axe-core's findings on the page as it is now: {@code rule (impact): help at selector, ...}. */
    List<String> axeViolations() {
        if (Boolean.TRUE.equals(js().executeScript("return typeof window.axe === 'undefined'"))) {
            js().executeScript(AXE);
        }
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(result => done(result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                      + v.nodes.map(n => n.target.join(' ')).join(', '))), failure => done(['axe-core failed: ' + failure]));""");
        return violations;
    }

    /** axe-core's script, from its webjar (the version the build names). */
    private static final String AXE = axeScript();

    private static String axeScript() {
        ClassLoader loader = DashboardPages.class.getClassLoader();
        try (InputStream pom = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            Properties properties = new Properties();
            properties.load(pom);
            try (InputStream script = loader.getResourceAsStream("META-INF/resources/webjars/axe-core/" + properties.getProperty("version") + "/axe.min.js")) {
                return new String(script.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void signIn() {
        waitFor(By.id("token")).sendKeys(OwnerApi.TOKEN);
        browser.findElement(By.id("sign-in")).click();
        waitFor(By.id("sign-out"));
    }

    /** A POST sent by a script of the dashboard's own page (same origin, the session cookie): its HTTP status. */
    long postFromThePage(String path, String form) {
        return (Long) js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: arguments[1],
                    redirect: 'manual'}).then(r => done(r.status), e => done(-1));""", path, form);
    }

    void assertNoAlert() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    WebElement waitFor(By by) {
        return pageWait().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element shows the text (the next page has loaded), failing after {@link Browser#WAIT}. */
    void waitForText(By by, String text) {
        pageWait().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /**
     * A wait that looks again when the element it found went with the old page meanwhile: Chromium reports that as a
     * stale element or, for an element read while the new document replaces it, as an inspector error ("Node with
     * given id does not belong to the document").
     */
    WebDriverWait pageWait() {
        WebDriverWait wait = new WebDriverWait(browser, Browser.WAIT);
        wait.ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class);
        return wait;
    }

    JavascriptExecutor js() {
        return browser;
    }

    long viewportWidth() {
        return (Long) js().executeScript("return window.innerWidth");
    }

    boolean fitsTheScreen() {
        return (Boolean) js().executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    void screenshot(String name) {
        String dir = System.getProperty("parley.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Path file = Path.of(dir).resolve(name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
