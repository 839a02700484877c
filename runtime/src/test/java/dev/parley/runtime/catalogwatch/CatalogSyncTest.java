package dev.parley.runtime.catalogwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.testing.ShopSite;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The catalog sync against a local shop: a first sync reads every listed page politely and records what it could not
 * read; an incremental one reads only pages whose {@code lastmod} changed; a product that leaves the sitemap is
 * delisted, not deleted; a restock and a new price reach the product's watchers once, however often the sync repeats.
 * The tests run in order: each starts from the catalog the one before left.
 */
@QuarkusTest
@TestProfile(CatalogWatchBot.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogSyncTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    CatalogSync sync;

    @Inject
    Pool pool;

    ShopSite site;

    @BeforeEach
    void site() {
        site = CatalogWatchBot.site;
    }

    private SyncRuns.Run run() {
        return sync.sync(CatalogSync.OWNER).await().atMost(WAIT);
    }

    private List<Row> rows(String sql, Object... args) {
        List<Row> rows = new java.util.ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(WAIT).forEach(rows::add);
        return rows;
    }

    private Row product(String slug) {
        return rows("SELECT * FROM catalog_product WHERE external_id = $1", site.url() + "/products/" + slug + ".html").get(0);
    }

    @Test
    @Order(1)
    void theFirstSyncReadsEveryListedPageAndRecordsTheBrokenOnes() {
        SyncRuns.Run run = run();

        assertThat(run.status()).isEqualTo("SUCCEEDED");
        assertThat(run.added()).isEqualTo(CatalogWatchBot.PRODUCTS);
        assertThat(run.updated()).isZero();
        assertThat(run.failed()).as("the broken pages, the disallowed one included").isEqualTo(ShopSite.BROKEN.size());
        assertThat(run.pagesFetched()).isEqualTo(CatalogWatchBot.PRODUCTS + ShopSite.BROKEN.size());
        assertThat(run.durationMillis()).isNotNull();

        Map<String, String> failures = SyncRuns.failures(pool, run.id()).await().atMost(WAIT).stream()
                .collect(Collectors.toMap(f -> f.url().substring(site.url().length()), SyncRuns.Failure::reason));
        assertThat(failures.keySet()).isEqualTo(ShopSite.BROKEN.keySet());
        ShopSite.BROKEN.forEach((path, why) -> assertThat(failures.get(path)).as(path).contains(why));

        assertThat(site.hits("/private/secret.html")).as("robots.txt is honoured").isZero();
        assertThat(site.hits("/robots.txt")).isPositive();
        assertThat(site.hits("/products/failing.html")).as("a 500 is retried (parley.catalog.retries=1)").isEqualTo(2);
        assertThat(site.userAgents()).containsOnly(CatalogWatchBot.USER_AGENT);

        ShopSite.Item item = site.item("p3");
        Row stored = product("p3");
        assertThat(stored.getString("name")).isEqualTo(item.name());
        assertThat(stored.getString("brand")).isEqualTo(item.brand());
        assertThat(stored.getString("category")).as("the most specific part of 'Wines > ...'").isEqualTo(item.category());
        assertThat(stored.getString("origin")).isEqualTo(item.origin());
        assertThat(stored.getString("sku")).isEqualTo("SKU-p3");
        assertThat(stored.getLong("price_minor")).isEqualTo(new java.math.BigDecimal(item.price()).movePointRight(2).longValueExact());
        assertThat(stored.getString("currency")).isEqualTo("EUR");
        assertThat(stored.getBoolean("available")).isEqualTo(item.available());
        assertThat(stored.getString("lastmod")).isEqualTo("2026-01-01");

        List<String> digests = digests();
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0)).startsWith("🗞 What is new in the catalog").contains(CatalogWatchBot.PRODUCTS + " new products:")
                .doesNotContain("back in stock");
    }

    /** The digests queued for the Bot's group chat, oldest first. */
    private List<String> digests() {
        return rows("SELECT payload FROM outbox_message WHERE channel = 'telegram' AND chat_id = $1 ORDER BY id", CatalogWatchBot.DIGEST_CHAT)
                .stream().map(r -> ((JsonObject) r.getValue(0)).getString("text")).toList();
    }

    @Test
    @Order(2)
    void aSecondSyncReadsOnlyThePagesWhoseLastmodChanged() {
        site.forgetRequests();
        ShopSite.Item renamed = site.item("p5");
        site.put(new ShopSite.Item("p5", renamed.name() + " Reserve", renamed.brand(), renamed.category(), renamed.origin(), renamed.price(),
                renamed.available(), "2026-02-01", renamed.description()));

        SyncRuns.Run run = run();

        assertThat(run.updated()).isEqualTo(1);
        assertThat(run.added()).isZero();
        assertThat(run.unchanged()).isEqualTo(CatalogWatchBot.PRODUCTS - 1);
        assertThat(run.delisted()).isZero();
        assertThat(site.hits("/products/p5.html")).isEqualTo(1);
        assertThat(site.hits("/products/p6.html")).as("an unchanged lastmod is not read again").isZero();
        assertThat(product("p5").getString("name")).endsWith(" Reserve");
        assertThat(run.failed()).as("pages without a lastmod are read every time").isEqualTo(ShopSite.BROKEN.size());
    }

    @Test
    @Order(3)
    void aProductThatLeavesTheSitemapIsDelistedNotDeletedAndSearchNoLongerFindsIt() {
        String name = site.item("p7").name();
        site.remove("p7");

        SyncRuns.Run run = run();

        assertThat(run.delisted()).isEqualTo(1);
        Row stored = product("p7");
        assertThat(stored.getBoolean("delisted")).isTrue();
        assertThat(CatalogSearch.search(pool, name, CatalogSearch.Filters.NONE, CatalogSearch.Order.RELEVANCE, 0, 50).await().atMost(WAIT)
                .hits()).extracting(CatalogSearch.Hit::id).doesNotContain(stored.getLong("id"));
        assertThat(rows("SELECT kind FROM catalog_change_event WHERE product_id = $1", stored.getLong("id")))
                .extracting(r -> r.getString(0)).containsExactly(CatalogChanges.DELISTED);
    }

    @Test
    @Order(4)
    void anIncompleteListingDelistsNothing() {
        site.failSecondSitemap(true);
        try {
            SyncRuns.Run run = run();
            assertThat(run.status()).isEqualTo("SUCCEEDED");
            assertThat(run.delisted()).as("the pages of the sitemap that failed are not gone").isZero();
            assertThat(SyncRuns.failures(pool, run.id()).await().atMost(WAIT)).extracting(SyncRuns.Failure::url)
                    .contains(site.url() + "/sitemap-products-2.xml.gz");
        } finally {
            site.failSecondSitemap(false);
        }
        assertThat(rows("SELECT count(*) FROM catalog_product WHERE delisted").get(0).getLong(0)).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aRestockAndANewPriceReachTheWatchersOnceHoweverOftenTheSyncRepeats() {
        ShopSite.Item soldOut = site.items().stream().filter(i -> !i.available()).findFirst().orElseThrow();
        ShopSite.Item priced = site.items().stream().filter(i -> i.available() && !i.slug().equals(soldOut.slug())).findFirst().orElseThrow();
        long soldOutId = product(soldOut.slug()).getLong("id");
        long pricedId = product(priced.slug()).getLong("id");
        say("anne", "/watch " + soldOutId);
        say("anne", "/watch " + pricedId);
        say("marc", "/watch " + soldOutId);
        await().atMost(WAIT).until(() -> outgoing("anne").size() == 2 && outgoing("marc").size() == 1);

        site.put(soldOut.withAvailable(true, "2026-03-01"));
        site.put(priced.withPrice("99.50", "2026-03-01"));
        run();
        run();
        sync.restockCheck().await().atMost(WAIT);

        await().atMost(WAIT).until(() -> outgoing("anne").size() == 4 && outgoing("marc").size() == 2);
        List<String> anne = outgoing("anne").subList(2, 4);
        assertThat(anne).anySatisfy(t -> assertThat(t).startsWith("✅ Back in stock: " + soldOut.name()));
        assertThat(anne).anySatisfy(t -> assertThat(t).startsWith("💶 New price for " + priced.name()).contains("→ EUR 99.50"));
        assertThat(outgoing("marc").get(1)).startsWith("✅ Back in stock: " + soldOut.name());
        assertThat(rows("SELECT count(*) FROM catalog_change_event WHERE product_id = $1 AND kind = 'BACK_IN_STOCK'", soldOutId).get(0).getLong(0))
                .isEqualTo(1);
        assertThat(rows("SELECT count(*) FROM catalog_alert").get(0).getLong(0)).isEqualTo(3);
        List<String> digests = digests();
        assertThat(digests).as("one digest for the sync that restocked, none for the syncs that added nothing").hasSize(2);
        assertThat(digests.get(1)).contains("1 back in stock:").contains(soldOut.name()).doesNotContain("new products");
        // Nothing more comes, however long one waits: the outbox holds no more for them.
        assertThat(rows("SELECT count(*) FROM outbox_message WHERE chat_id IN ('anne', 'marc')").get(0).getLong(0)).isEqualTo(6);
    }

    @Test
    @Order(6)
    void theRestockCheckReadsTheWatchedPagesAgainEvenWithAnUnchangedLastmod() {
        ShopSite.Item watched = site.items().stream().filter(i -> i.available()).filter(i -> rows(
                "SELECT 1 FROM catalog_watch w JOIN catalog_product p ON p.id = w.product_id WHERE p.external_id = $1",
                site.url() + i.path()).size() > 0).findFirst().orElseThrow();
        site.forgetRequests();
        site.put(watched.withAvailable(false, watched.lastmod()));

        SyncRuns.Run check = sync.restockCheck().await().atMost(WAIT).orElseThrow();

        assertThat(check.kind()).isEqualTo("restock-check");
        assertThat(check.updated()).isEqualTo(1);
        assertThat(site.hits(watched.path())).isEqualTo(1);
        assertThat(site.hits("/sitemap.xml")).as("a restock check reads no sitemap").isZero();
        await().atMost(WAIT).until(() -> outgoing("anne").stream().anyMatch(t -> t.startsWith("❌ Sold out: " + watched.name())));
    }

    @Test
    @Order(7)
    void theOwnerApiShowsTheRunsAndRefusesASecondSyncWhileOneRuns() {
        JsonArray runs = new JsonObject(OwnerApi.given().get("/api/v1/catalogwatch/sync-runs").then().statusCode(200).extract().asString())
                .getJsonArray("runs");
        assertThat(runs.size()).isGreaterThanOrEqualTo(6);
        JsonObject first = runs.getJsonObject(runs.size() - 1);
        assertThat(first.getString("kind")).isEqualTo("sitemap");
        assertThat(first.getInteger("added")).isEqualTo(CatalogWatchBot.PRODUCTS);
        JsonObject one = new JsonObject(OwnerApi.given().get("/api/v1/catalogwatch/sync-runs/" + first.getLong("id")).then().statusCode(200)
                .extract().asString());
        assertThat(one.getJsonArray("failures")).hasSize(ShopSite.BROKEN.size());
        OwnerApi.given().get("/api/v1/catalogwatch/sync-runs/999999").then().statusCode(404);
        OwnerApi.given().queryParam("limit", 0).get("/api/v1/catalogwatch/sync-runs").then().statusCode(400).body(containsString("limit"));

        long running = SyncRuns.start(pool, "sitemap", "test").await().atMost(WAIT);
        try {
            assertThatThrownBy(() -> SyncRuns.start(pool, "sitemap", "test").await().atMost(WAIT)).hasRootCauseInstanceOf(SyncRuns.AlreadyRunning.class);
            OwnerApi.given().post("/api/v1/catalogwatch/sync-runs").then().statusCode(409).body(containsString("already running"));
        } finally {
            sync.execute(running).await().atMost(WAIT);
        }
        String started = OwnerApi.given().post("/api/v1/catalogwatch/sync-runs").then().statusCode(202).extract().asString();
        long id = new JsonObject(started).getLong("id");
        await().atMost(WAIT).until(() -> !SyncRuns.find(pool, id).await().atMost(WAIT).orElseThrow().status().equals("RUNNING"));
        assertThat(SyncRuns.find(pool, id).await().atMost(WAIT).orElseThrow().status()).isEqualTo("SUCCEEDED");
    }

    private static void say(String chat, String text) {
        io.restassured.RestAssured.given().contentType("application/json").body(new JsonObject().put("text", text).encode())
                .post("/api/v1/console/chats/{chat}/messages", chat).then().statusCode(200);
    }

    /** What the bot sent to a console chat, in order. */
    static List<String> outgoing(String chat) {
        JsonArray messages = new JsonObject(io.restassured.RestAssured.given().get("/api/v1/console/chats/{chat}/messages", chat).asString())
                .getJsonArray("messages");
        return messages.stream().map(m -> (JsonObject) m).filter(m -> m.getString("direction").equals("out")).map(m -> m.getString("text")).toList();
    }
}
