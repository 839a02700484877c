package dev.parley.runtime.outbox;

import java.time.Duration;

import dev.parley.runtime.message.OutboundMessage;
import io.smallrye.mutiny.Uni;

/** Delivers one outbound message on one channel (Telegram, WhatsApp, console). */
public interface ChannelSender {

    /** The channel this sender serves, as in {@code outbox_message.channel}. */
    String channel();

    /** Sends; completes with the outcome rather than failing, so that the dispatcher can record it. */
    Uni<Result> send(String chatId, OutboundMessage message);

    /**
     * Whether this channel can replace a message it sent ({@link OutboundMessage.Slot}); a channel that cannot sends
     * every message anew.
     */
    default boolean edits() {
        return false;
    }

    /**
     * Replaces the message {@code messageId} (the channel's id of the message that holds the slot) with
     * {@code message}, or sends it anew when the channel says that one can no longer be edited; the outcome's
     * message id is the one that holds the slot afterwards. Only called when {@link #edits()}.
     */
    default Uni<Result> replace(String chatId, String messageId, OutboundMessage message) {
        return send(chatId, message);
    }

    /** The channel's rate limits, honoured by all replicas together. */
    default Limits limits() {
        return Limits.NONE;
    }

    /**
     * How fast a channel may be sent to.
     *
     * @param perSecond    messages per second for the whole bot (a token bucket), 0 for no limit
     * @param burst        how many may go at once after a quiet spell (the bucket's size)
     * @param chatSpacing  the least time between two messages to one chat
     * @param groupSpacing the same for a group chat (Telegram: a chat id below zero)
     */
    record Limits(double perSecond, int burst, Duration chatSpacing, Duration groupSpacing) {

        public static final Limits NONE = new Limits(0, 0, Duration.ZERO, Duration.ZERO);

        public boolean bucket() {
            return perSecond > 0;
        }
    }

    /** What became of one send. */
    sealed interface Result {
    }

    /** Delivered; {@code messageId} is the channel's id of the message (Telegram message_id, WhatsApp wamid), if any. */
    record Sent(String messageId) implements Result {
        public Sent() {
            this(null);
        }
    }

    /** Not delivered now, may be later: a timeout, a 5xx, or a rate limit that says when to come back. */
    record Retry(String reason, Duration after) implements Result {
    }

    /** Never deliverable: the chat blocked the bot, the request is invalid. Recorded as FAILED and kept. */
    record Failed(String reason) implements Result {
    }
}
