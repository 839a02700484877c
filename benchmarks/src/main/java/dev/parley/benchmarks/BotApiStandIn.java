package dev.parley.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the Telegram Bot API ({@code POST /bot<token>/<method>}): answers every call
 * {@code {"ok":true,"result":<a message>}}, so that sendMessage succeeds and the outbox marks its rows SENT.
 */
final class BotApiStandIn implements AutoCloseable {

    private static final Pattern CHAT_ID = Pattern.compile("\"chat_id\"\\s*:\\s*\"?(-?\\d+)");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final AtomicLong messageIds = new AtomicLong();
    private final LongAdder sends = new LongAdder();

    BotApiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long sends() {
        return sends.sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (exchange.getRequestURI().getPath().endsWith("/sendMessage")) {
            sends.increment();
        }
        Matcher chat = CHAT_ID.matcher(body);
        byte[] answer = "{\"ok\":true,\"result\":{\"message_id\":%d,\"chat\":{\"id\":%s},\"date\":0}}"
                .formatted(messageIds.incrementAndGet(), chat.find() ? chat.group(1) : "0").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (var out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
