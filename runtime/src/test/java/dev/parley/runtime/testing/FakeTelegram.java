package dev.parley.runtime.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A local stand-in for the Telegram Bot API (https://core.telegram.org/bots/api): {@code POST /bot<token>/<method>}
 * with a JSON or {@code multipart/form-data} body, answered {@code {"ok":true,"result":...}} the way Telegram does.
 * It keeps the webhook set by {@code setWebhook} and reports it from {@code getWebhookInfo}; send methods return a
 * message with a fresh {@code message_id}. {@code editMessageText} edits only a text message this server sent to that
 * chat, and answers as Telegram does otherwise (400 "message to edit not found", "there is no text in the message
 * to edit", "message is not modified"). A test can replace the answer of any method.
 */
public final class FakeTelegram implements AutoCloseable {

    /** One request as Telegram would have seen it. */
    public record Call(String token, String method, JsonObject body, Map<String, byte[]> files, long nanoTime) {
    }

    /** An answer: HTTP status and JSON body. */
    public record Answer(int status, JsonObject body) {
        public static Answer ok(Object result) {
            return new Answer(200, new JsonObject().put("ok", true).put("result", result));
        }

        public static Answer error(int status, String description, JsonObject parameters) {
            JsonObject body = new JsonObject().put("ok", false).put("error_code", status).put("description", description);
            if (parameters != null) {
                body.put("parameters", parameters);
            }
            return new Answer(status, body);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Call, Answer>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger(100);
    /** What each sent message is: chat, kind ({@code text}, {@code photo}, {@code document}) and its current text. */
    private final Map<Integer, JsonObject> messages = new ConcurrentHashMap<>();
    /** The message id each send call was answered with. */
    private final Map<Call, Integer> assigned = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private volatile JsonObject webhook = new JsonObject().put("url", "").put("has_custom_certificate", false).put("pending_update_count", 0);

    public FakeTelegram() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method} with {@code answer} from now on. */
    public void answer(String method, Function<Call, Answer> answer) {
        answers.put(method, answer);
    }

    public void reset() {
        calls.clear();
        answers.clear();
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The {@code message_id} a send call was answered with (an edit keeps the id it names). */
    public int messageIdOf(Call call) {
        Integer id = assigned.get(call);
        return id != null ? id : call.body().getInteger("message_id", -1);
    }

    /** Every call that put something on the chat's screen (sent or edited), in order. */
    public List<Call> screensTo(String chatId) {
        return calls.stream().filter(c -> (c.method().startsWith("send") || c.method().equals("editMessageText"))
                && chatId.equals(c.body().getString("chat_id"))).toList();
    }

    /** The {@code sendMessage}, {@code sendPhoto} and {@code sendDocument} calls to one chat, in order. */
    public List<Call> sentTo(String chatId) {
        return calls.stream().filter(c -> c.method().startsWith("send") && chatId.equals(c.body().getString("chat_id"))).toList();
    }

    public List<String> textsTo(String chatId) {
        return sentTo(chatId).stream().map(c -> c.body().getString("text", c.body().getString("caption"))).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        JsonObject body = contentType.startsWith("multipart/form-data") ? multipart(raw, contentType, files)
                : raw.length == 0 ? new JsonObject() : new JsonObject(new String(raw, StandardCharsets.UTF_8));
        if (path.length != 3 || !path[1].startsWith("bot")) {
            respond(exchange, Answer.error(404, "Not Found", null));
            return;
        }
        Call call = new Call(path[1].substring(3), path[2], body, files, System.nanoTime());
        calls.add(call);
        Function<Call, Answer> custom = answers.get(call.method());
        respond(exchange, custom != null ? custom.apply(call) : defaultAnswer(call));
    }

    private Answer defaultAnswer(Call call) {
        switch (call.method()) {
            case "sendMessage", "sendDocument", "sendPhoto" -> {
                int id = messageIds.incrementAndGet();
                assigned.put(call, id);
                String kind = call.method().equals("sendMessage") ? "text" : call.method().equals("sendPhoto") ? "photo" : "document";
                messages.put(id, new JsonObject().put("chat", call.body().getString("chat_id")).put("kind", kind)
                        .put("text", call.body().getString("text", "")).put("markup", String.valueOf(call.body().getValue("reply_markup"))));
                return Answer.ok(message(call, id));
            }
            case "editMessageText" -> {
                JsonObject sent = messages.get(call.body().getInteger("message_id", -1));
                if (sent == null || !sent.getString("chat").equals(call.body().getString("chat_id"))) {
                    return Answer.error(400, "Bad Request: message to edit not found", null);
                }
                if (!sent.getString("kind").equals("text")) {
                    return Answer.error(400, "Bad Request: there is no text in the message to edit", null);
                }
                String markup = String.valueOf(call.body().getValue("reply_markup"));
                if (sent.getString("text").equals(call.body().getString("text")) && sent.getString("markup").equals(markup)) {
                    return Answer.error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly"
                            + " the same as a current content and reply markup of the message", null);
                }
                sent.put("text", call.body().getString("text")).put("markup", markup);
                return Answer.ok(message(call, call.body().getInteger("message_id")));
            }
            case "setWebhook" -> {
                webhook = new JsonObject().put("url", call.body().getString("url")).put("has_custom_certificate", false)
                        .put("pending_update_count", 0).put("max_connections", call.body().getInteger("max_connections", 40))
                        .put("allowed_updates", call.body().getJsonArray("allowed_updates", new JsonArray()));
                return Answer.ok(true);
            }
            case "getWebhookInfo" -> {
                return Answer.ok(webhook.copy());
            }
            default -> {
                return Answer.ok(true);
            }
        }
    }

    private static JsonObject message(Call call, int id) {
        JsonObject message = new JsonObject().put("message_id", id)
                .put("chat", new JsonObject().put("id", Long.parseLong(call.body().getString("chat_id"))).put("type", "private"))
                .put("date", System.currentTimeMillis() / 1000);
        if (call.body().getString("text") != null) {
            message.put("text", call.body().getString("text"));
        }
        return message;
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().encode().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Text fields into the JSON object, file parts into {@code files}: enough of RFC 7578 for the Bot API's uploads. */
    static JsonObject multipart(byte[] raw, String contentType, Map<String, byte[]> files) {
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + "boundary=".length()).replace("\"", "");
        String text = new String(raw, StandardCharsets.ISO_8859_1); // one char per byte, so offsets are byte offsets
        JsonObject fields = new JsonObject();
        List<String> parts = new ArrayList<>(List.of(text.split(java.util.regex.Pattern.quote(boundary))));
        for (String part : parts) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headerEnd);
            String content = part.substring(headerEnd + 4, part.length() - 2); // without the trailing CRLF
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            if (!name.find()) {
                continue;
            }
            if (headers.contains("filename=")) {
                files.put(name.group(1), content.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                fields.put(name.group(1), new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
