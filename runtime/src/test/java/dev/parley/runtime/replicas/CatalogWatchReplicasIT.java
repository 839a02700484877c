package dev.parley.runtime.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.FakeTelegram;
import dev.parley.runtime.testing.Replicas;
import dev.parley.testing.ShopSite;
import dev.parley.testing.PostgresServer;
import dev.parley.testing.RuntimeProcess;

/**
 * Two packaged runtimes of a catalog-watch bot on one database, as two pods: customers watch products over
 * Telegram through either replica, the shop restocks one product and reprices another, and the owner asks both
 * replicas at once, several times, for a sync. Each watcher hears of each change exactly once.
 */
class CatalogWatchReplicasIT {

    private static final String OWNER_TOKEN = "catalog-watch-owner-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static PostgresServer postgres;
    static String database;
    static FakeTelegram telegram;
    static ShopSite site;
    static RuntimeProcess a;
    static RuntimeProcess b;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.shared();
        database = postgres.createDatabase("catalog_watch_replicas");
        telegram = new FakeTelegram();
        site = new ShopSite(ShopSite.generated(20, 11));
        Map<String, String> env = Replicas.env(postgres, database, telegram);
        env.put("PARLEY_FLOW", "catalogWatch");
        env.put("PARLEY_CATALOG_SITEMAP_URL", site.sitemapUrl());
        env.put("PARLEY_CATALOG_RETRIES", "0");
        env.put("PARLEY_CATALOG_DEMO", "false");
        env.put("PARLEY_OWNER_TOKEN", OWNER_TOKEN);
        env.put("PARLEY_SCHEDULING_TICK", "1s");
        env.put("PARLEY_SCHEDULING_LEASE_DURATION", "3s");
        env.put("PARLEY_TELEGRAM_CHAT_SPACING", "100ms");
        a = RuntimeProcess.start(Replicas.jar(), "catalog-a", env);
        b = RuntimeProcess.start(Replicas.jar(), "catalog-b", env);
        a.awaitReady(Duration.ofSeconds(90));
        b.awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() throws Exception {
        for (RuntimeProcess replica : new RuntimeProcess[] {a, b}) {
            if (replica != null && replica.isAlive()) {
                replica.stop();
            }
        }
        if (telegram != null) {
            telegram.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void everyWatcherHearsOfEachChangeOnceWhateverReplicaSyncs() throws Exception {
        // The leader's first scheduled sync reads the catalog (the weekly period has not run on this database).
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM bot_shop.catalog_sync_run WHERE status = 'SUCCEEDED'") >= 1);
        ShopSite.Item soldOut = site.items().stream().filter(i -> !i.available()).findFirst().orElseThrow();
        ShopSite.Item priced = site.items().stream().filter(ShopSite.Item::available).findFirst().orElseThrow();
        long soldOutId = id(soldOut);
        long pricedId = id(priced);

        AtomicInteger updates = new AtomicInteger(50_000);
        int chats = 6;
        for (int c = 0; c < chats; c++) {
            long chat = 8100 + c;
            RuntimeProcess replica = c % 2 == 0 ? a : b;
            assertThat(Replicas.postText(replica.url(), updates.incrementAndGet(), chat, "/watch " + soldOutId)).isEqualTo(200);
            if (c < 3) {
                assertThat(Replicas.postText(replica.url(), updates.incrementAndGet(), chat, "/watch " + pricedId)).isEqualTo(200);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> telegram.calls("sendMessage").size() >= chats + 3);

        site.put(soldOut.withAvailable(true, "2026-04-01"));
        site.put(priced.withPrice("123.45", "2026-04-01"));
        List<Integer> answers = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> startSync(a));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> startSync(b));
            answers.add(first.get());
            answers.add(second.get());
            await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM bot_shop.catalog_sync_run WHERE status = 'RUNNING'") == 0);
        }
        assertThat(answers).as("every request is a started sync or a refusal while one runs").allMatch(s -> s == 202 || s == 409).contains(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> alerts() == chats + 3);
        Thread.sleep(3000); // the outbox keeps sending as long as there is anything: let anything extra show
        for (int c = 0; c < chats; c++) {
            List<String> texts = telegram.textsTo(String.valueOf(8100 + c));
            assertThat(texts.stream().filter(t -> t.startsWith("✅ Back in stock: " + soldOut.name()))).as("chat " + (8100 + c)).hasSize(1);
            assertThat(texts.stream().filter(t -> t.startsWith("💶 New price for " + priced.name()))).as("chat " + (8100 + c))
                    .hasSize(c < 3 ? 1 : 0);
        }
        assertThat(alerts()).isEqualTo(chats + 3);
        assertThat(count("SELECT count(*) FROM bot_shop.catalog_change_event WHERE kind = 'BACK_IN_STOCK'")).isEqualTo(1);
    }

    private static long alerts() {
        return telegram.calls("sendMessage").stream().map(c -> c.body().getString("text", ""))
                .filter(t -> t.startsWith("✅ Back in stock") || t.startsWith("💶 New price")).count();
    }

    private static int startSync(RuntimeProcess replica) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(replica.url() + "/api/v1/catalogwatch/sync-runs"))
                    .header("Authorization", "Bearer " + OWNER_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long id(ShopSite.Item item) throws SQLException {
        return count("SELECT id FROM bot_shop.catalog_product WHERE external_id = '" + site.url() + item.path() + "'");
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
