package dev.parley.runtime.channel.telegram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import dev.parley.runtime.channel.JsonHttp;
import dev.parley.runtime.channel.Multipart;
import dev.parley.runtime.message.OutboundMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The Bot API calls the runtime makes ({@code https://core.telegram.org/bots/api}): JSON bodies, except
 * {@code sendDocument}, which uploads the file as {@code multipart/form-data}. Every answer comes back as an
 * {@link Answer} (HTTP status and Telegram's JSON), never as an exception for a 4xx or 5xx. The token is part of
 * the URL, so no URL ever goes into an answer or a log line.
 */
public final class TelegramClient {

    /** The update types the bot asks for; the rest are not delivered at all. */
    public static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query");

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    /**
     * @param apiUrl {@code https://api.telegram.org}, or a local server in tests
     * @param token  the bot's token
     */
    public TelegramClient(String apiUrl, String token, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.base = URI.create(apiUrl.replaceAll("/+$", "") + "/bot" + token + "/");
        this.timeout = timeout;
    }

    /** Telegram's answer to one call. */
    public record Answer(int status, JsonObject body) {

        public boolean ok() {
            return status == 200 && body.getBoolean("ok", false);
        }

        public String description() {
            return body.getString("description", "HTTP " + status);
        }

        /** {@code parameters.retry_after} of a 429, in seconds, or null. */
        public Integer retryAfter() {
            return body.getJsonObject("parameters", new JsonObject()).getInteger("retry_after");
        }
    }

    public Uni<Answer> sendMessage(String chatId, String text, List<OutboundMessage.Button> buttons) {
        return sendMessage(chatId, text, buttons, OutboundMessage.Display.PLAIN);
    }

    /**
     * {@code sendMessage} displayed as {@code display} says: its menu as a persistent reply keyboard (when the message
     * has no inline buttons: a message carries one {@code reply_markup}), links without a preview.
     */
    public Uni<Answer> sendMessage(String chatId, String text, List<OutboundMessage.Button> buttons, OutboundMessage.Display display) {
        JsonObject body = new JsonObject().put("chat_id", chatId).put("text", text);
        if (!buttons.isEmpty()) {
            body.put("reply_markup", inlineKeyboard(buttons));
        } else if (!display.menu().isEmpty()) {
            body.put("reply_markup", replyKeyboard(display.menu()));
        }
        if (display.noLinkPreview()) {
            body.put("link_preview_options", new JsonObject().put("is_disabled", true));
        }
        return call("sendMessage", body);
    }

    /** A photo by URL (Telegram fetches it), with the text as its caption and the buttons under it. */
    public Uni<Answer> sendPhoto(String chatId, String photoUrl, String caption, List<OutboundMessage.Button> buttons) {
        JsonObject body = new JsonObject().put("chat_id", chatId).put("photo", photoUrl);
        if (caption != null && !caption.isBlank()) {
            body.put("caption", caption);
        }
        if (!buttons.isEmpty()) {
            body.put("reply_markup", inlineKeyboard(buttons));
        }
        return call("sendPhoto", body);
    }

    /** Replaces a sent message's text and keyboard (no buttons: the keyboard goes). */
    public Uni<Answer> editMessageText(String chatId, long messageId, String text, List<OutboundMessage.Button> buttons) {
        JsonObject body = new JsonObject().put("chat_id", chatId).put("message_id", messageId).put("text", text);
        body.put("reply_markup", buttons.isEmpty() ? new JsonObject().put("inline_keyboard", new JsonArray()) : inlineKeyboard(buttons));
        return call("editMessageText", body);
    }

    /** Stops the client's progress indicator on a pressed button; {@code text}, if any, shows as a notification. */
    public Uni<Answer> answerCallbackQuery(String callbackQueryId, String text) {
        JsonObject body = new JsonObject().put("callback_query_id", callbackQueryId);
        if (text != null) {
            body.put("text", text);
        }
        return call("answerCallbackQuery", body);
    }

    public Uni<Answer> sendDocument(String chatId, OutboundMessage.Document document, String caption, List<OutboundMessage.Button> buttons) {
        Multipart form = new Multipart().field("chat_id", chatId);
        if (caption != null && !caption.isBlank()) {
            form.field("caption", caption);
        }
        if (!buttons.isEmpty()) {
            form.field("reply_markup", inlineKeyboard(buttons).encode());
        }
        form.file("document", document.fileName(), document.mediaType(), document.content());
        HttpRequest request = HttpRequest.newBuilder(base.resolve("sendDocument"))
                .timeout(timeout)
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArrays(form.end()))
                .build();
        return send(request);
    }

    public Uni<Answer> setWebhook(String url, String secretToken, int maxConnections) {
        return call("setWebhook", new JsonObject().put("url", url).put("secret_token", secretToken)
                .put("allowed_updates", new JsonArray(ALLOWED_UPDATES)).put("max_connections", maxConnections)
                .put("drop_pending_updates", false));
    }

    public Uni<Answer> getWebhookInfo() {
        return call("getWebhookInfo", new JsonObject());
    }

    Uni<Answer> call(String method, JsonObject body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(method))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                .build();
        return send(request);
    }

    private Uni<Answer> send(HttpRequest request) {
        return JsonHttp.send(http, request, Answer::new);
    }

    /** A menu that stays under the chat until replaced: each label is sent as the customer's text when pressed. */
    static JsonObject replyKeyboard(List<List<String>> rows) {
        JsonArray keyboard = new JsonArray();
        rows.forEach(row -> keyboard.add(new JsonArray(row.stream().map(label -> (Object) new JsonObject().put("text", label)).toList())));
        return new JsonObject().put("keyboard", keyboard).put("is_persistent", true).put("resize_keyboard", true);
    }

    static JsonObject inlineKeyboard(List<OutboundMessage.Button> buttons) {
        JsonArray rows = new JsonArray();
        buttons.forEach(b -> rows.add(new JsonArray().add(new JsonObject().put("text", b.label()).put("callback_data", b.id()))));
        return new JsonObject().put("inline_keyboard", rows);
    }
}
