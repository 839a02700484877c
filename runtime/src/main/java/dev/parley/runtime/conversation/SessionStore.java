package dev.parley.runtime.conversation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Where conversation state lives: PostgreSQL (the default) or Redis ({@code sessions: redis} on the
 * StorageBackend). Either way the chat's {@code conversation} row in PostgreSQL is locked for the whole turn and
 * carries the committed version ({@link Conversations}), so that one chat's messages are processed one at a time on any replica; see
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
}
