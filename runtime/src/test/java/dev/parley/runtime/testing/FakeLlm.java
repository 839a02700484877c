package dev.parley.runtime.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A local stand-in for a language model's HTTP API, in two wire formats:
 * <ul>
 * <li>OpenAI chat completions (https://platform.openai.com/docs/api-reference/chat): {@code POST /v1/chat/completions}
 * answered {@code {"id", "object": "chat.completion", "created", "model", "choices": [{"index": 0, "message":
 * {"role": "assistant", "content"}, "finish_reason": "stop"}], "usage": {"prompt_tokens", "completion_tokens",
 * "total_tokens"}}}, errors as {@code {"error": {"message", "type", "code"}}} with their HTTP status;</li>
 * <li>Ollama (https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion): {@code POST
 * /api/chat} answered {@code {"model", "created_at", "message": {"role": "assistant", "content"}, "done": true,
 * "done_reason": "stop", "prompt_eval_count", "eval_count"}}, errors as {@code {"error": "..."}}.</li>
 * </ul>
 * A test scripts the answers in order; the last one repeats. Every request is kept.
 */
public final class FakeLlm implements AutoCloseable {

    /** One request: its path, Authorization header (null when none) and JSON body. */
    public record Call(String path, String authorization, JsonObject body) {
    }

    /** What the server does with one request. */
    public sealed interface Answer {
    }

    /** The assistant's message content, with the token counts the provider would report. */
    public record Content(String content, int promptTokens, int completionTokens) implements Answer {
    }

    /** An HTTP error with the provider's error body. */
    public record Error(int status, String message, String type, String code) implements Answer {
    }

    /** Another answer, after a pause. */
    public record Slow(Duration delay, Answer then) implements Answer {
    }

    public static Answer content(String content) {
        return new Content(content, 120, 30);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile List<Answer> script = List.of(content("{\"items\": []}"));

    public FakeLlm() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The OpenAI-compatible base URL, with its {@code /v1}. */
    public String openAiUrl() {
        return ollamaUrl() + "/v1";
    }

    public String ollamaUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next requests with these, in order, and then the last one again. */
    public void answer(Answer... answers) {
        script = List.of(answers);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public void reset() {
        calls.clear();
        script = List.of(content("{\"items\": []}"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean openAi = path.equals("/v1/chat/completions");
            boolean ollama = path.equals("/api/chat");
            if (!exchange.getRequestMethod().equals("POST") || !openAi && !ollama) {
                respond(exchange, 404, new JsonObject().put("error", new JsonObject().put("message", "Unknown request URL: "
                        + exchange.getRequestMethod() + " " + path).put("type", "invalid_request_error").put("code", "unknown_url")));
                return;
            }
            int index;
            synchronized (calls) {
                index = calls.size();
                calls.add(new Call(path, exchange.getRequestHeaders().getFirst("Authorization"), new JsonObject(body)));
            }
            List<Answer> answers = script;
            Answer answer = answers.get(Math.min(index, answers.size() - 1));
            while (answer instanceof Slow slow) {
                try {
                    Thread.sleep(slow.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // the server is closing
                }
                answer = slow.then();
            }
            String model = new JsonObject(body).getString("model");
            if (answer instanceof Error error) {
                respond(exchange, error.status(), openAi
                        ? new JsonObject().put("error", new JsonObject().put("message", error.message()).put("type", error.type()).put("code", error.code()))
                        : new JsonObject().put("error", error.message()));
            } else if (answer instanceof Content content) {
                respond(exchange, 200, openAi ? chatCompletion(model, content) : ollamaChat(model, content));
            }
        }
    }

    private JsonObject chatCompletion(String model, Content content) {
        return new JsonObject()
                .put("id", "chatcmpl-" + ids.incrementAndGet())
                .put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond())
                .put("model", model)
                .put("choices", new JsonArray().add(new JsonObject()
                        .put("index", 0)
                        .put("message", new JsonObject().put("role", "assistant").put("content", content.content()))
                        .put("finish_reason", "stop")))
                .put("usage", new JsonObject()
                        .put("prompt_tokens", content.promptTokens())
                        .put("completion_tokens", content.completionTokens())
                        .put("total_tokens", content.promptTokens() + content.completionTokens()));
    }

    private static JsonObject ollamaChat(String model, Content content) {
        return new JsonObject()
                .put("model", model)
                .put("created_at", Instant.now().toString())
                .put("message", new JsonObject().put("role", "assistant").put("content", content.content()))
                .put("done", true)
                .put("done_reason", "stop")
                .put("prompt_eval_count", content.promptTokens())
                .put("eval_count", content.completionTokens());
    }

    private static void respond(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.encode().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public synchronized void close() {
        if (executor.isShutdown()) {
            return; // a test may close it early, to be unreachable
        }
        server.stop(0);
        executor.shutdownNow(); // wakes a Slow answer still sleeping
    }
}
