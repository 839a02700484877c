package dev.parley.runtime.conversation;

import dev.parley.runtime.conversation.Conversation;
import dev.parley.runtime.conversation.Flow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Where conversation state lives: PostgreSQL (the default) or Redis ({@code sessions: redis} on the
 * StorageBackend). Either way the chat's {@code conversation} row in PostgreSQL is locked for the whole turn and
 * carries the committed version, so that one chat's messages are processed one at a time on any replica; see
 * docs/adr/0004-redis-sessions.md for what holds with Redis, which is outside the transaction.
 */
public interface SessionStore {

    /**
     * The chat's conversation as of the last committed turn, locked until the transaction ends; a chat that has
     * never written, or whose conversation expired, starts in {@code initialState} at version 0.
     */
    Uni<Conversation> load(SqlConnection transaction, String channel, String chatId, String initialState);

    /** Stores the turn's outcome as version {@code before.version() + 1}, before the transaction commits. */
    Uni<Void> save(SqlConnection transaction, Conversation before, Flow.Turn turn);

    /**
     * Locks the chat's row and returns it. The router makes the row with the message's record, but session expiry
     * may delete an idle row between that statement and this lock; then the row is made again, at version 0 in
     * {@code initialState}, and locked.
     */
    static Uni<Row> lockRow(SqlConnection transaction, String channel, String chatId, String initialState) {
        Uni<Row> locked = transaction.preparedQuery("""
                SELECT flow_state, data, version FROM conversation WHERE channel = $1 AND chat_id = $2 FOR UPDATE""")
                .execute(Tuple.of(channel, chatId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null);
        return locked.flatMap(row -> row != null ? Uni.createFrom().item(row) : transaction.preparedQuery("""
                INSERT INTO conversation (channel, chat_id, flow_state) VALUES ($1, $2, $3)
                ON CONFLICT (channel, chat_id) DO NOTHING""")
                .execute(Tuple.of(channel, chatId, initialState))
                .flatMap(ignored -> lockRow(transaction, channel, chatId, initialState)));
    }
}
