package dev.parley.runtime.message;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A reply to one chat: text, optionally buttons the customer can press, optionally a document (an invoice PDF) or a
 * photo (by URL, the text its caption), optionally how to display it ({@link Display}: a persistent menu, link
 * previews off). Stored as JSON in the outbox, so it stays a plain value.
 *
 * @param slot null, or the chat's named place this message fills ({@link Slot}): on a channel that can edit
 *             messages, a later message for the same slot replaces it in place
 * @param photoUrl null, or an image the channel shows with the text as its caption
 * @param display how a channel that can shows it; never null ({@link Display#PLAIN})
 */
public record OutboundMessage(String text, List<Button> buttons, Document document, Slot slot, String photoUrl, Display display) {

    public OutboundMessage {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        display = display == null ? Display.PLAIN : display;
        if ((text == null || text.isBlank()) && document == null) {
            throw new IllegalArgumentException("a reply needs text or a document");
        }
        if (document != null && photoUrl != null) {
            throw new IllegalArgumentException("a reply carries a document or a photo, not both");
        }
    }

    public OutboundMessage(String text, List<Button> buttons, Document document) {
        this(text, buttons, document, null, null, null);
    }

    public OutboundMessage(String text, List<Button> buttons) {
        this(text, buttons, null);
    }

    /**
     * A chat's named place, such as the shop's home message. {@code fresh}: send a new message for the slot (at the
     * bottom of the chat) rather than edit the one that holds it.
     */
    public record Slot(String name, boolean fresh) {

        public Slot {
            Objects.requireNonNull(name, "name");
        }
    }

    /** This message as the content of the chat's slot {@code name}; {@code fresh} sends it anew instead of editing. */
    public OutboundMessage inSlot(String name, boolean fresh) {
        return new OutboundMessage(text, buttons, document, new Slot(name, fresh), photoUrl, display);
    }

    /** This message with a photo, its text the caption. */
    public OutboundMessage withPhoto(String url) {
        return new OutboundMessage(text, buttons, document, slot, url, display);
    }

    /** The same message, displayed as {@code display} says. */
    public OutboundMessage with(Display display) {
        return new OutboundMessage(text, buttons, document, slot, photoUrl, display);
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
     * "content" (base64)}}}, and {@code "slot": {"name", "fresh"}}, {@code "photoUrl"} and {@code "display": {"menu",
     * "noLinkPreview"}} only when set (so rows
     * written before they existed read as before). Written by hand rather than by Jackson's object mapping: it is on
     * every message's path.
     */
    public JsonObject toJson() {
        JsonArray list = new JsonArray(new ArrayList<>(buttons.size()));
        buttons.forEach(b -> list.add(new JsonObject().put("id", b.id()).put("label", b.label())));
        JsonObject json = new JsonObject().put("text", text).put("buttons", list);
        if (document != null) {
            json.put("document", new JsonObject().put("fileName", document.fileName()).put("mediaType", document.mediaType())
                    .put("content", Base64.getEncoder().encodeToString(document.content())));
        }
        if (slot != null) {
            json.put("slot", new JsonObject().put("name", slot.name()).put("fresh", slot.fresh()));
        }
        if (photoUrl != null) {
            json.put("photoUrl", photoUrl);
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
        JsonObject slot = json.getJsonObject("slot");
        JsonObject display = json.getJsonObject("display");
        List<List<String>> menu = new ArrayList<>();
        if (display != null) {
            display.getJsonArray("menu", new JsonArray()).forEach(row -> menu.add(((JsonArray) row).stream().map(String::valueOf).toList()));
        }
        return new OutboundMessage(json.getString("text"), buttons, document == null ? null
                : new Document(document.getString("fileName"), document.getString("mediaType"),
                        Base64.getDecoder().decode(document.getString("content"))),
                slot == null ? null : new Slot(slot.getString("name"), slot.getBoolean("fresh", false)), json.getString("photoUrl"),
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
