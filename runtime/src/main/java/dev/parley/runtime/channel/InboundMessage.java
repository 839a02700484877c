package dev.parley.runtime.channel;

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
 */
public record InboundMessage(String channel, String updateId, String chatId, String text, String buttonId) {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(updateId, "updateId");
        Objects.requireNonNull(chatId, "chatId");
        if ((text == null) == (buttonId == null)) {
            throw new IllegalArgumentException("a message has either text or a button id");
        }
    }

    public static InboundMessage text(String channel, String updateId, String chatId, String text) {
        return new InboundMessage(channel, updateId, chatId, text, null);
    }

    public static InboundMessage button(String channel, String updateId, String chatId, String buttonId) {
        return new InboundMessage(channel, updateId, chatId, null, buttonId);
    }
}
