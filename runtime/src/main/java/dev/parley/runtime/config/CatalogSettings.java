package dev.parley.runtime.config;

import java.time.Duration;
import java.util.Optional;

import io.vertx.core.json.JsonObject;

/**
 * The catalog-watch flow's settings: bot.json's {@code catalog} section (the Bot's {@code spec.catalog}) and
 * {@code schedules.restockCheckIntervalMinutes}; the CRD's defaults when it says nothing. Run without a bot.json, the
 * sources come from {@code PARLEY_CATALOG_SITEMAP_URL} / {@code PARLEY_CATALOG_FEED_URL}.
 *
 * @param sitemapUrl   the shop's sitemap or sitemap index, if the catalog is read from its product pages
 * @param feedUrl      a CSV or JSON feed, if the catalog is read from one
 * @param syncCron     when the catalog is synced: five cron fields in {@code timeZone}
 * @param restockEvery how often the pages of watched products are read again
 * @param digestChatId a Telegram group chat that hears of new and restocked products after each sync, or null
 */
public record CatalogSettings(Optional<String> sitemapUrl, Optional<String> feedUrl, String syncCron, String timeZone, Duration restockEvery,
        String userAgent, int concurrency, Duration requestTimeout, int retries, Duration retryBackoff, String digestChatId, boolean demo) {

    public static final String DEFAULT_USER_AGENT = "ParleyCatalogBot/1.0 (+https://parley.dev/bot)";

    public CatalogSettings {
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalStateException("bot.json's catalog.concurrency must be from 1 to 64, not " + concurrency);
        }
        if (restockEvery.isNegative() || restockEvery.isZero()) {
            throw new IllegalStateException("bot.json's schedules.restockCheckIntervalMinutes must be positive, not " + restockEvery.toMinutes());
        }
    }

    public static CatalogSettings of(BotSettings settings, RuntimeConfig config) {
        JsonObject document = settings.document();
        JsonObject catalog = BotSettings.section(document, "catalog");
        JsonObject schedules = BotSettings.section(document, "schedules");
        Object restock = schedules.getValue("restockCheckIntervalMinutes");
        Object concurrency = catalog.getValue("concurrency");
        Object timeout = catalog.getValue("requestTimeoutSeconds");
        return new CatalogSettings(
                BotSettings.text(catalog, "sitemapUrl").or(() -> config.catalog().sitemapUrl().filter(s -> !s.isBlank())),
                BotSettings.text(catalog, "feedUrl").or(() -> config.catalog().feedUrl().filter(s -> !s.isBlank())),
                BotSettings.text(catalog, "syncCron").orElse("0 3 * * 1"),
                BotSettings.text(schedules, "timeZone").orElse("Asia/Kolkata"),
                Duration.ofMinutes(restock instanceof Number n ? n.longValue() : 60),
                BotSettings.text(catalog, "userAgent").orElse(DEFAULT_USER_AGENT),
                concurrency instanceof Number n ? n.intValue() : 4,
                Duration.ofSeconds(timeout instanceof Number n ? n.longValue() : 20),
                config.catalog().retries(), config.catalog().retryBackoff(),
                BotSettings.text(catalog, "digestChatId").orElse(null),
                config.catalog().demo().orElse(settings.local()));
    }

    /** Where the catalog comes from: {@code sitemap}, {@code feed}, or {@code upload} when neither is set (the owner uploads it). */
    public String source() {
        return sitemapUrl.isPresent() ? "sitemap" : feedUrl.isPresent() ? "feed" : "upload";
    }
}
