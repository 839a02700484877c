package dev.parley.runtime.channel.whatsapp;

import java.util.List;
import java.util.Optional;

import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.message.OutboundMessage.Button;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The message objects of {@code POST /{phone-number-id}/messages}
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages), from an {@link OutboundMessage}:
 * <ul>
 * <li>text alone: a {@code text} message;</li>
 * <li>one to three buttons: an {@code interactive} message of type {@code button} (reply buttons);</li>
 * <li>four to ten buttons: an {@code interactive} {@code list}, one row a button (WhatsApp has no more than three
 * reply buttons);</li>
 * <li>a document: a {@code document} message with the text as caption, or, with one to three buttons, reply buttons
 * under the document as the message's header;</li>
 * <li>a photo: an {@code image} message (by link) with the text as caption, or, with one to three buttons, reply
 * buttons under the image as the header (a list has no image header, so a photo with more buttons is left out).</li>
 * </ul>
 * WhatsApp refuses a button title over 20 characters and a row title over 24; a longer label is cut with an
 * ellipsis, and a list row keeps the whole label in its description (up to 72).
 */
final class WhatsAppMessages {

    static final int MAX_REPLY_BUTTONS = 3;
    static final int MAX_LIST_ROWS = 10;
    static final int BUTTON_TITLE = 20;
    static final int ROW_TITLE = 24;
    static final int ROW_DESCRIPTION = 72;
    /** The list's own button, which opens it; WhatsApp shows it under the message. */
    static final String LIST_BUTTON = "Choose";
    static final String LIST_SECTION = "Options";

    private WhatsAppMessages() {
    }

    /** Why {@code message} cannot be sent on WhatsApp at all, if it cannot. */
    static Optional<String> unsendable(OutboundMessage message) {
        int buttons = message.buttons().size();
        if (buttons > MAX_LIST_ROWS) {
            return Optional.of("WhatsApp shows at most " + MAX_LIST_ROWS + " choices in a message; this one has " + buttons);
        }
        if (message.document() != null && buttons > MAX_REPLY_BUTTONS) {
            return Optional.of("WhatsApp allows at most " + MAX_REPLY_BUTTONS + " buttons with a document; this one has " + buttons);
        }
        return Optional.empty();
    }

    /** The message without a document. */
    static JsonObject message(String to, OutboundMessage message) {
        List<Button> buttons = message.buttons();
        if (message.photoUrl() != null && buttons.size() <= MAX_REPLY_BUTTONS) {
            JsonObject image = new JsonObject().put("link", message.photoUrl());
            if (buttons.isEmpty()) {
                return envelope(to, "image").put("image", image.put("caption", message.text()));
            }
            return envelope(to, "interactive").put("interactive", replyButtons(message.text(), buttons)
                    .put("header", new JsonObject().put("type", "image").put("image", image)));
        }
        if (buttons.isEmpty()) {
            return envelope(to, "text").put("text", new JsonObject().put("body", message.text()));
        }
        JsonObject interactive = buttons.size() <= MAX_REPLY_BUTTONS
                ? replyButtons(message.text(), buttons)
                : new JsonObject().put("type", "list")
                        .put("body", new JsonObject().put("text", message.text()))
                        .put("action", new JsonObject().put("button", LIST_BUTTON).put("sections", new JsonArray()
                                .add(new JsonObject().put("title", LIST_SECTION).put("rows", rows(buttons)))));
        return envelope(to, "interactive").put("interactive", interactive);
    }

    /** The message with its document, uploaded before as {@code mediaId}. */
    static JsonObject document(String to, OutboundMessage message, String mediaId) {
        OutboundMessage.Document document = message.document();
        JsonObject media = new JsonObject().put("id", mediaId).put("filename", document.fileName());
        boolean caption = message.text() != null && !message.text().isBlank();
        if (message.buttons().isEmpty()) {
            if (caption) {
                media.put("caption", message.text());
            }
            return envelope(to, "document").put("document", media);
        }
        // An interactive message needs a body text; without a caption the file's name stands in.
        JsonObject interactive = replyButtons(caption ? message.text() : document.fileName(), message.buttons())
                .put("header", new JsonObject().put("type", "document").put("document", media));
        return envelope(to, "interactive").put("interactive", interactive);
    }

    /** The approved template that reopens a conversation after WhatsApp's 24-hour customer-service window. */
    static JsonObject template(String to, String name, String language) {
        return envelope(to, "template").put("template", new JsonObject().put("name", name)
                .put("language", new JsonObject().put("code", language)));
    }

    private static JsonObject envelope(String to, String type) {
        return new JsonObject().put("messaging_product", "whatsapp").put("recipient_type", "individual")
                .put("to", to).put("type", type);
    }

    private static JsonObject replyButtons(String text, List<Button> buttons) {
        JsonArray replies = new JsonArray();
        buttons.forEach(b -> replies.add(new JsonObject().put("type", "reply")
                .put("reply", new JsonObject().put("id", b.id()).put("title", shorten(b.label(), BUTTON_TITLE)))));
        return new JsonObject().put("type", "button")
                .put("body", new JsonObject().put("text", text))
                .put("action", new JsonObject().put("buttons", replies));
    }

    private static JsonArray rows(List<Button> buttons) {
        JsonArray rows = new JsonArray();
        for (Button button : buttons) {
            JsonObject row = new JsonObject().put("id", button.id()).put("title", shorten(button.label(), ROW_TITLE));
            if (!row.getString("title").equals(button.label())) {
                row.put("description", shorten(button.label(), ROW_DESCRIPTION));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * {@code text} cut to {@code max} characters (code points, so an emoji is never split), the last one an
     * ellipsis when anything was cut.
     */
    static String shorten(String text, int max) {
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) <= max) {
            return stripped;
        }
        int end = stripped.offsetByCodePoints(0, max - 1);
        return stripped.substring(0, end).stripTrailing() + "…";
    }
}
