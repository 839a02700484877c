package dev.parley.runtime.commerce.product;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The owner of {@code cart}, {@code cart_line} and {@code delivery_details}: one cart per chat, in the database so
 * that any replica continues it. A cart holds products and quantities; prices and stock are read from the catalog
 * whenever it is shown, so it never quotes a stale price. Every change marks the cart as touched, which is what its
 * expiry counts from ({@link CartExpiry}).
 */
@ApplicationScoped
public class Carts {

    /** The most units of one product in a cart. */
    public static final int MAX_QUANTITY = 99;
    /** The most different products in a cart (a screen shows each as a button; WhatsApp shows ten at most). */
    public static final int MAX_LINES = 8;

    /** One line as shown: the product as it is now, and how many the customer wants. */
    public record Line(Product product, int quantity) {

        public long amountMinor() {
            return Math.multiplyExact(product.priceMinor(), quantity);
        }
    }

    /** The chat's cart, oldest line first; empty when it has none. */
    public Uni<List<Line>> lines(SqlClient client, String channel, String chatId) {
        return client.preparedQuery("SELECT p.id, p.sku, p.name, p.description, p.category_id, c.name AS category, p.price_minor, p.stock,"
                        + " p.image_url, p.active, l.quantity FROM cart_line l JOIN product p ON p.id = l.product_id"
                        + " JOIN product_category c ON c.id = p.category_id WHERE l.channel = $1 AND l.chat_id = $2 ORDER BY l.added_at, p.id")
                .execute(Tuple.of(channel, chatId))
                .map(rows -> {
                    List<Line> lines = new ArrayList<>();
                    rows.forEach(row -> lines.add(new Line(ProductRepository.product(row), row.getInteger("quantity"))));
                    return lines;
                });
    }

    /** Sets the line's quantity (0 removes it), making the cart if the chat has none. */
    public Uni<Void> set(SqlConnection tx, String channel, String chatId, long productId, int quantity) {
        if (quantity < 0 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("a cart line holds 0 to " + MAX_QUANTITY + " units, not " + quantity);
        }
        Uni<?> change = quantity == 0
                ? tx.preparedQuery("DELETE FROM cart_line WHERE channel = $1 AND chat_id = $2 AND product_id = $3")
                        .execute(Tuple.of(channel, chatId, productId))
                : tx.preparedQuery("INSERT INTO cart_line (channel, chat_id, product_id, quantity) VALUES ($1, $2, $3, $4)"
                                + " ON CONFLICT (channel, chat_id, product_id) DO UPDATE SET quantity = EXCLUDED.quantity")
                        .execute(Tuple.of(channel, chatId, productId, quantity));
        return touch(tx, channel, chatId).flatMap(ignored -> change).replaceWithVoid();
    }

    /** Empties the chat's cart (after checkout, or when it expires). */
    public Uni<Void> clear(SqlConnection tx, String channel, String chatId) {
        return tx.preparedQuery("DELETE FROM cart WHERE channel = $1 AND chat_id = $2").execute(Tuple.of(channel, chatId)).replaceWithVoid();
    }

    private static Uni<Void> touch(SqlConnection tx, String channel, String chatId) {
        return tx.preparedQuery("INSERT INTO cart (channel, chat_id) VALUES ($1, $2)"
                        + " ON CONFLICT (channel, chat_id) DO UPDATE SET updated_at = now(), reminded_at = NULL")
                .execute(Tuple.of(channel, chatId)).replaceWithVoid();
    }

    /** A chat whose cart the expiry job acts on, with its customer's language (null: unknown). */
    public record Idle(String channel, String chatId, String language) {
    }

    /**
     * Carts with lines left alone longer than {@code after} and not reminded since their last change: marked
     * reminded, and returned so the job can remind their customers, in the job's transaction.
     */
    public Uni<List<Idle>> remindIdle(SqlConnection tx, Duration after) {
        return tx.preparedQuery("UPDATE cart c SET reminded_at = now() FROM customer cu WHERE cu.channel = c.channel AND cu.chat_id = c.chat_id"
                        + " AND c.reminded_at IS NULL AND c.updated_at < now() - make_interval(secs => $1)"
                        + " AND EXISTS (SELECT 1 FROM cart_line l WHERE l.channel = c.channel AND l.chat_id = c.chat_id)"
                        + " RETURNING c.channel, c.chat_id, cu.language")
                .execute(Tuple.of((double) after.toSeconds()))
                .map(Carts::idle);
    }

    /** Carts left alone longer than {@code after}: deleted with their lines, and returned (those that had lines). */
    public Uni<List<Idle>> expire(SqlConnection tx, Duration after) {
        return tx.preparedQuery("WITH gone AS (DELETE FROM cart c WHERE c.updated_at < now() - make_interval(secs => $1)"
                        + " RETURNING c.channel, c.chat_id, EXISTS (SELECT 1 FROM cart_line l WHERE l.channel = c.channel AND l.chat_id = c.chat_id) AS had)"
                        + " SELECT g.channel, g.chat_id, cu.language FROM gone g LEFT JOIN customer cu ON cu.channel = g.channel AND cu.chat_id = g.chat_id"
                        + " WHERE g.had")
                .execute(Tuple.of((double) after.toSeconds()))
                .map(Carts::idle);
    }

    private static List<Idle> idle(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Idle> idle = new ArrayList<>();
        rows.forEach(row -> idle.add(new Idle(row.getString("channel"), row.getString("chat_id"), row.getString("language"))));
        return idle;
    }

    /** Where a customer wants their order delivered, as they said last time. */
    public record Delivery(String name, String phone, String address) {
    }

    public Uni<Optional<Delivery>> delivery(SqlClient client, String channel, String chatId) {
        return client.preparedQuery("SELECT name, phone, address FROM delivery_details WHERE channel = $1 AND chat_id = $2")
                .execute(Tuple.of(channel, chatId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(delivery(rows.iterator().next())));
    }

    public Uni<Void> rememberDelivery(SqlConnection tx, String channel, String chatId, Delivery delivery) {
        return tx.preparedQuery("INSERT INTO delivery_details (channel, chat_id, name, phone, address) VALUES ($1, $2, $3, $4, $5)"
                        + " ON CONFLICT (channel, chat_id) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone, address = EXCLUDED.address,"
                        + " updated_at = now()")
                .execute(Tuple.of(channel, chatId, delivery.name(), delivery.phone(), delivery.address())).replaceWithVoid();
    }

    private static Delivery delivery(Row row) {
        return new Delivery(row.getString("name"), row.getString("phone"), row.getString("address"));
    }
}
