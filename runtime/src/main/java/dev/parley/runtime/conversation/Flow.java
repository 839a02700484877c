package dev.parley.runtime.conversation;

import java.util.List;

import dev.parley.runtime.channel.InboundMessage;
import io.vertx.core.json.JsonObject;

/**
 * A bot's conversation logic as a state machine: given the chat's conversation and one message, the next state and
 * the replies. Pure: no I/O of its own, so that the router can run it inside the transaction that records the
 * message, and a redelivered message, being recorded already, never runs it twice.
 */
public interface Flow {

    /** The state of a chat that has never written before. */
    String initialState();

    Turn handle(Conversation conversation, InboundMessage message);

    /**
     * The outcome of one message: where the conversation goes, what the customer is told, and, when the customer
     * chose one, the language to answer them in from now on (null: unchanged).
     */
    record Turn(String state, JsonObject data, List<OutboundMessage> replies, String language) {

        public Turn {
            replies = List.copyOf(replies);
        }

        public Turn(String state, JsonObject data, List<OutboundMessage> replies) {
            this(state, data, replies, null);
        }
    }
}
