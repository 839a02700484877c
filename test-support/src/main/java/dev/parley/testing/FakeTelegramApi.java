package dev.parley.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the Telegram Bot API served from the host, on the address pods reach the host at: {@code POST
 * /bot<token>/<method>} answered {@code {"ok":true,"result":...}} as Telegram does (JSON bodies; a multipart body is
 * recorded without its fields). Keeps {@code setWebhook} for {@code getWebhookInfo}. Only what a runtime pod sends
 * to Telegram is needed here; the runtime's own tests have the full fake.
 */
public final class FakeTelegramApi implements AutoCloseable {

    public record Call(String token, String method, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "fake-telegram");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger messageIds = new AtomicInteger(100);
    private volatile String webhookUrl = "";

    public FakeTelegramApi(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL a runtime pod is given as {@code PARLEY_TELEGRAM_API_URL}. */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The sendMessage calls to one chat. */
    public List<Call> messagesTo(long chatId) {
        return calls("sendMessage").stream().filter(c -> c.body().path("chat_id").asLong() == chatId).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();   // /bot<token>/<method>
            String[] parts = path.split("/");
            if (parts.length != 3 || !parts[1].startsWith("bot")) {
                respond(exchange, 404, JSON.createObjectNode().put("ok", false).put("error_code", 404).put("description", "Not Found"));
                return;
            }
            byte[] raw = in.readAllBytes();
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            JsonNode body = type.startsWith("application/json") && raw.length > 0 ? JSON.readTree(raw) : JSON.createObjectNode();
            String method = parts[2];
            calls.add(new Call(parts[1].substring(3), method, body));
            ObjectNode answer = JSON.createObjectNode().put("ok", true);
            switch (method) {
                case "setWebhook" -> {
                    webhookUrl = body.path("url").asText("");
                    answer.put("result", true);
                }
                case "deleteWebhook" -> {
                    webhookUrl = "";
                    answer.put("result", true);
                }
                case "getWebhookInfo" -> answer.putObject("result").put("url", webhookUrl)
                        .put("has_custom_certificate", false).put("pending_update_count", 0);
                case "getMe" -> answer.putObject("result").put("id", 1).put("is_bot", true).put("first_name", "Parley")
                        .put("username", "parley_e2e_bot");
                default -> {
                    ObjectNode message = answer.putObject("result");
                    message.put("message_id", messageIds.incrementAndGet()).put("date", System.currentTimeMillis() / 1000);
                    message.putObject("chat").put("id", body.path("chat_id").asLong()).put("type", "private");
                    if (body.has("text")) {
                        message.put("text", body.path("text").asText());
                    }
                }
            }
            respond(exchange, 200, answer);
        }
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
