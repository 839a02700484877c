package dev.parley.runtime.channel.telegram;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.jboss.logging.Logger;

import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.scheduling.ScheduledJob;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A leader-elected job: makes Telegram's webhook the bot's ({@code setWebhook} with the secret token, the allowed
 * updates and {@code max_connections}) and checks it with {@code getWebhookInfo}. It runs when a leader starts
 * with a registration it has not made yet (its period names a digest of the wanted settings) and every ten minutes
 * after, so a webhook changed by hand comes back. It only calls {@code setWebhook} when the info differs; it logs
 * Telegram's {@code last_error_message}, the way a failing delivery shows.
 */
@Singleton
public class WebhookRegistration implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(WebhookRegistration.class);
    private static final long EVERY_SECONDS = 600;

    private final TelegramClient client;
    private final String url;
    private final String secret;
    private final int maxConnections;
    private final String digest;

    public WebhookRegistration(TelegramChannel telegram, BotSettings settings) {
        this.client = telegram.client().orElse(null);
        this.url = settings.webhookUrl(TelegramUpdates.CHANNEL);
        this.secret = settings.telegram().map(BotSettings.Telegram::webhookSecret).orElse("");
        this.maxConnections = settings.telegram().map(BotSettings.Telegram::maxConnections).orElse(0);
        this.digest = digest(url + "|" + secret + "|" + maxConnections + "|" + TelegramClient.ALLOWED_UPDATES);
    }

    /** Only a bot with the Telegram channel has a webhook to register. */
    @Override
    public boolean enabled() {
        return client != null;
    }

    @Override
    public String name() {
        return "telegram-webhook";
    }

    @Override
    public String period(Instant now) {
        return digest + "@" + Instant.ofEpochSecond(now.getEpochSecond() / EVERY_SECONDS * EVERY_SECONDS);
    }

    @Override
    public Uni<Void> run(SqlConnection connection) {
        return client.getWebhookInfo().flatMap(info -> {
            if (info.ok() && matches(info.body().getJsonObject("result", new JsonObject()))) {
                logErrors(info.body().getJsonObject("result"));
                return Uni.createFrom().voidItem();
            }
            return client.setWebhook(url, secret, maxConnections).flatMap(set -> {
                if (!set.ok()) {
                    return Uni.createFrom().failure(new IllegalStateException("setWebhook refused: " + set.description()));
                }
                LOG.infof("registered the Telegram webhook %s", url);
                return client.getWebhookInfo().invoke(check -> {
                    if (!check.ok() || !matches(check.body().getJsonObject("result", new JsonObject()))) {
                        LOG.warnf("getWebhookInfo does not show the webhook just set: %s", check.body().encode());
                    }
                }).replaceWithVoid();
            });
        });
    }

    /** The secret token is never shown by getWebhookInfo; the digest in the period covers a change of it. */
    boolean matches(JsonObject info) {
        JsonArray allowed = info.getJsonArray("allowed_updates", new JsonArray());
        return url.equals(info.getString("url")) && maxConnections == info.getInteger("max_connections", -1)
                && allowed.size() == TelegramClient.ALLOWED_UPDATES.size()
                && List.copyOf(allowed.getList()).containsAll(TelegramClient.ALLOWED_UPDATES);
    }

    private static void logErrors(JsonObject info) {
        if (info != null && info.getString("last_error_message") != null) {
            LOG.warnf("Telegram reports webhook delivery errors: %s (%d updates pending)",
                    info.getString("last_error_message"), info.getInteger("pending_update_count", 0));
        }
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
