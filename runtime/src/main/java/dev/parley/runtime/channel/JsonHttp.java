package dev.parley.runtime.channel;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.BiFunction;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** The calls channels make to their HTTP APIs (Telegram's Bot API, WhatsApp's Graph API), which answer in JSON. */
public final class JsonHttp {

    private JsonHttp() {
    }

    /**
     * Sends {@code request} and hands its status and body to {@code answer}. A 4xx or 5xx is an answer, not a
     * failure: only a network failure or a timeout fails the {@code Uni}. A body that is not a JSON object (an HTML
     * error page from a proxy, say) is handed over as {@code {}}.
     */
    public static <A> Uni<A> send(HttpClient http, HttpRequest request, BiFunction<Integer, JsonObject, A> answer) {
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(response -> answer.apply(response.statusCode(), json(response.body())));
    }

    private static JsonObject json(String body) {
        try {
            return new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            return new JsonObject();
        }
    }
}
