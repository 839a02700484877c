package dev.parley.runtime.outbox;

import java.util.ArrayList;
import java.util.List;

import dev.parley.runtime.message.OutboundMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes messages into the outbox, in the caller's transaction: they are delivered only if it commits, and then
 * in the order written. The router writes a turn's replies here; approval writes the customer's invoice.
 */
public final class Outbox {

    private Outbox() {
    }

    public static Uni<Void> enqueue(SqlConnection tx, String channel, String chatId, List<OutboundMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(messages.size());
        for (OutboundMessage message : messages) {
            rows.add(Tuple.of(channel, chatId, message.toJson()));
        }
        return tx.preparedQuery("INSERT INTO outbox_message (channel, chat_id, payload) VALUES ($1, $2, $3)")
                .executeBatch(rows).replaceWithVoid();
    }
}
