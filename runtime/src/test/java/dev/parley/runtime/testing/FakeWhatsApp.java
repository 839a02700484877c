package dev.parley.runtime.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A local stand-in for the WhatsApp Cloud API's Graph endpoints the runtime calls, speaking their wire format
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/reference): {@code POST /v21.0/{phone-number-id}/messages}
 * with a JSON body, answered {@code {"messaging_product":"whatsapp","contacts":[...],"messages":[{"id":"wamid..."}]}},
 * and {@code POST /v21.0/{phone-number-id}/media} with {@code multipart/form-data}, answered {@code {"id":"..."}}. A
 * wrong bearer token is answered 401 with Graph's error 190, an unknown path 400 with error 100, as Meta does.
 *
 * <p>It records every request (path, headers, the JSON or the multipart parts); {@link #answerNext} sets what the
 * next calls of an endpoint are answered instead of the default success.
 */
public final class FakeWhatsApp implements AutoCloseable {

    public static final String TOKEN = "EAAG-fake-access-token-0123456789";
    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final String VERSION = "v21.0";

    /** One request as received. */
    public record Request(String method, String path, Map<String, List<String>> headers, JsonObject json, List<Part> parts) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public Part part(String name) {
            return parts.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no part " + name));
        }

        public boolean isMessage() {
            return path.endsWith("/messages");
        }
    }

    /** One part of a {@code multipart/form-data} body. */
    public record Part(String name, String fileName, String contentType, byte[] content) {

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private record Answer(int status, String body) {
    }

    private static final Pattern ENDPOINT = Pattern.compile("/" + VERSION + "/([^/]+)/(messages|media)");

    private final HttpServer server;
    private final String token;
    private final String phoneNumberId;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> next = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    public FakeWhatsApp(String token, String phoneNumberId) {
        this.token = token;
        this.phoneNumberId = phoneNumberId;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake WhatsApp server", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public FakeWhatsApp() {
        this(TOKEN, PHONE_NUMBER_ID);
    }

    /** What {@code parley.whatsapp.api-url} is set to. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + VERSION;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The messages sent to one phone, in order. */
    public List<JsonObject> messagesTo(String phone) {
        return requests.stream().filter(r -> r.isMessage() && r.json() != null && phone.equals(r.json().getString("to")))
                .map(Request::json).toList();
    }

    /**
     * Answers the next call of {@code endpoint} ({@code messages} or {@code media}) with this status and body; calls
     * after the ones set are answered with success again.
     */
    public FakeWhatsApp answerNext(String endpoint, int status, String body) {
        next.computeIfAbsent(endpoint, e -> new ConcurrentLinkedDeque<>()).add(new Answer(status, body));
        return this;
    }

    /** A Graph API error body. */
    public static String error(int code, String message) {
        return new JsonObject().put("error", new JsonObject().put("message", message).put("type", "OAuthException")
                .put("code", code).put("fbtrace_id", "AbCdEfGhIjK")).encode();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean multipart = contentType != null && contentType.startsWith("multipart/form-data");
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()),
                multipart || body.length == 0 ? null : new JsonObject(new String(body, StandardCharsets.UTF_8)),
                multipart ? parts(contentType, body) : List.of());
        requests.add(request);

        Matcher endpoint = ENDPOINT.matcher(request.path());
        Answer answer;
        if (!("Bearer " + token).equals(request.header("Authorization"))) {
            answer = new Answer(401, error(190, "Invalid OAuth access token - Cannot parse access token"));
        } else if (!"POST".equals(request.method()) || !endpoint.matches() || !endpoint.group(1).equals(phoneNumberId)) {
            answer = new Answer(400, error(100, "Unsupported post request. Object with ID '" + request.path() + "' does not exist"));
        } else {
            Answer queued = next.getOrDefault(endpoint.group(2), new ConcurrentLinkedDeque<>()).poll();
            answer = queued != null ? queued : success(endpoint.group(2), request);
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Answer success(String endpoint, Request request) {
        if (endpoint.equals("media")) {
            return new Answer(200, new JsonObject().put("id", "media-" + ids.incrementAndGet()).encode());
        }
        String to = request.json() == null ? null : request.json().getString("to");
        return new Answer(200, new JsonObject().put("messaging_product", "whatsapp")
                .put("contacts", new JsonArray().add(new JsonObject().put("input", to).put("wa_id", to)))
                .put("messages", new JsonArray().add(new JsonObject().put("id", "wamid.fake-" + ids.incrementAndGet()))).encode());
    }

    /** Splits a {@code multipart/form-data} body (RFC 7578) into its parts; ISO-8859-1 keeps every byte as it is. */
    private static List<Part> parts(String contentType, byte[] body) {
        String boundary = contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        for (String section : text.split(Pattern.quote("--" + boundary))) {
            if (!section.startsWith("\r\n")) {
                continue; // the preamble, and the "--" after the closing delimiter
            }
            int split = section.indexOf("\r\n\r\n");
            String headers = section.substring(2, split);
            String content = section.substring(split + 4, section.length() - 2); // the CRLF before the next delimiter
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            Matcher fileName = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
            Matcher type = Pattern.compile("(?i)Content-Type: *([^\r\n]+)").matcher(headers);
            parts.add(new Part(name.find() ? name.group(1) : null, fileName.find() ? fileName.group(1) : null,
                    type.find() ? type.group(1).trim() : null, content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }

    /**
     * Starts a fake for a {@code @QuarkusTest}, points {@code parley.whatsapp.api-url} at it and injects it into the
     * test's {@code FakeWhatsApp} field. The access token and phone number id are {@link #TOKEN} and
     * {@link #PHONE_NUMBER_ID}.
     */
    public static final class Resource implements QuarkusTestResourceLifecycleManager {

        private FakeWhatsApp fake;

        @Override
        public Map<String, String> start() {
            fake = new FakeWhatsApp();
            return Map.of("parley.whatsapp.api-url", fake.apiUrl());
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(fake, new TestInjector.MatchesType(FakeWhatsApp.class));
        }

        @Override
        public void stop() {
            if (fake != null) {
                fake.close();
            }
        }
    }
}
