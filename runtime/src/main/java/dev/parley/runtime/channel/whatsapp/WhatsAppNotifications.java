package dev.parley.runtime.channel.whatsapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.message.InboundMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads a WhatsApp Cloud API webhook notification
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components):
 * {@code {"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages", "value": {...}}]}]}}.
 * Each {@code value} carries {@code metadata.phone_number_id} (which of the business's numbers it concerns),
 * {@code contacts} (the customers' profile names), {@code messages} and {@code statuses}.
 *
 * <ul>
 * <li>{@code text} messages and button presses ({@code interactive} {@code button_reply} or {@code list_reply}, and
 * {@code button}, a template's quick reply) become {@link InboundMessage}s with the wamid as update id and the
 * customer's phone as chat id. Other kinds (image, sticker, location, reaction...) are left out: the webhook still
 * answers 200, so Meta does not deliver them again.</li>
 * <li>{@code statuses} (sent, delivered, read, failed) of the messages the bot sent become {@link Status}es.</li>
 * <li>Changes for another phone number of the same business, fields other than {@code messages}, and objects other
 * than {@code whatsapp_business_account} are left out.</li>
 * </ul>
 * A body of the wrong shape (an {@code entry} that is not an array, a message without {@code id}) is a
 * {@link BadInput}: the whole notification is read before anything is done, so a 400 never follows partial work.
 */
final class WhatsAppNotifications {

    /** What one notification asks of the bot. */
    record Notification(List<InboundMessage> messages, List<Status> statuses) {
    }

    /**
     * A delivery status of a message the bot sent.
     *
     * @param messageId the wamid the send was answered with ({@code outbox_message.channel_message_id})
     * @param status    sent, delivered, read or failed
     * @param at        when WhatsApp says it happened
     * @param error     for failed: "{code} {title}", with Meta's details when given; otherwise null
     */
    record Status(String messageId, String status, Instant at, String error) {
    }

    static final Set<String> STATUSES = Set.of("sent", "delivered", "read", "failed");

    private WhatsAppNotifications() {
    }

    static Notification read(JsonObject body, String phoneNumberId) throws BadInput {
        List<InboundMessage> messages = new ArrayList<>();
        List<Status> statuses = new ArrayList<>();
        try {
            if (!"whatsapp_business_account".equals(body.getValue("object"))) {
                return new Notification(messages, statuses); // another product's webhook (a Page, Instagram) sent here
            }
            for (JsonObject entry : objects(body, "entry")) {
                for (JsonObject change : objects(entry, "changes")) {
                    JsonObject value = change.getJsonObject("value");
                    if (!"messages".equals(change.getString("field")) || value == null) {
                        continue;
                    }
                    JsonObject metadata = value.getJsonObject("metadata", new JsonObject());
                    if (!phoneNumberId.equals(metadata.getString("phone_number_id"))) {
                        continue; // another number of the business, served by another bot
                    }
                    JsonArray contacts = value.getJsonArray("contacts", new JsonArray());
                    for (JsonObject message : objects(value, "messages")) {
                        inbound(message, contacts).ifPresent(messages::add);
                    }
                    for (JsonObject status : objects(value, "statuses")) {
                        String state = status.getString("status");
                        if (state != null && STATUSES.contains(state)) { // Set.of refuses contains(null)
                            statuses.add(status(status));
                        }
                    }
                }
            }
        } catch (ClassCastException e) {
            throw new BadInput("not a WhatsApp webhook notification: a field has the wrong type");
        } catch (RuntimeException e) {
            // A field that is null where an object is expected, and the like: still the client's input, never a 500.
            throw new BadInput("not a WhatsApp webhook notification: " + e.getClass().getSimpleName());
        }
        return new Notification(messages, statuses);
    }

    private static Optional<InboundMessage> inbound(JsonObject message, JsonArray contacts) throws BadInput {
        String id = required(message, "id", "message");
        String from = required(message, "from", "message");
        String type = message.getString("type", "");
        InboundMessage inbound = switch (type) {
            case "text" -> text(id, from, message.getJsonObject("text", new JsonObject()).getString("body"));
            case "interactive" -> button(id, from, pressed(message.getJsonObject("interactive", new JsonObject())));
            case "button" -> button(id, from, message.getJsonObject("button", new JsonObject()).getString("payload"));
            default -> null;
        };
        return Optional.ofNullable(inbound).map(m -> m.from(new InboundMessage.Sender(from, name(contacts, from), null)));
    }

    private static InboundMessage text(String id, String from, String body) {
        return body == null || body.isBlank() ? null : InboundMessage.text(WhatsAppChannel.CHANNEL, id, from, body);
    }

    private static InboundMessage button(String id, String from, String buttonId) {
        return buttonId == null || buttonId.isEmpty() ? null : InboundMessage.button(WhatsAppChannel.CHANNEL, id, from, buttonId);
    }

    /** The id of the reply button or list row pressed; null for other interactive replies (a Flow's form, say). */
    private static String pressed(JsonObject interactive) {
        JsonObject reply = interactive.getJsonObject("button_reply", interactive.getJsonObject("list_reply"));
        return reply == null ? null : reply.getString("id");
    }

    /** The profile name WhatsApp gives for {@code waId}, or null. */
    private static String name(JsonArray contacts, String waId) {
        for (Object contact : contacts) {
            if (contact instanceof JsonObject c && waId.equals(c.getString("wa_id"))) {
                return c.getJsonObject("profile", new JsonObject()).getString("name");
            }
        }
        return null;
    }

    private static Status status(JsonObject status) throws BadInput {
        String id = required(status, "id", "status");
        String error = null;
        if ("failed".equals(status.getString("status"))) {
            JsonObject first = objects(status, "errors").stream().findFirst().orElse(new JsonObject());
            String what = Stream.of(first.getValue("code"), first.getString("title", first.getString("message")))
                    .filter(Objects::nonNull).map(String::valueOf).collect(Collectors.joining(" "));
            Object details = first.getJsonObject("error_data", new JsonObject()).getValue("details");
            error = (what.isEmpty() ? "failed" : what) + (details == null ? "" : ": " + details);
        }
        return new Status(id, status.getString("status"), timestamp(status.getValue("timestamp")), error);
    }

    /** Seconds since the epoch, as a string (as Meta sends it) or a number; now when absent or unreadable. */
    private static Instant timestamp(Object value) {
        try {
            return value == null ? Instant.now() : Instant.ofEpochSecond(Long.parseLong(value.toString()));
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }

    private static String required(JsonObject object, String field, String what) throws BadInput {
        String value = object.getString(field);
        if (value == null || value.isBlank()) {
            throw new BadInput("a " + what + " in the notification has no " + field);
        }
        return value;
    }

    /** The objects of an array field; none when the field is absent. */
    private static List<JsonObject> objects(JsonObject object, String field) throws BadInput {
        JsonArray array = object.getJsonArray(field, new JsonArray());
        List<JsonObject> objects = new ArrayList<>();
        for (Object item : array) {
            if (!(item instanceof JsonObject o)) {
                throw new BadInput("not a WhatsApp webhook notification: " + field + " must hold objects");
            }
            objects.add(o);
        }
        return objects;
    }
}
