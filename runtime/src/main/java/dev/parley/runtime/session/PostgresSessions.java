package dev.parley.runtime.session;

import dev.parley.runtime.conversation.Conversation;
import dev.parley.runtime.conversation.Flow;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import dev.parley.runtime.conversation.SessionStore;

/** Sessions in the {@code conversation} row itself: state and data change in the same transaction as everything else. */
public final class PostgresSessions implements SessionStore {

    @Override
    public Uni<Conversation> load(SqlConnection transaction, String channel, String chatId, String initialState) {
        return SessionStore.lockRow(transaction, channel, chatId, initialState)
                .map(row -> new Conversation(channel, chatId, row.getString("flow_state"), row.getJsonObject("data"), row.getLong("version")));
    }

    @Override
    public Uni<Void> save(SqlConnection transaction, Conversation before, Flow.Turn turn) {
        return transaction.preparedQuery("""
                UPDATE conversation SET flow_state = $3, data = $4, version = version + 1, updated_at = now()
                WHERE channel = $1 AND chat_id = $2""")
                .execute(Tuple.of(before.channel(), before.chatId(), turn.state(), turn.data() == null ? new JsonObject() : turn.data()))
                .replaceWithVoid();
    }
}
