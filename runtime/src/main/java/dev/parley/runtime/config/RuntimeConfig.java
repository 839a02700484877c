package dev.parley.runtime.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every {@code parley.*} setting of the runtime, each default written once, here. A property is read from the
 * environment under its upper-case name ({@code parley.telegram.max-connections} from
 * {@code PARLEY_TELEGRAM_MAX_CONNECTIONS}), which is how the operator sets them; the few whose variable is named
 * otherwise are mapped in {@code application.properties}. Durations are written as Quarkus writes them ({@code 5s},
 * {@code 250ms}, {@code 24h}). What the Bot declares beyond the secrets comes from its
 * {@code bot.json} ({@link BotSettings}); the database connection is Quarkus' own datasource configuration.
 */
@ConfigMapping(prefix = "parley")
public interface RuntimeConfig {

    Bot bot();

    /** This replica's name, for leader election (the operator passes the pod name). */
    @WithName("pod.name")
    @WithDefault("local")
    String podName();

    /** The conversation flow; bot.json's {@code flow} when unset, {@code echo} without a bot.json. */
    Optional<String> flow();

    /** Where the channels deliver webhooks; bot.json's {@code publicUrl} when unset. */
    Optional<String> publicUrl();

    /** Where sessions (conversation state) live: {@code postgres} or {@code redis}, the StorageBackend's {@code spec.sessions}. */
    @WithDefault("postgres")
    String sessions();

    SessionExpiry sessionExpiry();

    /** The local console channel (docs/architecture.md): on when run without a bot.json, unless set. */
    @WithName("console.enabled")
    Optional<Boolean> consoleEnabled();

    Telegram telegram();

    WhatsApp whatsapp();

    /** The owner API's bearer token; generated and printed once when run locally without one. */
    @WithName("owner.token")
    Optional<String> ownerToken();

    /**
     * A token of its own for systems that send orders (the Bot's {@code spec.integrations.ordersApiTokenSecretRef}):
     * it may place orders, read them and follow their events, nothing else of the owner API.
     */
    @WithName("orders.token")
    Optional<String> ordersToken();

    /**
     * How often a server-sent-events stream that has nothing to send says so with a comment line (the order events'
     * API, the dashboard's live lists): under the 60 s after which a proxy closes an idle connection.
     */
    @WithName("events.heartbeat")
    @WithConverter(DurationConverter.class)
    @WithDefault("25s")
    Duration eventsHeartbeat();

    /** Fills an empty catalog with a small textile demo (a local run has it unless set to false). */
    @WithDefault("false")
    boolean demoCatalog();

    Scheduling scheduling();

    /** The bot's Kubernetes Lease for leader election (the operator sets it); a PostgreSQL lease without it. */
    @WithName("lease.name")
    Optional<String> kubernetesLease();

    Outbox outbox();

    Ai ai();

    Shop shop();

    /** The database: {@code application.properties} gives the defaults, from which it also makes the datasource. */
    Db db();

    /** The catalog-watch flow's sync; bot.json's {@code catalog} section wins. */
    Catalog catalog();

    interface Bot {
        /** The Bot's name: the path segment of its webhooks. */
        @WithDefault("local")
        String name();

        /** The path of the Bot's {@code bot.json} (its ConfigMap); unset when run locally. */
        Optional<String> config();

        /** The Bot's namespace, where its Lease lives. */
        Optional<String> namespace();

        /** The schema the bot's tables live in, inside the shared database ({@code PARLEY_DB_SCHEMA}). */
        String schema();
    }

    interface Db {
        String host();

        int port();

        String name();

        String user();

        String password();

        /** libpq's {@code sslmode}: disable, allow, prefer, require, verify-ca or verify-full. */
        String sslmode();

        int poolSize();
    }

    interface SessionExpiry {
        /** Conversations idle this long end (the Bot's {@code spec.schedules.sessionExpiryMinutes} wins). */
        @WithConverter(DurationConverter.class)
        @WithDefault("24h")
        Duration idleAfter();

        /** How often the leader looks for idle conversations. */
        @WithConverter(DurationConverter.class)
        @WithDefault("5m")
        Duration checkEvery();
    }

    interface Telegram {
        Optional<String> token();

