package dev.parley.runtime.conversation;

import java.util.List;

/** A reply to one chat: text and, optionally, buttons the customer can press. */
public record OutboundMessage(String text, List<Button> buttons) {

    public OutboundMessage {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public static OutboundMessage text(String text) {
        return new OutboundMessage(text, List.of());
    }

    /** A button: the {@code id} comes back as {@link dev.parley.runtime.channel.InboundMessage#buttonId()}. */
    public record Button(String id, String label) {
    }
}
