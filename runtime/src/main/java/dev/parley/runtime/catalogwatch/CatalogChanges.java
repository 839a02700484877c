package dev.parley.runtime.catalogwatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.parley.runtime.commerce.Money;
import dev.parley.runtime.message.Messages;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The owner of {@code catalog_change_event} and {@code catalog_alert}: the changes a sync found (written in the
 * sync's own transaction, at most one of a kind per product and run), and their delivery to the product's watchers.
 * Delivery takes undelivered events with {@code FOR UPDATE SKIP LOCKED}, records one {@code catalog_alert} per event
 * and watcher (its primary key refuses a second) and queues the alert in the outbox in the same transaction, so that
 * each watcher hears of each change once, however many replicas deliver at once and however often a sync repeats.
 */
public final class CatalogChanges {

    public static final String BACK_IN_STOCK = "BACK_IN_STOCK";
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    public static final String PRICE_CHANGED = "PRICE_CHANGED";
    public static final String DELISTED = "DELISTED";

    static final Messages TEXTS = new Messages("catalogwatch");
    private static final int BATCH = 200;

    private CatalogChanges() {
    }

    /** One change of one product. */
    public record Change(long productId, String kind, Long oldPriceMinor, Long newPriceMinor) {
    }

    /** The changes from what was stored to what was read: availability either way, a new price. */
    static List<Change> between(long productId, boolean wasAvailable, Long oldPrice, boolean available, Long newPrice) {
        List<Change> changes = new ArrayList<>();
        if (!wasAvailable && available) {
            changes.add(new Change(productId, BACK_IN_STOCK, oldPrice, newPrice));
        } else if (wasAvailable && !available) {
            changes.add(new Change(productId, OUT_OF_STOCK, oldPrice, newPrice));
        }
        if (oldPrice != null && newPrice != null && !oldPrice.equals(newPrice)) {
            changes.add(new Change(productId, PRICE_CHANGED, oldPrice, newPrice));
        }
        return changes;
    }

    static Uni<Void> record(SqlConnection tx, long runId, List<Change> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        changes.forEach(c -> rows.add(Tuple.from(Arrays.asList(c.productId(), runId, c.kind(), c.oldPriceMinor(), c.newPriceMinor()))));
        return tx.preparedQuery("""
                INSERT INTO catalog_change_event (product_id, run_id, kind, old_price_minor, new_price_minor)
                VALUES ($1, $2, $3, $4, $5) ON CONFLICT ON CONSTRAINT catalog_change_event_once DO NOTHING""")
                .executeBatch(rows).replaceWithVoid();
    }

    /** Delivers every undelivered event, a batch per transaction; the number of alerts queued. */
    public static Uni<Integer> deliver(Pool pool, String defaultLanguage) {
        return pool.withTransaction(tx -> deliverBatch(tx, defaultLanguage))
                .flatMap(batch -> batch.events() < BATCH ? Uni.createFrom().item(batch.alerts())
                        : deliver(pool, defaultLanguage).map(more -> more + batch.alerts()));
    }

    private record Batch(int events, int alerts) {
    }

    private static Uni<Batch> deliverBatch(SqlConnection tx, String defaultLanguage) {
        return tx.preparedQuery("""
                SELECT e.id, e.kind, e.old_price_minor, e.new_price_minor, p.id AS product_id, p.name, p.url, p.currency
                FROM catalog_change_event e JOIN catalog_product p ON p.id = e.product_id
                WHERE e.delivered_at IS NULL ORDER BY e.id LIMIT $1 FOR UPDATE OF e SKIP LOCKED""")
                .execute(Tuple.of(BATCH))
                .flatMap(events -> {
                    List<Row> list = new ArrayList<>();
                    events.forEach(list::add);
                    Uni<Integer> alerts = Uni.createFrom().item(0);
                    for (Row event : list) {
                        alerts = alerts.flatMap(sofar -> alertWatchers(tx, event, defaultLanguage).map(n -> n + sofar));
                    }
                    Long[] ids = list.stream().map(r -> r.getLong("id")).toArray(Long[]::new);
                    return alerts.flatMap(n -> tx.preparedQuery("UPDATE catalog_change_event SET delivered_at = now() WHERE id = ANY($1)")
                            .execute(Tuple.of(ids)).replaceWith(new Batch(list.size(), n)));
                });
    }

    private static Uni<Integer> alertWatchers(SqlConnection tx, Row event, String defaultLanguage) {
        return tx.preparedQuery("""
                WITH fresh AS (
                    INSERT INTO catalog_alert (event_id, channel, chat_id)
                    SELECT $1, w.channel, w.chat_id FROM catalog_watch w WHERE w.product_id = $2
                    ON CONFLICT DO NOTHING RETURNING channel, chat_id)
                SELECT f.channel, f.chat_id, c.language FROM fresh f
                LEFT JOIN customer c ON c.channel = f.channel AND c.chat_id = f.chat_id
                ORDER BY f.channel, f.chat_id""")
                .execute(Tuple.of(event.getLong("id"), event.getLong("product_id")))
                .flatMap(watchers -> {
                    Uni<Void> queued = Uni.createFrom().voidItem();
                    int n = 0;
                    for (Row watcher : watchers) {
                        String language = watcher.getString("language") != null ? watcher.getString("language") : defaultLanguage;
                        OutboundMessage alert = alert(event, language);
                        queued = queued.flatMap(ignored -> Outbox.enqueue(tx, watcher.getString("channel"), watcher.getString("chat_id"), List.of(alert)));
                        n++;
                    }
                    int count = n;
                    return queued.replaceWith(count);
                });
    }

    private static OutboundMessage alert(Row event, String language) {
        String name = event.getString("name");
        String url = event.getString("url") == null ? "" : event.getString("url");
        String currency = event.getString("currency");
        Long newPrice = event.getLong("new_price_minor");
        String text = switch (event.getString("kind")) {
            case BACK_IN_STOCK -> TEXTS.get(language, "alert.back", name, price(newPrice, currency, language), url);
            case OUT_OF_STOCK -> TEXTS.get(language, "alert.out", name, url);
            case PRICE_CHANGED -> TEXTS.get(language, "alert.price", name, price(event.getLong("old_price_minor"), currency, language),
                    price(newPrice, currency, language), url);
            default -> TEXTS.get(language, "alert.delisted", name);
        };
        return OutboundMessage.withButtons(text.strip(),
                new OutboundMessage.Button(Buttons.UNWATCH + event.getLong("product_id"), TEXTS.get(language, "button.unwatch")));
    }

    /** A price for a customer: {@code EUR 24.95}, or the bundle's word for an unknown one. */
    public static String price(Long minor, String currency, String language) {
        return minor == null || currency == null ? TEXTS.get(language, "price.unknown") : Money.format(minor, currency);
    }
}
