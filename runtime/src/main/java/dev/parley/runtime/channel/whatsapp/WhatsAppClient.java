package dev.parley.runtime.channel.whatsapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

import dev.parley.runtime.channel.JsonHttp;
import dev.parley.runtime.channel.Multipart;
import dev.parley.runtime.message.OutboundMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The two WhatsApp Cloud API calls the runtime makes on its phone number
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/reference): {@code POST /{phone-number-id}/messages}
 * (JSON) and {@code POST /{phone-number-id}/media} ({@code multipart/form-data}). Every answer comes back as an
 * {@link Answer} (HTTP status and the Graph API's JSON), never as an exception for a 4xx or 5xx. The access token
 * travels only in the {@code Authorization} header, never in a URL, an answer or a log line.
 */
public final class WhatsAppClient {

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final String token;
    private final Duration timeout;

    /**
     * @param apiUrl        {@code https://graph.facebook.com/v21.0}, or a local server in tests
     * @param phoneNumberId the business phone number's id (not the number itself)
     * @param accessToken   a system user's access token
     */
    public WhatsAppClient(String apiUrl, String phoneNumberId, String accessToken, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.base = URI.create(apiUrl.replaceAll("/+$", "") + "/" + phoneNumberId + "/");
        this.authorization = "Bearer " + accessToken;
        this.token = accessToken;
        this.timeout = timeout;
    }

    /** The Graph API's answer to one call. */
    public record Answer(int status, JsonObject body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** {@code messages[0].id} of a send: the message's wamid, or null. */
        public String messageId() {
            JsonArray messages = body.getValue("messages") instanceof JsonArray array ? array : new JsonArray();
            return messages.size() > 0 && messages.getValue(0) instanceof JsonObject first ? first.getString("id") : null;
        }

        /** {@code error.code}, or null when the answer has no Graph error (an HTML page from a proxy, say). */
        public Integer errorCode() {
            return error().map(e -> e.getValue("code") instanceof Number n ? n.intValue() : null).orElse(null);
        }

        /** "{code} {message}", with Meta's details when it gives any; "HTTP {status}" without a Graph error. */
        public String description() {
            return error().map(e -> {
                String text = (e.getValue("code") != null ? e.getValue("code") + " " : "") + e.getString("message", "HTTP " + status);
                Object details = e.getValue("error_data") instanceof JsonObject data ? data.getValue("details") : null;
                return details == null || text.contains(details.toString()) ? text : text + ": " + details;
            }).orElse("HTTP " + status);
        }

        private Optional<JsonObject> error() {
            return Optional.ofNullable(body.getValue("error") instanceof JsonObject e ? e : null);
        }
    }

    /** {@code POST /messages} with the message object (see {@link WhatsAppMessages}). */
    public Uni<Answer> sendMessage(JsonObject message) {
        return send(HttpRequest.newBuilder(base.resolve("messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.encode())));
    }

    /** Uploads a document; a successful answer's {@code id} is the media id a message then refers to. */
    public Uni<Answer> uploadMedia(OutboundMessage.Document document) {
        Multipart form = new Multipart()
                .field("messaging_product", "whatsapp")
                .field("type", document.mediaType())
                .file("file", document.fileName(), document.mediaType(), document.content());
        return send(HttpRequest.newBuilder(base.resolve("media"))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArrays(form.end())));
    }

    /**
     * Removes the access token from a text that is about to go into a reason or a log line: Meta's error messages
     * do not quote it, but nothing here relies on that.
     */
    public String redact(String text) {
        return text == null ? null : text.replace(token, "***");
    }

    private Uni<Answer> send(HttpRequest.Builder request) {
        return JsonHttp.send(http, request.timeout(timeout).header("Authorization", authorization).build(), Answer::new);
    }
}
