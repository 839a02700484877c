package dev.parley.runtime.conversation;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The owner of the {@code customer} table: who wrote on which channel and chat, their name, language and last
 * message. The intake statement of {@link ConversationRouter} records a customer with their first message and notes
 * every later one; the commerce rooms read customers in their own queries (an order's customer, a ledger's owner)
 * but never write them.
 */
public final class Customers {

    private Customers() {
    }

    /** What the bot knows of a chat's customer: when they last wrote (null: never) and their language (or null). */
    public record Contact(Instant lastInbound, String language) {
    }

    public static Uni<Contact> contact(SqlClient client, String channel, String chatId) {
        return client.preparedQuery("SELECT last_inbound_at, language FROM customer WHERE channel = $1 AND chat_id = $2")
                .execute(Tuple.of(channel, chatId))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return new Contact(null, null);
                    }
                    Row row = it.next();
                    OffsetDateTime last = row.getOffsetDateTime("last_inbound_at");
                    return new Contact(last == null ? null : last.toInstant(), row.getString("language"));
                });
    }

    /** The language the customer chose in a conversation; they are answered in it from now on. */
    public static Uni<Void> setLanguage(SqlConnection tx, String channel, String chatId, String language) {
        return tx.preparedQuery("UPDATE customer SET language = $3 WHERE channel = $1 AND chat_id = $2")
                .execute(Tuple.of(channel, chatId, language)).replaceWithVoid();
    }
}
