package dev.parley.runtime.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.parley.testing.PostgresServer;
import io.vertx.core.json.JsonObject;

/**
 * The environment of packaged runtime replicas for the integration tests, as the operator would set it for bot
 * {@code shop} on Telegram, with the Bot API at a {@link FakeTelegram}; and posting updates to a replica's webhook.
 */
public final class Replicas {

    public static final String TOKEN = "987654:AAF-process-test-token";
    public static final String SECRET = "process-test-webhook-secret";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Replicas() {
    }

    public static Path jar() {
        return Path.of(System.getProperty("parley.runtimeJar", "target/quarkus-app/quarkus-run.jar"));
    }

    public static Map<String, String> env(PostgresServer postgres, String database, FakeTelegram telegram) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_BOT_NAME", "shop");
        env.put("PARLEY_DB_HOST", "localhost");
        env.put("PARLEY_DB_PORT", String.valueOf(postgres.port()));
        env.put("PARLEY_DB_NAME", database);
        env.put("PARLEY_DB_USER", PostgresServer.USER);
        env.put("PARLEY_DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("PARLEY_DB_SCHEMA", "bot_shop");
        env.put("PARLEY_TELEGRAM_TOKEN", TOKEN);
        env.put("PARLEY_TELEGRAM_WEBHOOK_SECRET", SECRET);
        env.put("PARLEY_TELEGRAM_API_URL", telegram.url());
        env.put("PARLEY_PUBLIC_URL", "https://shop.example.com");
        env.put("PARLEY_CONSOLE_ENABLED", "false");
        return env;
    }

    /** Posts a Telegram text update to a replica's webhook; the HTTP status. */
    public static int postText(String replicaUrl, int updateId, long chatId, String text) throws IOException, InterruptedException {
        JsonObject update = new JsonObject().put("update_id", updateId).put("message", new JsonObject()
                .put("message_id", updateId).put("date", 1_700_000_000)
                .put("chat", new JsonObject().put("id", chatId).put("type", "private"))
                .put("from", new JsonObject().put("id", chatId).put("is_bot", false).put("first_name", "Customer " + chatId))
                .put("text", text));
        HttpRequest request = HttpRequest.newBuilder(URI.create(replicaUrl + "/webhooks/shop/telegram"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update.encode()))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
