package dev.parley.runtime.message;

import java.util.Objects;

/**
 * One message from a customer, whatever channel it came by: what the conversation router sees.
 *
 * @param channel  {@code telegram}, {@code whatsapp} or {@code console}
 * @param updateId the channel's own id of the delivery (Telegram {@code update_id}, WhatsApp message id): a
 *                 redelivery carries the same one
 * @param chatId   the conversation it belongs to (Telegram chat id, WhatsApp phone number)
 * @param text     what the customer wrote, or null for a button press
 * @param buttonId the id of the button pressed, or null for text
 * @param sender   who wrote it, as far as the channel says; never null
 */
public record InboundMessage(String channel, String updateId, String chatId, String text, String buttonId, Sender sender) {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(updateId, "updateId");
        Objects.requireNonNull(chatId, "chatId");
        if ((text == null) == (buttonId == null)) {
            throw new IllegalArgumentException("a message has either text or a button id");
        }
        sender = sender == null ? Sender.UNKNOWN : sender;
        chatId = withoutNul(chatId);
        updateId = withoutNul(updateId);
        text = withoutNul(text);
        buttonId = withoutNul(buttonId);
    }

    /**
     * The text without U+0000, which no channel means to send and PostgreSQL cannot store in text or JSON: a
     * customer's message with one is taken as written around it.
     */
    static String withoutNul(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }

    public static InboundMessage text(String channel, String updateId, String chatId, String text) {
        return new InboundMessage(channel, updateId, chatId, text, null, Sender.UNKNOWN);
    }

    public static InboundMessage button(String channel, String updateId, String chatId, String buttonId) {
        return new InboundMessage(channel, updateId, chatId, null, buttonId, Sender.UNKNOWN);
    }

    public InboundMessage from(Sender who) {
        return new InboundMessage(channel, updateId, chatId, text, buttonId, who);
    }

    /**
     * The customer as the channel describes them.
     *
     * @param id       the channel's id of the person (Telegram user id, WhatsApp phone), or null
     * @param name     a display name, or null
     * @param language an IETF language tag the channel reports (Telegram {@code language_code}), or null
     */
    public record Sender(String id, String name, String language) {

        public Sender {
            id = withoutNul(id);
            name = withoutNul(name);
            language = withoutNul(language);
        }

        public static final Sender UNKNOWN = new Sender(null, null, null);
    }
}
