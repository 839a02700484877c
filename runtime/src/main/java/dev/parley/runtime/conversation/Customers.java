package dev.parley.runtime.conversation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

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

    /** A customer as another system names them: their number, chat, name (or null) and language (or null). */
    public record Known(long id, String channel, String chatId, String name, String language) {
    }

    private static final String KNOWN = "id, channel, chat_id, display_name, language";

    /** The customer of that number, if there is one. */
    public static Uni<Optional<Known>> byId(SqlClient client, long id) {
        return client.preparedQuery("SELECT " + KNOWN + " FROM customer WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(known(rows.iterator().next())));
    }

    /**
     * The customer of that chat, recorded now if the bot has not met them (an order from another system may come
     * first): they have not written yet, so {@code last_inbound_at} is the epoch (WhatsApp's 24-hour window is closed).
     * A name given replaces none; it does not overwrite the one their channel gave.
     */
    public static Uni<Known> ensure(SqlConnection tx, String channel, String chatId, String name, String language) {
        return tx.preparedQuery("INSERT INTO customer (channel, chat_id, display_name, language, last_inbound_at) VALUES ($1, $2, $3, $4, 'epoch')"
                        + " ON CONFLICT (channel, chat_id) DO UPDATE SET display_name = coalesce(customer.display_name, EXCLUDED.display_name),"
                        + " language = coalesce(customer.language, EXCLUDED.language) RETURNING " + KNOWN)
                .execute(Tuple.of(channel, chatId, name, language))
                .map(rows -> known(rows.iterator().next()));
    }

    private static Known known(Row row) {
        return new Known(row.getLong("id"), row.getString("channel"), row.getString("chat_id"), row.getString("display_name"),
                row.getString("language"));
    }

    /** The language the customer chose in a conversation; they are answered in it from now on. */
    public static Uni<Void> setLanguage(SqlConnection tx, String channel, String chatId, String language) {
        return tx.preparedQuery("UPDATE customer SET language = $3 WHERE channel = $1 AND chat_id = $2")
                .execute(Tuple.of(channel, chatId, language)).replaceWithVoid();
    }
}
