package dev.parley.runtime.conversation;

import java.util.ArrayList;
import java.util.List;

import dev.parley.runtime.channel.InboundMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Takes one inbound message through the bot's flow in one PostgreSQL transaction: record the delivery under its
 * unique key, lock the chat's conversation row, run the flow, store the new state and put the replies in the
 * outbox. A channel answers its webhook only when the returned {@code Uni} completes, that is after the commit.
 *
 * <ul>
 * <li>A redelivery finds its key recorded and changes nothing ({@link Outcome#DUPLICATE}); concurrent deliveries of
 * one update wait on the unique index, and all but the first find it recorded.</li>
 * <li>Messages of one chat are serialised by the row lock ({@code SELECT ... FOR UPDATE}), on any replica.</li>
 * <li>Nothing is kept in memory: a restart or another replica continues from the row.</li>
 * </ul>
 *
 * <p>Not a CDI bean yet: the flows come with the commerce issue, which wires one router per configured flow.
 */
public class ConversationRouter {

    /** What happened to a message. */
    public enum Outcome {
        PROCESSED, DUPLICATE
    }

    private final Pool pool;
    private final Flow flow;

    public ConversationRouter(Pool pool, Flow flow) {
        this.pool = pool;
        this.flow = flow;
    }

    public Uni<Outcome> route(InboundMessage message) {
        return pool.withTransaction(connection -> record(connection, message)
                .flatMap(isNew -> isNew ? process(connection, message).replaceWith(Outcome.PROCESSED) : Uni.createFrom().item(Outcome.DUPLICATE)));
    }

    private static Uni<Boolean> record(SqlConnection connection, InboundMessage message) {
        return connection.preparedQuery("""
                INSERT INTO inbound_update (channel, external_id, chat_id) VALUES ($1, $2, $3)
                ON CONFLICT ON CONSTRAINT inbound_update_once DO NOTHING""")
                .execute(Tuple.of(message.channel(), message.updateId(), message.chatId()))
                .map(rows -> rows.rowCount() == 1);
    }

    private Uni<Void> process(SqlConnection connection, InboundMessage message) {
        return lock(connection, message).flatMap(conversation -> {
            Flow.Turn turn = flow.handle(conversation, message);
            return save(connection, conversation, turn).flatMap(ignored -> enqueue(connection, conversation, turn.replies()));
        });
    }

    /** The chat's conversation, created in the flow's initial state on its first message, locked until commit. */
    private Uni<Conversation> lock(SqlConnection connection, InboundMessage message) {
        Tuple key = Tuple.of(message.channel(), message.chatId());
        return connection.preparedQuery("""
                INSERT INTO conversation (channel, chat_id, flow_state) VALUES ($1, $2, $3)
                ON CONFLICT (channel, chat_id) DO NOTHING""")
                .execute(Tuple.of(message.channel(), message.chatId(), flow.initialState()))
                .flatMap(ignored -> connection.preparedQuery("""
                        SELECT flow_state, data, version FROM conversation
                        WHERE channel = $1 AND chat_id = $2 FOR UPDATE""").execute(key))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Conversation(message.channel(), message.chatId(), row.getString("flow_state"),
                            row.getJsonObject("data"), row.getLong("version"));
                });
    }

    private static Uni<RowSet<Row>> save(SqlConnection connection, Conversation conversation, Flow.Turn turn) {
        return connection.preparedQuery("""
                UPDATE conversation SET flow_state = $3, data = $4, version = version + 1, updated_at = now()
                WHERE channel = $1 AND chat_id = $2""")
                .execute(Tuple.of(conversation.channel(), conversation.chatId(), turn.state(),
                        turn.data() == null ? new JsonObject() : turn.data()));
    }

    private static Uni<Void> enqueue(SqlConnection connection, Conversation conversation, List<OutboundMessage> replies) {
        if (replies.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        for (OutboundMessage reply : replies) {
            rows.add(Tuple.of(conversation.channel(), conversation.chatId(), JsonObject.mapFrom(reply)));
        }
        return connection.preparedQuery("INSERT INTO outbox_message (channel, chat_id, payload) VALUES ($1, $2, $3)")
                .executeBatch(rows).replaceWithVoid();
    }
}
