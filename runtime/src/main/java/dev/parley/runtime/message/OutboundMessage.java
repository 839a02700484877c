package dev.parley.runtime.message;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A reply to one chat: text, optionally buttons the customer can press, optionally a document (an invoice PDF),
 * optionally how to display it ({@link Display}: a persistent menu, link previews off). Stored as JSON in the
 * outbox, so it stays a plain value.
 */
public record OutboundMessage(String text, List<Button> buttons, Document document, Display display) {

    public OutboundMessage {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        display = display == null ? Display.PLAIN : display;
        if ((text == null || text.isBlank()) && document == null) {
            throw new IllegalArgumentException("a reply needs text or a document");
        }
    }

    public OutboundMessage(String text, List<Button> buttons, Document document) {
        this(text, buttons, document, null);
    }

    public OutboundMessage(String text, List<Button> buttons) {
        this(text, buttons, null);
    }

    /** The same message, displayed as {@code display} says. */
    public OutboundMessage with(Display display) {
        return new OutboundMessage(text, buttons, document, display);
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
        if (!display.equals(Display.PLAIN)) {
            JsonArray menu = new JsonArray();
            display.menu().forEach(row -> menu.add(new JsonArray(new ArrayList<>(row))));
            json.put("display", new JsonObject().put("menu", menu).put("noLinkPreview", display.noLinkPreview()));
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
        JsonObject display = json.getJsonObject("display");
        List<List<String>> menu = new ArrayList<>();
        if (display != null) {
            display.getJsonArray("menu", new JsonArray()).forEach(row -> menu.add(((JsonArray) row).stream().map(String::valueOf).toList()));
        }
        return new OutboundMessage(json.getString("text"), buttons, document == null ? null
                : new Document(document.getString("fileName"), document.getString("mediaType"),
                        Base64.getDecoder().decode(document.getString("content"))),
                display == null ? null : new Display(menu, display.getBoolean("noLinkPreview", false)));
    }

    /**
     * How a channel that can shows the message; a channel that cannot shows it plainly.
     *
     * @param menu          rows of labels for a menu that stays under the chat (Telegram's persistent reply keyboard);
     *                      pressing one sends its label as text. Empty: the menu already shown stays.
     * @param noLinkPreview whether the links in the text are shown without a preview (a list of products)
     */
    public record Display(List<List<String>> menu, boolean noLinkPreview) {

        public static final Display PLAIN = new Display(List.of(), false);

        public Display {
            menu = menu == null ? List.of() : menu.stream().map(List::copyOf).toList();
        }
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
