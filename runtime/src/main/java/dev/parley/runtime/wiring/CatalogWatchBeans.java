package dev.parley.runtime.wiring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.parley.runtime.catalogwatch.CatalogSync;
import dev.parley.runtime.catalogwatch.Feeds;
import dev.parley.runtime.catalogwatch.Recommendations;
import dev.parley.runtime.catalogwatch.SyncRuns;
import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.config.CatalogSettings;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.config.RuntimeConfig;
import dev.parley.runtime.flow.catalogwatch.CatalogWatchFlow;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The catalog-watch flow's parts: its settings, the sync, the embedding model (loaded on first use); and, run
 * locally with the flow, the demo catalog (a few dozen wines) uploaded into an empty catalog at startup.
 */
@Singleton
class CatalogWatchBeans {

    private static final Logger LOG = Logger.getLogger(CatalogWatchBeans.class);
    static final String DEMO = "catalogwatch/demo-catalog.json";

    @Produces
    @Singleton
    CatalogSettings catalogSettings(BotSettings settings, RuntimeConfig config) {
        return CatalogSettings.of(settings, config);
    }

    @Produces
    @Singleton
    Recommendations recommendations() {
        return new Recommendations();
    }

    @Produces
    @Singleton
    CatalogSync catalogSync(Pool pool, CatalogSettings settings, CommerceSettings commerce, Recommendations recommendations, MeterRegistry registry,
            RuntimeConfig config) {
        return new CatalogSync(pool, settings, commerce.currency(), commerce.defaultLanguage(),
                config.catalog().embeddings() ? recommendations : null, registry);
    }

    void demo(@Observes StartupEvent event, BotSettings bot, CatalogSettings settings, CatalogSync sync, Pool pool) {
        if (!bot.flow().equals(CatalogWatchFlow.NAME) || !settings.demo() || !settings.source().equals("upload")) {
            return;
        }
        long products = pool.query("SELECT count(*) FROM catalog_product").execute().await().atMost(Duration.ofSeconds(30))
                .iterator().next().getLong(0);
        if (products > 0) {
            LOG.info("the catalog is not empty; the demo catalog was not uploaded (parley.catalog.demo)");
            return;
        }
        try (InputStream in = CatalogWatchBeans.class.getClassLoader().getResourceAsStream(DEMO)) {
            Feeds.Parsed parsed = Feeds.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "EUR");
            // The sync's writes block; a worker thread of its own keeps startup's thread free.
            sync.upload(parsed, false, "demo").subscribe().with(
                    run -> LOG.infof("uploaded the demo catalog: %d products (run %d; parley.catalog.demo)", run.added(), run.id()),
                    failure -> LOG.warnf("the demo catalog was not uploaded: %s", failure instanceof SyncRuns.AlreadyRunning
                            ? "a sync is running" : failure.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Feeds.NotAFeed e) {
            throw new IllegalStateException("the demo catalog " + DEMO + " is broken: " + e.getMessage(), e);
        }
    }
}
