package dev.parley.runtime.conversation;

import java.util.function.Function;

import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.outbox.Outbox;
import dev.parley.runtime.understanding.LanguageGuess;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Takes one inbound message through the bot's flow in one PostgreSQL transaction: record the delivery under its
 * unique key, note the customer, lock the chat's conversation, run the flow, store the new state and put the
 * replies in the outbox. A channel answers its webhook only when the returned {@code Uni} completes, that is after
 * the commit.
 *
 * <ul>
 * <li>A redelivery finds its key recorded and changes nothing ({@link Outcome#DUPLICATE}); concurrent deliveries of
 * one update wait on the unique index, and all but the first find it recorded.</li>
 * <li>Messages of one chat are serialised by the conversation row's lock ({@code SELECT ... FOR UPDATE}), on any
 * replica, whichever {@link SessionStore} holds the state.</li>
 * <li>Nothing is kept in memory: a restart or another replica continues from the stored session.</li>
 * <li>A message that fails for any reason but an unreachable database ({@link Failures}) is rolled back, then
 * recorded as a dead letter and its customer told ({@link DeadLetters}), so that the channel stops delivering it;
 * only when the database cannot be reached does the returned {@code Uni} fail (the webhook's 503).</li>
 * </ul>
 */
public class ConversationRouter {

    /**
     * The intake statement: records the delivery ($1 channel, $2 update id, $3 chat) with what it says ($8 the text
     * or $9 the button's id, for the conversation's {@link Transcript}) under its unique key and, only if it is new, notes the customer ($4 sender id, $5 name, $6 language) and makes sure the chat has a conversation
     * row ($7 the flow's initial state). It is the one statement that writes the tables of two owners
     * ({@link Customers}, {@link Conversations}) besides its own {@code inbound_update}: one round trip per update
     * (docs/architecture.md). The runtime-intake benchmark runs it as written here.
     */
    public static final String RECORD = """
        WITH inbound AS (
            INSERT INTO inbound_update (channel, external_id, chat_id, text, button_id) VALUES ($1, $2, $3, $8, $9)
            ON CONFLICT ON CONSTRAINT inbound_update_once DO NOTHING RETURNING id),
        customer AS (
            INSERT INTO customer (channel, chat_id, sender_id, display_name, language)
            SELECT $1, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM inbound)
            ON CONFLICT (channel, chat_id) DO UPDATE SET last_inbound_at = now(),
                display_name = coalesce(EXCLUDED.display_name, customer.display_name),
                sender_id = coalesce(EXCLUDED.sender_id, customer.sender_id)
            RETURNING language),
        conversation AS (
            INSERT INTO conversation (channel, chat_id, flow_state)
            SELECT $1, $3, $7 WHERE EXISTS (SELECT 1 FROM inbound)
            ON CONFLICT (channel, chat_id) DO NOTHING)
        SELECT EXISTS (SELECT 1 FROM inbound) AS new, (SELECT language FROM customer) AS language""";

    /** What happened to a message. */
    public enum Outcome {
        PROCESSED, DUPLICATE,
        /** It could not be handled (not for want of the database): recorded with the reason, the customer told. */
        DEAD_LETTERED
    }

    private final Pool pool;
    private final Flow flow;
    private final SessionStore sessions;

    public ConversationRouter(Pool pool, Flow flow, SessionStore sessions) {
        this.pool = pool;
        this.flow = flow;
        this.sessions = sessions;
    }

    public Uni<Outcome> route(InboundMessage message) {
        return route(message, connection -> Uni.createFrom().voidItem());
    }

    /**
     * Routes, and when the message is new, also runs {@code alsoRecord} in the same transaction: what a channel
     * keeps of its own (the console's transcript).
     */
    public Uni<Outcome> route(InboundMessage message, Function<SqlConnection, Uni<Void>> alsoRecord) {
        return handle(message, alsoRecord)
                .onFailure(failure -> !Failures.isTransient(failure))
                .recoverWithUni(failure -> DeadLetters.record(pool, message, failure).replaceWith(Outcome.DEAD_LETTERED));
    }

    private Uni<Outcome> handle(InboundMessage message, Function<SqlConnection, Uni<Void>> alsoRecord) {
        return flow.understand(message).flatMap(understood -> pool.withTransaction(connection -> record(connection, message)
                .flatMap(recorded -> recorded.isNew()
                        ? alsoRecord.apply(connection)
                                .flatMap(ignored -> process(connection, message, recorded.language(), understood))
                                .replaceWith(Outcome.PROCESSED)
                        : Uni.createFrom().item(Outcome.DUPLICATE))));
    }

    /** Whether the message is new, and the customer's language. */
    private record Recorded(boolean isNew, String language) {
    }

    /**
     * One statement, one round trip: records the delivery under its unique key and, only if it is new, notes the
     * customer (their first message, or their latest contact) and makes sure the chat has a conversation row to
     * lock. Returns the language the customer is answered in: the one chosen in a conversation, else the one their
     * channel reported first, else null.
     */
    private Uni<Recorded> record(SqlConnection connection, InboundMessage message) {
        InboundMessage.Sender sender = message.sender();
        return connection.preparedQuery(RECORD)
                .execute(Tuple.from(new Object[] {message.channel(), message.updateId(), message.chatId(), sender.id(), sender.name(),
                        sender.language(), flow.initialState(), message.text(), message.buttonId()}))
                .map(rows -> {
                    var row = rows.iterator().next();
                    return new Recorded(row.getBoolean("new"), row.getString("language"));
                });
    }

    /**
     * Runs the flow. A customer whose language is not known yet (WhatsApp reports none) is answered in the one their
     * message is written in, when it tells ({@link LanguageGuess}) and the flow speaks it ({@link Flow#languages()}),
     * and keeps it until they choose another.
     */
    private Uni<Void> process(SqlConnection connection, InboundMessage message, String language, Object understood) {
        String guessed = language == null && message.text() != null
                ? LanguageGuess.of(message.text()).filter(flow.languages()::contains).orElse(null) : null;
        String known = language != null ? language : guessed;
        return sessions.load(connection, message.channel(), message.chatId(), flow.initialState())
                .map(conversation -> conversation.withLanguage(known))
                .flatMap(conversation -> flow.handle(conversation, message, new Flow.Context(connection, understood))
                        .flatMap(turn -> sessions.save(connection, conversation, turn)
                                .flatMap(ignored -> turn.language() != null && !turn.language().equals(conversation.language())
                                        ? Customers.setLanguage(connection, message.channel(), message.chatId(), turn.language())
                                        : guessed != null ? Customers.setLanguage(connection, message.channel(), message.chatId(), guessed)
                                        : Uni.createFrom().voidItem())
                                .flatMap(ignored -> Outbox.enqueue(connection, conversation.channel(), conversation.chatId(), turn.replies()))));
    }
}