        Optional<String> webhookSecret();

        /** The most connections Telegram opens to deliver updates (its {@code setWebhook} parameter). */
        @WithDefault("40")
        int maxConnections();

        @WithDefault("https://api.telegram.org")
        String apiUrl();

        @WithConverter(DurationConverter.class)

        @WithDefault("10s")
        Duration timeout();

        /** Telegram's limit for one bot: about 30 messages a second. */
        @WithDefault("30")
        double ratePerSecond();

        @WithDefault("30")
        int burst();

        /** Telegram's limit for one chat: about one message a second. */
        @WithConverter(DurationConverter.class)
        @WithDefault("1s")
        Duration chatSpacing();

        /** ... and for a group: about 20 a minute. */
        @WithConverter(DurationConverter.class)
        @WithDefault("3s")
        Duration groupSpacing();
    }

    interface WhatsApp {
        Optional<String> accessToken();

        Optional<String> appSecret();

        Optional<String> verifyToken();

        /** bot.json's {@code whatsappPhoneNumberId} wins. */
        Optional<String> phoneNumberId();

        /** bot.json's {@code whatsappReengagementTemplate} wins. */
        Optional<String> reengagementTemplate();

        @WithDefault("https://graph.facebook.com/v21.0")
        String apiUrl();

        @WithConverter(DurationConverter.class)

        @WithDefault("10s")
        Duration timeout();

        /** The Cloud API's default throughput: 80 messages a second. */
        @WithDefault("80")
        double ratePerSecond();

        @WithDefault("80")
        int burst();
    }

    interface Scheduling {
        @WithDefault("true")
        boolean enabled();

        /** How often every replica competes for the lease and the leader looks for due jobs. */
        @WithConverter(DurationConverter.class)
        @WithDefault("5s")
        Duration tick();

        /** At least twice the tick, so that a leader renews in time. */
        @WithConverter(DurationConverter.class)
        @WithDefault("15s")
        Duration leaseDuration();
    }

    interface Outbox {
        @WithDefault("true")
        boolean enabled();

        /** How often a replica looks for due messages when nothing woke it. */
        @WithConverter(DurationConverter.class)
        @WithDefault("250ms")
        Duration poll();

        /** The most messages one round takes. */
        @WithDefault("50")
        int batch();
    }

    /** The shop flow's settings ({@code PARLEY_SHOP_*}). */
    interface Shop {
        /** The name on the home message and receipts; the Bot's name when unset. */
        Optional<String> name();

        /** A cart left alone this long is emptied ({@code PARLEY_SHOP_CART_EXPIRY}). */
        @WithConverter(DurationConverter.class)
        @WithDefault("48h")
        Duration cartExpiry();

        /** A cart left alone this long gets its customer one reminder; {@code 0s} for none. Shorter than the expiry. */
        @WithConverter(DurationConverter.class)
        @WithDefault("6h")
        Duration cartReminder();

        /** How often the leader looks for carts to remind or empty. */
        @WithConverter(DurationConverter.class)
        @WithDefault("5m")
        Duration cartCheckEvery();
    }

    interface Ai {
        /** The model provider's key (the Bot's {@code spec.ai.apiKeySecretRef}); never logged. */
        Optional<String> apiKey();

        /** How often an invalid answer or a transient error is asked again before the rules answer instead. */
        @WithDefault("1")
        int retries();
    }

    interface Catalog {
        /** The shop's sitemap (or sitemap index), for a run without a bot.json. */
        Optional<String> sitemapUrl();

        /** A CSV or JSON feed of the catalog, for a run without a bot.json. */
        Optional<String> feedUrl();

        /** The first pause before a fetch is retried; each retry doubles it. */
        @WithConverter(DurationConverter.class)
        @WithDefault("1s")
        Duration retryBackoff();

        /** How often a failed fetch is tried again. */
        @WithDefault("3")
        int retries();

        /** Fills an empty catalog with a small demo (wines) at startup; a local run of the flow has it unless set to false. */
        Optional<Boolean> demo();

        /** Whether products are embedded for {@code /recommend} (the in-process model, after each sync). */
        @WithDefault("true")
        boolean embeddings();
    }
}
