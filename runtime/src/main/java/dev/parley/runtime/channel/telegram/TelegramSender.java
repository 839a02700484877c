package dev.parley.runtime.channel.telegram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.parley.runtime.conversation.OutboundMessage;
import dev.parley.runtime.outbox.ChannelSender;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Sends outbox messages with the Telegram Bot API's {@code sendMessage}: text, and buttons as an inline keyboard
 * (one button a row, its id as {@code callback_data}). Telegram's answer decides what the outbox does: {@code ok}
 * is sent; a 429 comes back with {@code parameters.retry_after}; other 4xx (a chat that blocked the bot, a chat
 * that does not exist) can never succeed; 5xx and network failures are retried. The token is part of the URL, so
 * no URL ever goes into a reason.
 */
public final class TelegramSender implements ChannelSender {

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    /**
     * @param apiUrl {@code https://api.telegram.org}, or a local server in tests
     * @param token  the bot's token
     */
    public TelegramSender(String apiUrl, String token, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.base = URI.create(apiUrl.replaceAll("/+$", "") + "/bot" + token + "/");
        this.timeout = timeout;
    }

    @Override
    public String channel() {
        return "telegram";
    }

    @Override
    public Uni<Result> send(String chatId, OutboundMessage message) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("sendMessage"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sendMessage(chatId, message).encode()))
                .build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(TelegramSender::outcome)
                .onFailure().recoverWithItem(e -> new Retry("Telegram not reachable: " + e.getClass().getSimpleName(), null));
    }

    static JsonObject sendMessage(String chatId, OutboundMessage message) {
        JsonObject body = new JsonObject().put("chat_id", chatId).put("text", message.text());
        if (!message.buttons().isEmpty()) {
            JsonArray rows = new JsonArray();
            message.buttons().forEach(b -> rows.add(new JsonArray().add(new JsonObject().put("text", b.label()).put("callback_data", b.id()))));
            body.put("reply_markup", new JsonObject().put("inline_keyboard", rows));
        }
        return body;
    }

    static Result outcome(HttpResponse<String> response) {
        JsonObject body;
        try {
            body = new JsonObject(response.body());
        } catch (DecodeException e) {
            body = new JsonObject(); // an HTML error page from a proxy, say
        }
        int status = response.statusCode();
        String description = body.getString("description", "HTTP " + status);
        if (status == 200 && body.getBoolean("ok", false)) {
            return new Sent();
        }
        if (status == 429) {
            Integer retryAfter = body.getJsonObject("parameters", new JsonObject()).getInteger("retry_after");
            return new Retry(description, retryAfter == null ? null : Duration.ofSeconds(retryAfter));
        }
        if (status >= 400 && status < 500) {
            return new Failed(status + " " + description);
        }
        return new Retry(status + " " + description, null);
    }
}
