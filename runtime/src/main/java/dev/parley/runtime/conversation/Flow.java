package dev.parley.runtime.conversation;

import java.util.List;

import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.message.OutboundMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A bot's conversation logic as a state machine: given the chat's conversation and one message, the next state and
 * the replies. The router runs {@link #handle} inside the transaction that records the message, with the chat's
 * conversation locked, so a redelivered message, being recorded already, never runs it twice. Whatever a flow
 * reads or writes through {@link Context#tx()} commits or rolls back with the message.
 *
 * <p>Slow work that needs no lock (a call to a language model) belongs in {@link #understand}, which the router
 * runs before the transaction begins: no row stays locked while a model thinks.
 */
public interface Flow {

    /** The state of a chat that has never written before. */
    String initialState();

    /**
     * Runs before the transaction, with nothing locked; what it yields reaches {@link #handle} as
     * {@link Context#understood()}. A redelivery runs it again, so it must not change anything.
     */
    default Uni<Object> understand(InboundMessage message) {
        return Uni.createFrom().nullItem();
    }

    Uni<Turn> handle(Conversation conversation, InboundMessage message, Context context);

    /**
     * What the customer is told when their conversation, last in {@code state}, expires after a long silence
     * (the session-expiry job); nothing by default. {@code language} is the customer's, or null.
     */
    default List<OutboundMessage> expired(String state, String language) {
        return List.of();
    }

    /**
     * The languages the flow answers in ({@code en}, {@code hi}), for a customer whose language is not known yet: the
     * router answers them in the one their message is written in when it is one of these. None by default: such a
     * customer is answered in the flow's own default.
     */
    default List<String> languages() {
        return List.of();
    }

    /**
     * What a turn can use besides the conversation and the message: the transaction that records the message,
     * and what {@link #understand} made of it (null when it made nothing).
     */
    record Context(SqlConnection tx, Object understood) {
    }

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

    /** A flow that needs neither the database nor any understanding beforehand: a function of state and message. */
    interface Pure extends Flow {

        Turn turn(Conversation conversation, InboundMessage message);

        @Override
        default Uni<Turn> handle(Conversation conversation, InboundMessage message, Context context) {
            return Uni.createFrom().item(() -> turn(conversation, message));
        }
    }
}
