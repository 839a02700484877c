package dev.parley.runtime.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What this runtime serves: the settings of {@link RuntimeConfig} (the environment the operator sets) and the Bot's
 * {@code bot.json} ({@code PARLEY_BOT_CONFIG}, the ConfigMap's non-secret document; its shape is in
 * docs/architecture.md). Checked once at startup: a channel that is switched on without its secret stops the
 * runtime with an error that names the missing variable.
 *
 * <p>Every section of {@code bot.json} is optional, and the operator writes an absent one as {@code null}: both read
 * as the section's defaults. Without {@code PARLEY_BOT_CONFIG} (run locally), a channel is on when its secret is
 * set, and the console channel is on unless {@code PARLEY_CONSOLE_ENABLED=false}.
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

    public BotSettings(RuntimeConfig config) {
        this.name = config.bot().name();
        Optional<String> file = config.bot().config().filter(s -> !s.isBlank());
        this.document = file.map(BotSettings::read).orElseGet(JsonObject::new);
        JsonObject channels = section(document, "channels");
        this.flow = config.flow().filter(s -> !s.isBlank()).orElseGet(() -> text(document, "flow").orElse("echo"));
        this.publicUrl = config.publicUrl().filter(s -> !s.isBlank()).orElseGet(() -> text(document, "publicUrl").orElse(""));
        this.local = file.isEmpty();
        this.console = config.consoleEnabled().orElse(local);

        RuntimeConfig.Telegram tg = config.telegram();
        Optional<String> telegramToken = tg.token().filter(s -> !s.isBlank());
        boolean telegramOn = file.isPresent() ? Boolean.TRUE.equals(channels.getValue("telegram")) : telegramToken.isPresent();
        this.telegram = !telegramOn ? Optional.empty() : Optional.of(new Telegram(
                telegramToken.orElseThrow(() -> new MissingSetting("PARLEY_TELEGRAM_TOKEN",
                        "the Telegram bot token (the Bot's spec.channels.telegram.tokenSecretRef)")),
                tg.webhookSecret().filter(s -> !s.isBlank()).orElseThrow(() -> new MissingSetting("PARLEY_TELEGRAM_WEBHOOK_SECRET",
                        "the secret Telegram sends with every webhook (spec.channels.telegram.webhookSecretTokenSecretRef)")),
                tg.maxConnections(), tg.apiUrl()));

        RuntimeConfig.WhatsApp wa = config.whatsapp();
        Optional<String> whatsappToken = wa.accessToken().filter(s -> !s.isBlank());
        boolean whatsappOn = file.isPresent() ? Boolean.TRUE.equals(channels.getValue("whatsapp")) : whatsappToken.isPresent();
        this.whatsapp = !whatsappOn ? Optional.empty() : Optional.of(new WhatsApp(
                whatsappToken.orElseThrow(() -> new MissingSetting("PARLEY_WHATSAPP_ACCESS_TOKEN",
                        "the WhatsApp Cloud API access token (spec.channels.whatsapp.accessTokenSecretRef)")),
                wa.appSecret().filter(s -> !s.isBlank()).orElseThrow(() -> new MissingSetting("PARLEY_WHATSAPP_APP_SECRET",
                        "the Meta app secret that signs webhooks (spec.channels.whatsapp.appSecretSecretRef)")),
                wa.verifyToken().filter(s -> !s.isBlank()).orElseThrow(() -> new MissingSetting("PARLEY_WHATSAPP_VERIFY_TOKEN",
                        "the token of the webhook verification handshake (spec.channels.whatsapp.verifyTokenSecretRef)")),
                text(document, "whatsappPhoneNumberId").or(() -> wa.phoneNumberId().filter(s -> !s.isBlank()))
                        .orElseThrow(() -> new MissingSetting("PARLEY_WHATSAPP_PHONE_NUMBER_ID",
                                "the WhatsApp phone number id (spec.channels.whatsapp.phoneNumberId)")),
                text(document, "whatsappReengagementTemplate").or(() -> wa.reengagementTemplate().filter(s -> !s.isBlank())).orElse(null),
                wa.apiUrl()));
        this.ai = AiSettings.from(document.getValue("ai") instanceof JsonObject ai ? ai : null, config.ai());
        Object expiryMinutes = section(document, "schedules").getValue("sessionExpiryMinutes");
        this.idleExpiry = expiryMinutes instanceof Number minutes ? Duration.ofMinutes(minutes.longValue()) : config.sessionExpiry().idleAfter();
        if (idleExpiry.isNegative() || idleExpiry.isZero()) {
            throw new IllegalStateException("The session expiry (bot.json's schedules.sessionExpiryMinutes or"
                    + " PARLEY_SESSION_EXPIRY_IDLE_AFTER) must be positive, not " + idleExpiry);
        }
    }

    /**
     * A section of bot.json: the object, or an empty one when the section is absent or {@code null} (the operator
     * writes an optional part of the Bot that is not set as {@code null}).
     */
    public static JsonObject section(JsonObject document, String name) {
        Object value = document.getValue(name);
        if (value == null) {
            return new JsonObject();
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new IllegalStateException("bot.json's " + name + " must be an object, not " + value);
    }

    /** A list of bot.json: the array, or an empty one when it is absent or {@code null}. */
    public static JsonArray list(JsonObject document, String name) {
        Object value = document.getValue(name);
        if (value == null) {
            return new JsonArray();
        }
        if (value instanceof JsonArray array) {
            return array;
        }
        throw new IllegalStateException("bot.json's " + name + " must be a list, not " + value);
    }

    /** A text field of bot.json, empty when absent, null or blank. */
    public static Optional<String> text(JsonObject object, String name) {
        Object value = object.getValue(name);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value)).filter(s -> !s.isBlank());
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
     * else {@code parley.session-expiry.idle-after} (24 hours).
     */
    public Duration idleExpiry() {
        return idleExpiry;
    }

    /** How orders are understood: by rules, or by a model with the rules to fall back on. */
    public AiSettings ai() {
        return ai;
    }
}
