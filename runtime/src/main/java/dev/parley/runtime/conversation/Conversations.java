package dev.parley.runtime.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The owner of the {@code conversation} table: one row per chat, whose lock serialises the chat's messages on every
 * replica, with the flow's state, the session's data (unless sessions live in Redis) and the committed version. The
 * intake statement of {@link ConversationRouter} makes the row with the message's record (docs/architecture.md says
 * why that one statement writes three tables).
 */
public final class Conversations {

    /** Locks a chat's row ($1 channel, $2 chat); the runtime-intake benchmark runs this statement too. */
    public static final String LOCK = "SELECT flow_state, data, version FROM conversation WHERE channel = $1 AND chat_id = $2 FOR UPDATE";

    /** Stores a turn ($3 state, $4 data) as the next version; the runtime-intake benchmark runs this statement too. */
    public static final String SAVE = "UPDATE conversation SET flow_state = $3, data = $4, version = version + 1, updated_at = now()"
            + " WHERE channel = $1 AND chat_id = $2";

    private Conversations() {
    }

    /**
     * Locks the chat's row and returns it ({@code flow_state}, {@code data}, {@code version}). The router makes the
     * row with the message's record, but session expiry may delete an idle row between that statement and this lock;
     * then the row is made again, at version 0 in {@code initialState}, and locked.
     */
    public static Uni<Row> lock(SqlConnection tx, String channel, String chatId, String initialState) {
        Uni<Row> locked = tx.preparedQuery(LOCK)
                .execute(Tuple.of(channel, chatId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null);
        return locked.flatMap(row -> row != null ? Uni.createFrom().item(row) : tx.preparedQuery("""
                INSERT INTO conversation (channel, chat_id, flow_state) VALUES ($1, $2, $3)
                ON CONFLICT (channel, chat_id) DO NOTHING""")
                .execute(Tuple.of(channel, chatId, initialState))
                .flatMap(ignored -> lock(tx, channel, chatId, initialState)));
    }

    /** Stores a turn's state and data as the next version. */
    public static Uni<Void> save(SqlConnection tx, String channel, String chatId, String state, JsonObject data) {
        return tx.preparedQuery(SAVE)
                .execute(Tuple.of(channel, chatId, state, data == null ? new JsonObject() : data))
                .replaceWithVoid();
    }

    /** Stores a turn's state as the next version, its data being kept elsewhere (Redis). */
    public static Uni<Void> saveState(SqlConnection tx, String channel, String chatId, String state) {
        return tx.preparedQuery("""
                UPDATE conversation SET flow_state = $3, version = version + 1, updated_at = now() WHERE channel = $1 AND chat_id = $2""")
                .execute(Tuple.of(channel, chatId, state))
                .replaceWithVoid();
    }

    /** A conversation that ended for want of messages: where it was, and the customer's language (or null). */
    public record Ended(String channel, String chatId, String state, String language) {
    }

    /** Deletes the conversations silent for longer than {@code idle}; the chat's next message starts afresh. */
    public static Uni<List<Ended>> endIdle(SqlConnection tx, Duration idle) {
        return tx.preparedQuery("""
                WITH gone AS (
                    DELETE FROM conversation WHERE updated_at < now() - make_interval(secs => $1)
                    RETURNING channel, chat_id, flow_state)
                SELECT gone.channel, gone.chat_id, gone.flow_state, customer.language
                FROM gone LEFT JOIN customer USING (channel, chat_id)""")
                .execute(Tuple.of(idle.toMillis() / 1000.0))
                .map(rows -> {
                    List<Ended> ended = new ArrayList<>();
                    rows.forEach(row -> ended.add(new Ended(row.getString("channel"), row.getString("chat_id"),
                            row.getString("flow_state"), row.getString("language"))));
                    return ended;
                });
    }
}
