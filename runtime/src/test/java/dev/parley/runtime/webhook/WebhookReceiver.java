package dev.parley.runtime.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.vertx.core.json.JsonObject;

/**
 * A subscriber as docs/webhooks.md tells receivers to write one, on the JDK's HTTP server: it verifies the signature
 * (its own HMAC code, not Parley's, and a timestamp at most 5 minutes old), hands each event id to its handler once,
 * and answers. At {@code /hook} it answers the first delivery of each event 500 after handling it (a receiver that
 * crashed before answering), so Parley delivers it again; at {@code /broken} it always answers 503.
 */
final class WebhookReceiver implements AutoCloseable {

    static final long TOLERANCE_SECONDS = 300;

    private final HttpServer server;
    private final String secret;
    /** Every delivery that arrived with a valid signature: its event id. */
    final List<String> deliveries = new CopyOnWriteArrayList<>();
    /** What the handler was given, once per event id, in order. */
    final List<JsonObject> handled = new CopyOnWriteArrayList<>();
    final AtomicInteger badSignatures = new AtomicInteger();
    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

    WebhookReceiver(int port, String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", this::hook);
        server.createContext("/broken", exchange -> answer(exchange, 503));
        server.start();
    }

    private void hook(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        if (!verified(exchange.getRequestHeaders().getFirst("Parley-Signature"), body)) {
            badSignatures.incrementAndGet();
            answer(exchange, 400);
            return;
        }
        String id = exchange.getRequestHeaders().getFirst("Parley-Event-Id");
        deliveries.add(id);
        boolean first = seen.putIfAbsent(id, true) == null;
        if (first) {
            handled.add(new JsonObject(body));
        }
        // Handled, then "crashed" before answering: Parley must deliver again, and the repeat is dropped above.
        answer(exchange, first ? 500 : 200);
    }

    /** {@code t=<unix seconds>,v1=<hex hmac-sha256(secret, t + "." + body)>}, not older than the tolerance. */
    private boolean verified(String header, String body) {
        if (header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) > TOLERANCE_SECONDS) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, java.util.HexFormat.of().parseHex(v1));
        } catch (Exception e) {
            return false;
        }
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
