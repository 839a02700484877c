package dev.parley.runtime.message;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A reply to one chat: text, optionally buttons the customer can press, optionally a document (an invoice PDF).
 * Stored as JSON in the outbox, so it stays a plain value.
 */
public record OutboundMessage(String text, List<Button> buttons, Document document) {

    public OutboundMessage {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        if ((text == null || text.isBlank()) && document == null) {
            throw new IllegalArgumentException("a reply needs text or a document");
        }
    }

    public OutboundMessage(String text, List<Button> buttons) {
        this(text, buttons, null);
    }

    public static OutboundMessage text(String text) {
        return new OutboundMessage(text, List.of(), null);
    }

    public static OutboundMessage withButtons(String text, Button... buttons) {
        return new OutboundMessage(text, List.of(buttons), null);
    }

    /** A document with {@code text} as its caption. */
    public static OutboundMessage document(String text, Document document) {
        return new OutboundMessage(text, List.of(), Objects.requireNonNull(document, "document"));
    }

    /**
     * The outbox's JSON form: {@code {"text", "buttons": [{"id", "label"}], "document": {"fileName", "mediaType",
     * "content" (base64)}}}. Written by hand rather than by Jackson's object mapping: it is on every message's path.
     */
    public JsonObject toJson() {
        JsonArray list = new JsonArray(new ArrayList<>(buttons.size()));
        buttons.forEach(b -> list.add(new JsonObject().put("id", b.id()).put("label", b.label())));
        JsonObject json = new JsonObject().put("text", text).put("buttons", list);
        if (document != null) {
            json.put("document", new JsonObject().put("fileName", document.fileName()).put("mediaType", document.mediaType())
                    .put("content", Base64.getEncoder().encodeToString(document.content())));
        }
        return json;
    }

    public static OutboundMessage fromJson(JsonObject json) {
        List<Button> buttons = new ArrayList<>();
        json.getJsonArray("buttons", new JsonArray()).forEach(b -> {
            JsonObject button = (JsonObject) b;
            buttons.add(new Button(button.getString("id"), button.getString("label")));
        });
        JsonObject document = json.getJsonObject("document");
        return new OutboundMessage(json.getString("text"), buttons, document == null ? null
                : new Document(document.getString("fileName"), document.getString("mediaType"),
                        Base64.getDecoder().decode(document.getString("content"))));
    }

    /** A button: the {@code id} comes back as {@link dev.parley.runtime.message.InboundMessage#buttonId()}. */
    public record Button(String id, String label) {

        public Button {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
        }
    }

    /** A file sent with the message; the content travels in the outbox row (base64 in its JSON). */
    public record Document(String fileName, String mediaType, byte[] content) {

        public Document {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(content, "content");
        }
    }
}
