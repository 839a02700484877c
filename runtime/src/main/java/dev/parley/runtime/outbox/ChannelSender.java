package dev.parley.runtime.outbox;

import java.time.Duration;

import dev.parley.runtime.conversation.OutboundMessage;
import io.smallrye.mutiny.Uni;

/** Delivers one outbound message on one channel (Telegram, WhatsApp, console). */
public interface ChannelSender {

    /** The channel this sender serves, as in {@code outbox_message.channel}. */
    String channel();

    /** Sends; completes with the outcome rather than failing, so that the dispatcher can record it. */
    Uni<Result> send(String chatId, OutboundMessage message);

    /** What became of one send. */
    sealed interface Result {
    }

    /** Delivered. */
    record Sent() implements Result {
    }

    /** Not delivered now, may be later: a timeout, a 5xx, or a rate limit that says when to come back. */
    record Retry(String reason, Duration after) implements Result {
    }

    /** Never deliverable: the chat blocked the bot, the request is invalid. Recorded as FAILED and kept. */
    record Failed(String reason) implements Result {
    }
}
