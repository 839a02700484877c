package dev.parley.runtime.flow.catalogwatch;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.parley.runtime.catalogwatch.Recommendations;
import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.config.RuntimeConfig;
import io.vertx.mutiny.sqlclient.Pool;

/** What the catalog-watch flow is made of; the flow itself is made only when the Bot asks for it. */
@ApplicationScoped
public class CatalogWatchParts {

    /** The languages the flow speaks; a bot run without a bot.json offers them all. */
    public static final List<String> SPOKEN = List.of("en", "fr", "hi");

    private final Pool pool;
    private final CommerceSettings commerce;
    private final Recommendations recommendations;

    private final boolean embeddings;

    public CatalogWatchParts(Pool pool, CommerceSettings commerce, Recommendations recommendations, RuntimeConfig config) {
        this.pool = pool;
        this.commerce = commerce;
        this.recommendations = recommendations;
        this.embeddings = config.catalog().embeddings();
    }

    public CatalogWatchFlow flow(BotSettings settings) {
        List<String> languages = settings.local() && commerce.languages().size() == 1 ? SPOKEN : commerce.languages();
        return new CatalogWatchFlow(languages, commerce.currency(),
                embeddings ? (text, limit) -> recommendations.similar(pool, text, limit) : null);
    }
}
