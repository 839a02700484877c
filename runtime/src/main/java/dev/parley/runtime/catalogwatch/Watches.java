package dev.parley.runtime.catalogwatch;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The owner of {@code catalog_watch}: which customer watches which product. */
public final class Watches {

    /** How many products one customer may watch. */
    public static final int MAX_PER_CUSTOMER = 50;

    private Watches() {
    }

    /** The outcome of a watch. */
    public enum Added {
        ADDED, ALREADY, TOO_MANY, NO_SUCH_PRODUCT
    }

    /** A watched product and its current state. */
    public record Watched(long productId, String name, Long priceMinor, String currency, boolean available, boolean delisted, String url) {
    }

    /** A watcher of a product, for the owner. */
    public record Watcher(String channel, String chatId, String since) {
    }

    public static Uni<Added> add(SqlClient tx, String channel, String chatId, long productId) {
        return tx.preparedQuery("""
                SELECT (SELECT count(*) FROM catalog_watch WHERE channel = $1 AND chat_id = $2) AS watching,
                       EXISTS (SELECT 1 FROM catalog_watch WHERE channel = $1 AND chat_id = $2 AND product_id = $3) AS already,
                       EXISTS (SELECT 1 FROM catalog_product WHERE id = $3) AS known""")
                .execute(Tuple.of(channel, chatId, productId))
                .flatMap(rows -> {
                    Row r = rows.iterator().next();
                    if (!r.getBoolean("known")) {
                        return Uni.createFrom().item(Added.NO_SUCH_PRODUCT);
                    }
                    if (r.getBoolean("already")) {
                        return Uni.createFrom().item(Added.ALREADY);
                    }
                    if (r.getLong("watching") >= MAX_PER_CUSTOMER) {
                        return Uni.createFrom().item(Added.TOO_MANY);
                    }
                    return tx.preparedQuery("INSERT INTO catalog_watch (channel, chat_id, product_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                            .execute(Tuple.of(channel, chatId, productId)).replaceWith(Added.ADDED);
                });
    }

    /** Whether there was such a watch. */
    public static Uni<Boolean> remove(SqlClient tx, String channel, String chatId, long productId) {
        return tx.preparedQuery("DELETE FROM catalog_watch WHERE channel = $1 AND chat_id = $2 AND product_id = $3")
                .execute(Tuple.of(channel, chatId, productId)).map(rows -> rows.rowCount() > 0);
    }

    public static Uni<List<Watched>> of(SqlClient client, String channel, String chatId) {
        return client.preparedQuery("""
                SELECT p.id, p.name, p.price_minor, p.currency, p.available, p.delisted, p.url
                FROM catalog_watch w JOIN catalog_product p ON p.id = w.product_id
                WHERE w.channel = $1 AND w.chat_id = $2 ORDER BY w.created_at, p.id""")
                .execute(Tuple.of(channel, chatId))
                .map(rows -> {
                    List<Watched> watched = new ArrayList<>();
                    rows.forEach(r -> watched.add(new Watched(r.getLong("id"), r.getString("name"), r.getLong("price_minor"), r.getString("currency"),
                            r.getBoolean("available"), r.getBoolean("delisted"), r.getString("url"))));
                    return watched;
                });
    }

    public static Uni<List<Watcher>> ofProduct(SqlClient client, long productId) {
        return client.preparedQuery("SELECT channel, chat_id, created_at FROM catalog_watch WHERE product_id = $1 ORDER BY created_at")
                .execute(Tuple.of(productId))
                .map(rows -> {
                    List<Watcher> watchers = new ArrayList<>();
                    rows.forEach(r -> watchers.add(new Watcher(r.getString(0), r.getString(1), r.getOffsetDateTime(2).toInstant().toString())));
                    return watchers;
                });
    }
}
