package dev.parley.runtime.catalogwatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.testing.PostgresResource;
import dev.parley.testing.ShopSite;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A catalog-watch bot as the operator configures it, reading the local {@link ShopSite} (40 generated wines and the
 * broken pages) through its sitemap: euros, English and French, a user agent of its own. The console channel is on
 * (customers' watches and alerts are read from its transcript); the scheduler is off, so only a test starts syncs;
 * no embeddings (RecommendationsTest has them).
 */
public class CatalogWatchBot implements QuarkusTestProfile {

    public static final String USER_AGENT = "ParleyTestBot/1.0 (+https://parley.dev/test)";
    public static final int PRODUCTS = 40;
    /** The Telegram group that gets the digest; Telegram is off, so the digests stay in the outbox for the test to read. */
    public static final String DIGEST_CHAT = "-100777";

    /** The site the current test class reads. */
    public static volatile ShopSite site;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(Site.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        JsonObject bot = new JsonObject().put("name", "wine-watch").put("flow", "catalogWatch")
                .put("channels", new JsonObject().put("telegram", false).put("whatsapp", false))
                .put("commerce", new JsonObject().put("currency", "EUR").put("languages", new JsonArray().add("en").add("fr")))
                .put("schedules", new JsonObject().put("restockCheckIntervalMinutes", 30).put("timeZone", "Europe/Paris"))
                .put("catalog", new JsonObject().put("userAgent", USER_AGENT).put("concurrency", 3).put("requestTimeoutSeconds", 5)
                        .put("digestChatId", DIGEST_CHAT));
        try {
            Path file = Files.createTempDirectory("parley-catalogwatch").resolve("bot.json");
            Files.writeString(file, bot.encode());
            return Map.of("parley.bot.config", file.toString(), "parley.owner.token", OwnerApi.TOKEN, "parley.scheduling.enabled", "false",
                    "parley.console.enabled", "true", "parley.catalog.retries", "1", "parley.catalog.retry-backoff", "10ms",
                    "parley.catalog.embeddings", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the site and points the sync at its sitemap. */
    public static class Site implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            site = new ShopSite(ShopSite.generated(PRODUCTS, 7));
            return Map.of("parley.catalog.sitemap-url", site.sitemapUrl());
        }

        @Override
        public void stop() {
            site.close();
        }
    }
}
