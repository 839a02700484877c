package dev.parley.runtime.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.parley.runtime.catalogwatch.CatalogWatchBot;
import dev.parley.runtime.catalogwatch.SyncRuns;
import dev.parley.runtime.catalogwatch.Watches;
import dev.parley.testing.ShopSite;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The catalog watch's owner in a real browser at a phone's size: a sync started from the dashboard reads the local
 * shop site and its counts and unreadable pages show; a second start while one runs is refused; the synced products
 * are searched and a product shows who watches it.
 */
@QuarkusTest
@TestProfile(CatalogWatchDashboard.class)
class CatalogWatchDashboardBrowserTest {

    private static final Duration SYNC = Duration.ofSeconds(90);
    private ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    Pool pool;

    DashboardPages pages;

    @BeforeEach
    void open() {
        pages = DashboardPages.open(root);
        browser = pages.browser();
        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();
    }

    @Test
    void aSyncStartedFromTheDashboardRunsAndItsCountsShowThenItsProductsAreSearchedWithTheirWatchers() {
        assertThat(browser.getCurrentUrl()).as("a catalog watch's owner lands on the syncs").endsWith("/dashboard/catalog-watch");
        assertThat(browser.findElements(By.cssSelector("header nav a"))).extracting(WebElement::getText)
                .containsExactly("Catalog syncs", "Synced products", "Unread messages");
        pages.assertAccessible("/dashboard/catalog-watch");

        browser.findElement(By.id("start-sync")).click();
        pages.waitForText(By.id("result"), "The sync started");
        String runPath = browser.getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*", "");
        assertThat(runPath).matches("/dashboard/catalog-watch/runs/\\d+");
        new WebDriverWait(browser, SYNC).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElement(By.id("run-status")).getText().equals("Finished"));

        assertThat(browser.findElement(By.id("run-added")).getText()).isEqualTo(String.valueOf(CatalogWatchBot.PRODUCTS));
        assertThat(browser.findElement(By.id("run-failed")).getText()).isEqualTo(String.valueOf(ShopSite.BROKEN.size()));
        assertThat(browser.findElement(By.id("run-pages")).getText()).isEqualTo(String.valueOf(CatalogWatchBot.PRODUCTS + ShopSite.BROKEN.size()));
        String failures = browser.findElement(By.id("failures")).getText();
        ShopSite.BROKEN.keySet().forEach(path -> assertThat(failures).contains(path));
        assertThat(browser.findElements(By.id("sync-running"))).as("a finished run no longer follows itself").isEmpty();
        pages.assertAccessible(runPath);
        assertThat(pages.fitsTheScreen()).isTrue();
        pages.screenshot("catalog-sync-run");

        browser.findElement(By.linkText("All syncs")).click();
        long runId = Long.parseLong(runPath.substring(runPath.lastIndexOf('/') + 1));
        WebElement row = pages.waitFor(By.id("run-" + runId));
        assertThat(row.findElement(By.className("status")).getText()).isEqualTo("Finished");
        assertThat(row.findElement(By.className("added")).getText()).isEqualTo(String.valueOf(CatalogWatchBot.PRODUCTS));
        assertThat(pages.fitsTheScreen()).isTrue();
        pages.screenshot("catalog-syncs");

        ShopSite.Item wine = CatalogWatchBot.site.item("p3");
        long productId = pool.preparedQuery("SELECT id FROM catalog_product WHERE external_id = $1")
                .execute(Tuple.of(CatalogWatchBot.site.url() + "/products/p3.html")).await().atMost(SYNC).iterator().next().getLong("id");
        assertThat(Watches.add(pool, "console", "wine-lover-7", productId).await().atMost(SYNC)).isEqualTo(Watches.Added.ADDED);

        browser.findElement(By.cssSelector("header nav a[href='/dashboard/catalog-watch/products']")).click();
        pages.waitForText(By.id("total"), CatalogWatchBot.PRODUCTS + " products");
        pages.assertAccessible("/dashboard/catalog-watch/products");
        assertThat(pages.fitsTheScreen()).isTrue();
        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys(wine.name());
        browser.findElement(By.id("search")).click();
        pages.waitFor(By.linkText(wine.name()));
        assertThat(browser.findElement(By.id("total")).getText()).doesNotContain(CatalogWatchBot.PRODUCTS + " products");
        pages.screenshot("catalog-products");

        browser.findElement(By.linkText(wine.name())).click();
        pages.waitForText(By.tagName("h1"), wine.name());
        assertThat(browser.findElement(By.id("watchers")).getText()).contains("console").contains("wine-lover-7");
        pages.assertAccessible("a synced product");
        assertThat(pages.fitsTheScreen()).isTrue();
        pages.screenshot("catalog-product-watchers");
    }

    @Test
    void aSecondSyncIsRefusedWhileOneRunsAndNothingStarts() {
        long running = SyncRuns.start(pool, "sitemap", "owner").await().atMost(SYNC);
        try {
            browser.get(pages.url("/dashboard/catalog-watch"));
            assertThat(browser.findElement(By.id("sync-running")).getText()).contains("A sync is running");
            assertThat(browser.findElement(By.cssSelector("#run-" + running + " .status")).getText()).isEqualTo("Running");
            long before = runs();

            browser.findElement(By.id("start-sync")).click();
            pages.waitForText(By.id("result"), "a sync is running already");
            assertThat(runs()).as("nothing started").isEqualTo(before);
            pages.assertAccessible("the refusal");
        } finally {
            SyncRuns.finish(pool, running, new SyncRuns.Summary(0, 0, 0, 0, 0, 0), null).await().atMost(SYNC);
        }
    }

    private long runs() {
        return pool.query("SELECT count(*) FROM catalog_sync_run").execute().await().atMost(SYNC).iterator().next().getLong(0);
    }
}
