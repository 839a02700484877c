package dev.parley.runtime.session;

import dev.parley.runtime.conversation.Conversation;
import dev.parley.runtime.conversation.Conversations;
import dev.parley.runtime.conversation.Flow;
import dev.parley.runtime.conversation.SessionStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Sessions in the {@code conversation} row itself: state and data change in the same transaction as everything else. */
public final class PostgresSessions implements SessionStore {

    @Override
    public Uni<Conversation> load(SqlConnection transaction, String channel, String chatId, String initialState) {
        return Conversations.lock(transaction, channel, chatId, initialState)
                .map(row -> new Conversation(channel, chatId, row.getString("flow_state"), row.getJsonObject("data"), row.getLong("version")));
    }

    @Override
    public Uni<Void> save(SqlConnection transaction, Conversation before, Flow.Turn turn) {
        return Conversations.save(transaction, before.channel(), before.chatId(), turn.state(), turn.data());
    }
}
