package dev.parley.runtime.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * What this runtime serves, from the environment the operator sets (DESIGN §2): the bot's name, its
 * {@code bot.json} ({@code PARLEY_BOT_CONFIG}, the ConfigMap's non-secret document) and the channel secrets, each
 * from its own variable. Checked once at startup: a channel that is switched on without its secret stops the
 * runtime with an error that names the missing variable.
 *
 * <p>Without {@code PARLEY_BOT_CONFIG} (run locally), a channel is on when its secret is set, and the console
 * channel is on unless {@code PARLEY_CONSOLE_ENABLED=false}.
 */
public final class BotSettings {

    private final String name;
    private final String flow;
    private final JsonObject document;
    private final String publicUrl;
    private final boolean local;
    private final boolean console;
    private final Optional<Telegram> telegram;
    private final Optional<WhatsApp> whatsapp;
    private final AiSettings ai;
    private final Duration idleExpiry;

    /** The Telegram channel: secrets and where the Bot API is. */
    public record Telegram(String token, String webhookSecret, int maxConnections, String apiUrl) {
        @Override
        public String toString() {
            return "Telegram[apiUrl=" + apiUrl + ", maxConnections=" + maxConnections + "]"; // never the secrets
        }
    }

    /** The WhatsApp Cloud API channel. */
    public record WhatsApp(String accessToken, String appSecret, String verifyToken, String phoneNumberId,
            String reengagementTemplate, String apiUrl) {
        @Override
        public String toString() {
            return "WhatsApp[phoneNumberId=" + phoneNumberId + ", apiUrl=" + apiUrl + "]";
        }
    }

    /** A setting the runtime cannot start without. */
    public static final class MissingSetting extends IllegalStateException {
        public MissingSetting(String variable, String what) {
            super("Missing setting " + variable + ": " + what + ". The operator sets it from the Bot; set it to run the runtime by hand.");
        }
    }

    public BotSettings(Config config) {
        this.name = config.getOptionalValue("parley.bot.name", String.class).orElse("local");
        Optional<String> file = config.getOptionalValue("parley.bot.config", String.class).filter(s -> !s.isBlank());
        this.document = file.map(BotSettings::read).orElseGet(JsonObject::new);
        JsonObject channels = document.getJsonObject("channels", new JsonObject());
        this.flow = config.getOptionalValue("parley.flow", String.class).filter(s -> !s.isBlank())
                .orElse(document.getString("flow", "echo"));
        this.publicUrl = config.getOptionalValue("parley.public-url", String.class).orElse(document.getString("publicUrl", ""));
        this.local = file.isEmpty();
        this.console = config.getOptionalValue("parley.console.enabled", Boolean.class).orElse(local);

        Optional<String> telegramToken = value(config, "parley.telegram.token");
        boolean telegramOn = file.isPresent() ? channels.getBoolean("telegram", false) : telegramToken.isPresent();
        this.telegram = !telegramOn ? Optional.empty() : Optional.of(new Telegram(
                telegramToken.orElseThrow(() -> new MissingSetting("PARLEY_TELEGRAM_TOKEN",
                        "the Telegram bot token (the Bot's spec.channels.telegram.tokenSecretRef)")),
                value(config, "parley.telegram.webhook-secret").orElseThrow(() -> new MissingSetting("PARLEY_TELEGRAM_WEBHOOK_SECRET",
                        "the secret Telegram sends with every webhook (spec.channels.telegram.webhookSecretTokenSecretRef)")),
                config.getOptionalValue("parley.telegram.max-connections", Integer.class).orElse(40),
                config.getOptionalValue("parley.telegram.api-url", String.class).orElse("https://api.telegram.org")));

        Optional<String> whatsappToken = value(config, "parley.whatsapp.access-token");
        boolean whatsappOn = file.isPresent() ? channels.getBoolean("whatsapp", false) : whatsappToken.isPresent();
        this.whatsapp = !whatsappOn ? Optional.empty() : Optional.of(new WhatsApp(
                whatsappToken.orElseThrow(() -> new MissingSetting("PARLEY_WHATSAPP_ACCESS_TOKEN",
                        "the WhatsApp Cloud API access token (spec.channels.whatsapp.accessTokenSecretRef)")),
                value(config, "parley.whatsapp.app-secret").orElseThrow(() -> new MissingSetting("PARLEY_WHATSAPP_APP_SECRET",
                        "the Meta app secret that signs webhooks (spec.channels.whatsapp.appSecretSecretRef)")),
                value(config, "parley.whatsapp.verify-token").orElseThrow(() -> new MissingSetting("PARLEY_WHATSAPP_VERIFY_TOKEN",
                        "the token of the webhook verification handshake (spec.channels.whatsapp.verifyTokenSecretRef)")),
                Optional.ofNullable(document.getString("whatsappPhoneNumberId")).or(() -> value(config, "parley.whatsapp.phone-number-id"))
                        .orElseThrow(() -> new MissingSetting("PARLEY_WHATSAPP_PHONE_NUMBER_ID",
                                "the WhatsApp phone number id (spec.channels.whatsapp.phoneNumberId)")),
                Optional.ofNullable(document.getString("whatsappReengagementTemplate"))
                        .or(() -> value(config, "parley.whatsapp.reengagement-template")).orElse(null),
                config.getOptionalValue("parley.whatsapp.api-url", String.class).orElse("https://graph.facebook.com/v21.0")));
        this.ai = AiSettings.from(document.getJsonObject("ai"), config);
        Integer expiryMinutes = document.getJsonObject("schedules", new JsonObject()).getInteger("sessionExpiryMinutes");
        this.idleExpiry = expiryMinutes != null ? Duration.ofMinutes(expiryMinutes)
                : value(config, "parley.sessions.idle-expiry").map(DurationConverter::parseDuration).orElse(Duration.ofHours(24));
        if (idleExpiry.isNegative() || idleExpiry.isZero()) {
            throw new IllegalStateException("The session expiry (bot.json's schedules.sessionExpiryMinutes or"
                    + " PARLEY_SESSIONS_IDLE_EXPIRY) must be positive, not " + idleExpiry);
        }
    }

    private static Optional<String> value(Config config, String property) {
        return config.getOptionalValue(property, String.class).filter(s -> !s.isBlank());
    }

    private static JsonObject read(String path) {
        try {
            return new JsonObject(Files.readString(Path.of(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bot configuration PARLEY_BOT_CONFIG=" + path, e);
        } catch (DecodeException e) {
            throw new IllegalStateException("The bot configuration PARLEY_BOT_CONFIG=" + path + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The Bot's name: the path segment of its webhooks, {@code /webhooks/{name}/...}. */
    public String name() {
        return name;
    }

    /** {@code echo}, {@code orderAgent}, {@code shop} or {@code catalogWatch}. */
    public String flow() {
        return flow;
    }

    /** The whole {@code bot.json} (empty when run without one): owners, commerce, ai, schedules. */
    public JsonObject document() {
        return document.copy();
    }

    public String publicUrl() {
        return publicUrl;
    }

    /** Where Telegram and WhatsApp deliver: {@code {publicUrl}/webhooks/{name}/{channel}}. */
    public String webhookUrl(String channel) {
        return publicUrl.replaceAll("/+$", "") + "/webhooks/" + name + "/" + channel;
    }

    /** Whether the runtime runs without a bot.json: on someone's machine rather than in a pod the operator made. */
    public boolean local() {
        return local;
    }

    public boolean consoleEnabled() {
        return console;
    }

    public Optional<Telegram> telegram() {
        return telegram;
    }

    public Optional<WhatsApp> whatsapp() {
        return whatsapp;
    }

    /**
     * How long a conversation may stay silent before it expires: the Bot's {@code spec.schedules.sessionExpiryMinutes},
     * else {@code parley.sessions.idle-expiry} (24 hours).
     */
    public Duration idleExpiry() {
        return idleExpiry;
    }

    /** How orders are understood: by rules, or by a model with the rules to fall back on. */
    public AiSettings ai() {
        return ai;
    }
}
