package dev.parley.runtime.commerce.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.parley.runtime.commerce.Money;
import dev.parley.runtime.commerce.inventory.Quantity;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Test data for orders, written as the runtime would: customers as the router records them, batches as the owner
 * enters them, orders placed through {@link OrderRepository} with their allocations.
 */
public final class Orders {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private final Pool pool;
    private final OrderRepository orders;

    public Orders(Pool pool, OrderRepository orders) {
        this.pool = pool;
        this.orders = orders;
    }

    /** A customer on Telegram (not configured in tests, so the outbox keeps their messages): their chat id. */
    public String customer(String language, String name) {
        String chat = "chat-" + UUID.randomUUID();
        pool.preparedQuery("INSERT INTO customer (channel, chat_id, display_name, language) VALUES ('telegram', $1, $2, $3)")
                .execute(Tuple.of(chat, name, language)).await().atMost(WAIT);
        return chat;
    }

    public long customerId(String chat) {
        return one("SELECT id FROM customer WHERE chat_id = $1", chat).getLong("id");
    }

    /** A batch of {@code color} {@code material} (both added to the catalog if new): its id. */
    public long batch(String material, String color, int rolls, String metersPerRoll, String looseMeters, long pricePerMeterMinor) {
        pool.preparedQuery("INSERT INTO material (name) VALUES ($1) ON CONFLICT DO NOTHING").execute(Tuple.of(material)).await().atMost(WAIT);
        pool.preparedQuery("INSERT INTO color (name) VALUES ($1) ON CONFLICT DO NOTHING").execute(Tuple.of(color)).await().atMost(WAIT);
        return pool.preparedQuery("INSERT INTO inventory_batch (material, color, rolls_available, meters_per_roll, loose_meters_available,"
                        + " price_per_meter_minor) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
                .execute(Tuple.from(Arrays.asList(material, color, rolls, new BigDecimal(metersPerRoll), new BigDecimal(looseMeters),
                        pricePerMeterMinor)))
                .await().atMost(WAIT).iterator().next().getLong("id");
    }

    /** What a batch holds now: {@code "3 rolls + 10.00 m"}. */
    public String stock(long batchId) {
        Row row = one("SELECT rolls_available, loose_meters_available FROM inventory_batch WHERE id = $1", batchId);
        return row.getInteger("rolls_available") + " rolls + " + row.getBigDecimal("loose_meters_available").toPlainString() + " m";
    }

    /** A take of whole rolls and loose meters from a batch, at its price. */
    public static NewOrder.Take take(long batchId, int rolls, String metersPerRoll, String looseMeters, long pricePerMeterMinor) {
        BigDecimal loose = new BigDecimal(looseMeters).setScale(2);
        BigDecimal meters = new BigDecimal(metersPerRoll).multiply(BigDecimal.valueOf(rolls)).add(loose).setScale(2);
        return new NewOrder.Take(batchId, rolls, loose, meters, pricePerMeterMinor);
    }

    /** A line asking for as many meters as its takes give, priced as the order agent prices it. */
    public static NewOrder.Line line(int lineNo, String material, String color, NewOrder.Take... takes) {
        BigDecimal meters = Arrays.stream(takes).map(NewOrder.Take::meters).reduce(new BigDecimal("0.00"), BigDecimal::add);
        BigDecimal exact = Arrays.stream(takes).map(t -> Money.exact(t.meters(), t.pricePerMeterMinor())).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new NewOrder.Line(lineNo, material, color, Quantity.meters(meters), meters, Money.round(exact), List.of(takes));
    }

    /** Places an order of these lines for the customer of {@code chat}, waiting for the owner: its id. */
    public long place(String chat, String language, NewOrder.Line... lines) {
        long id = one("SELECT nextval('customer_order_id_seq') AS id").getLong("id");
        NewOrder order = new NewOrder(id, "telegram", chat, language, "INR", new ArrayList<>(List.of(lines)));
        pool.withTransaction(tx -> orders.place(tx, order)).await().atMost(WAIT);
        return id;
    }

    /** The text of a PDF, as a reader would extract it. */
    public static String pdfText(byte[] pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Row one(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(WAIT).iterator().next();
    }

    public long count(String sql, Object... args) {
        return one(sql, args).getLong(0);
    }

    /** The payloads written to the outbox for {@code chat}, oldest first. */
    public List<io.vertx.core.json.JsonObject> outbox(String chat) {
        List<io.vertx.core.json.JsonObject> payloads = new ArrayList<>();
        pool.preparedQuery("SELECT payload FROM outbox_message WHERE chat_id = $1 ORDER BY id").execute(Tuple.of(chat)).await().atMost(WAIT)
                .forEach(row -> payloads.add(row.getJsonObject("payload")));
        return payloads;
    }
}
