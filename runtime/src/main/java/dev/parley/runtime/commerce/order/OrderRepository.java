package dev.parley.runtime.commerce.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.parley.runtime.commerce.inventory.Quantity;
import dev.parley.runtime.message.Messages;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The owner of {@code customer_order}, {@code order_line} and {@code order_allocation}: an order is stored when the
 * customer confirms, read back whole (lines and their allocations) for the owner and for approval, decided, and
 * fulfilled. Every change of an order's state or fulfilment, its placement included, passes through
 * {@link #change}, in the transaction that makes it, which writes the change's event ({@link OrderEvents}) there and
 * hands it to the {@link OrderEventSink}s (webhooks): nothing changes an order without its followers hearing of it.
 */
@ApplicationScoped
public class OrderRepository {

    private final List<OrderEventSink> sinks;

    public OrderRepository(Instance<OrderEventSink> sinks) {
        this.sinks = sinks.stream().toList();
    }

    private static final String SELECT_ORDERS = "SELECT o.id, o.customer_id, c.display_name, o.channel, o.chat_id, o.state, o.language, o.currency,"
            + " o.subtotal_minor, o.confirmed_at, o.decided_at, o.decided_by, o.rejection_reason, i.id AS invoice_id, o.kind, o.payment,"
            + " o.delivery_name, o.delivery_phone, o.delivery_address, o.fulfilment, o.fulfilment_reason, o.fulfilment_at"
            + " FROM customer_order o JOIN customer c ON c.id = o.customer_id LEFT JOIN invoice i ON i.order_id = o.id";

    /** The id of the order a customer starts putting together; it becomes the order row's id when they confirm. */
    public Uni<Long> nextId(SqlConnection tx) {
        return tx.query("SELECT nextval('customer_order_id_seq')").execute().map(rows -> rows.iterator().next().getLong(0));
    }

    /** Locks the order's row for a decision and reads its state; empty when there is no such order. */
    public Uni<Optional<Order.State>> lockState(SqlConnection tx, long orderId) {
        return tx.preparedQuery("SELECT state FROM customer_order WHERE id = $1 FOR UPDATE").execute(Tuple.of(orderId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Order.State.valueOf(rows.iterator().next().getString("state"))));
    }

    /** What a decision or a fulfilment step needs to know of a locked order. */
    public record Locked(Order.State state, Order.Kind kind, Fulfilment fulfilment, Checkout.Payment payment) {
    }

    /** Locks the order's row and reads where it stands; empty when there is no such order. */
    public Uni<Optional<Locked>> lock(SqlConnection tx, long orderId) {
        return tx.preparedQuery("SELECT state, kind, fulfilment, payment FROM customer_order WHERE id = $1 FOR UPDATE").execute(Tuple.of(orderId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    String fulfilment = row.getString("fulfilment");
                    String payment = row.getString("payment");
                    return Optional.of(new Locked(Order.State.valueOf(row.getString("state")), Order.Kind.valueOf(row.getString("kind")),
                            fulfilment == null ? null : Fulfilment.valueOf(fulfilment), payment == null ? null : Checkout.Payment.valueOf(payment)));
                });
    }

    /** Records the owner's decision on a locked order. */
    public Uni<Void> markDecided(SqlConnection tx, long orderId, Order.State state, String decidedBy, String reason) {
        return change(tx, new OrderChange.Decided(orderId, state, decidedBy, reason));
    }

    /**
     * Moves a locked, accepted order's fulfilment from {@code from} to {@code to}; the caller has checked that the
     * step is allowed ({@link Fulfilment#canMove}). {@code reason} is a cancellation's, null otherwise.
     */
    public Uni<Void> markFulfilment(SqlConnection tx, long orderId, Fulfilment from, Fulfilment to, String by, String reason) {
        return change(tx, new OrderChange.Fulfilled(orderId, from, to, by, reason));
    }

    /**
     * The one place an order's state or fulfilment changes (a placement has been inserted already): every change
     * is written here, in the caller's transaction.
     */
    private Uni<Void> change(SqlConnection tx, OrderChange change) {
        JsonObject data = new JsonObject().put("by", change.by());
        if (change instanceof OrderChange.Decided decided) {
            if (decided.reason() != null) {
                data.put("reason", decided.reason());
            }
            return tx.preparedQuery("UPDATE customer_order SET state = $2, decided_at = now(), decided_by = $3, rejection_reason = $4 WHERE id = $1")
                    .execute(Tuple.of(decided.orderId(), decided.state().name(), decided.by(), decided.reason()))
                    .flatMap(ignored -> event(tx, decided.orderId(), decided.state() == Order.State.ORDER_COMPLETED ? OrderEvents.APPROVED
                            : OrderEvents.REJECTED, decided.state().name(), data));
        }
        if (change instanceof OrderChange.Fulfilled fulfilled) {
            data.put("fulfilment", fulfilled.to().name()).put("from", fulfilled.from() == null ? null : fulfilled.from().name());
            if (fulfilled.reason() != null) {
                data.put("reason", fulfilled.reason());
            }
            return tx.preparedQuery("UPDATE customer_order SET fulfilment = $2, fulfilment_reason = $3, fulfilment_at = now() WHERE id = $1")
                    .execute(Tuple.of(fulfilled.orderId(), fulfilled.to().name(), fulfilled.reason()))
                    .flatMap(ignored -> event(tx, fulfilled.orderId(), OrderEvents.FULFILMENT, Order.State.ORDER_COMPLETED.name(), data));
        }
        OrderChange.Placed placed = (OrderChange.Placed) change;
        return event(tx, placed.orderId(), OrderEvents.PLACED, Order.State.WAITING_OWNER_CONFIRMATION.name(), data.put("kind", placed.kind().name()));
    }

    /** Writes an order's event in the caller's transaction and hands it to every sink in the same transaction. */
    private Uni<Void> event(SqlConnection tx, long orderId, String type, String state, JsonObject data) {
        return OrderEvents.record(tx, orderId, type, state, data).flatMap(rowId -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (OrderEventSink sink : sinks) {
                all = all.flatMap(ignored -> sink.recorded(tx, rowId));
            }
            return all;
        });
    }

    /**
     * Stores the order as waiting for the owner, in the caller's transaction, for the customer of its chat (whom
     * the chat's first message recorded). A chat with no customer row fails with an {@link IllegalStateException}.
     */
    public Uni<Void> place(SqlConnection tx, NewOrder order) {
        List<Tuple> lines = new ArrayList<>();
        List<Tuple> takes = new ArrayList<>();
        for (NewOrder.Line line : order.lines()) {
            boolean meters = line.requested().unit() == Quantity.Unit.METERS;
            lines.add(Tuple.from(Arrays.asList(order.id(), line.lineNo(), line.material(), line.color(),
                    meters ? line.requested().amount() : null, meters ? null : line.requested().rolls(), line.meters(), line.amountMinor())));
            for (NewOrder.Take take : line.takes()) {
                takes.add(Tuple.from(Arrays.asList(order.id(), line.lineNo(), take.batchId(), take.rolls(), take.looseMeters(), take.meters(),
                        take.pricePerMeterMinor())));
            }
        }
        return tx.preparedQuery("INSERT INTO customer_order (id, customer_id, channel, chat_id, state, language, currency, subtotal_minor)"
                        + " SELECT $1, id, channel, chat_id, 'WAITING_OWNER_CONFIRMATION', $4, $5, $6 FROM customer WHERE channel = $2 AND chat_id = $3")
                .execute(Tuple.from(Arrays.asList(order.id(), order.channel(), order.chatId(), Messages.language(order.language()),
                        order.currency(), order.subtotalMinor())))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new IllegalStateException("order " + order.id() + " cannot be placed: there is no customer for "
                                + order.channel() + " chat " + order.chatId());
                    }
                })
                .flatMap(ignored -> tx.preparedQuery("INSERT INTO order_line (order_id, line_no, material, color, requested_meters,"
                        + " requested_rolls, meters, amount_minor) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)").executeBatch(lines))
                .flatMap(ignored -> tx.preparedQuery("INSERT INTO order_allocation (order_id, line_no, batch_id, rolls, loose_meters, meters,"
                        + " price_per_meter_minor) VALUES ($1, $2, $3, $4, $5, $6, $7)").executeBatch(takes))
                .flatMap(ignored -> change(tx, new OrderChange.Placed(order.id(), Order.Kind.ORDER_AGENT, order.channel() + ":" + order.chatId())));
    }

    /**
     * Stores an order of products as waiting for the owner, in the caller's transaction, for the customer of its
     * chat; like {@link #place}, a chat with no customer row fails with an {@link IllegalStateException}.
     */
    public Uni<Void> placeProducts(SqlConnection tx, NewProductOrder order) {
        Checkout checkout = order.checkout();
        List<Tuple> lines = order.lines().stream().map(line -> Tuple.from(Arrays.asList(order.id(), line.lineNo(), line.productId(), line.sku(),
                line.name(), line.quantity(), line.unitPriceMinor(), line.amountMinor()))).toList();
        return tx.preparedQuery("INSERT INTO customer_order (id, customer_id, channel, chat_id, state, language, currency, subtotal_minor, kind,"
                        + " payment, delivery_name, delivery_phone, delivery_address)"
                        + " SELECT $1, id, channel, chat_id, 'WAITING_OWNER_CONFIRMATION', $4, $5, $6, $7, $8, $9, $10, $11"
                        + " FROM customer WHERE channel = $2 AND chat_id = $3")
                .execute(Tuple.from(Arrays.asList(order.id(), order.channel(), order.chatId(), Messages.language(order.language()),
                        order.currency(), order.subtotalMinor(), order.kind().name(),
                        checkout == null ? null : checkout.payment().name(), checkout == null ? null : checkout.name(),
                        checkout == null ? null : checkout.phone(), checkout == null ? null : checkout.address())))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new IllegalStateException("order " + order.id() + " cannot be placed: there is no customer for "
                                + order.channel() + " chat " + order.chatId());
                    }
                })
                .flatMap(ignored -> tx.preparedQuery("INSERT INTO order_line (order_id, line_no, product_id, product_sku, product_name, quantity,"
                        + " unit_price_minor, amount_minor) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)").executeBatch(lines))
                .flatMap(ignored -> change(tx, new OrderChange.Placed(order.id(), order.kind(), order.channel() + ":" + order.chatId())));
    }

    /** A customer's orders newest first, at most {@code limit}: what "My orders" shows. */
    public Uni<List<Order>> ofChat(SqlClient client, String channel, String chatId, int limit) {
        return client.preparedQuery(SELECT_ORDERS + " WHERE o.channel = $1 AND o.chat_id = $2 ORDER BY o.confirmed_at DESC, o.id DESC LIMIT $3")
                .execute(Tuple.of(channel, chatId, limit))
                .flatMap(rows -> withLines(client, rows));
    }

    /** The order with its lines and their allocations, read through {@code client} (a pool or a transaction). */
    public Uni<Optional<Order>> find(SqlClient client, long id) {
        return client.preparedQuery(SELECT_ORDERS + " WHERE o.id = $1").execute(Tuple.of(id))
                .flatMap(rows -> withLines(client, rows))
                .map(orders -> orders.stream().findFirst());
    }

    /**
     * The stretch of time that is this order's conversation: from the customer's previous order (or {@code around}
     * before the confirmation, if that is later) to their next one (or {@code around} after the last thing that
     * happened to the order: its confirmation, decision or latest fulfilment step).
     */
    public Uni<Window> conversationWindow(SqlClient client, Order order, Duration around) {
        return client.preparedQuery("""
                SELECT (SELECT confirmed_at FROM customer_order WHERE customer_id = $1 AND id < $2 ORDER BY id DESC LIMIT 1) AS before,
                       (SELECT confirmed_at FROM customer_order WHERE customer_id = $1 AND id > $2 ORDER BY id LIMIT 1) AS after""")
                .execute(Tuple.of(order.customerId(), order.id()))
                .map(rows -> {
                    var row = rows.iterator().next();
                    Instant last = Stream.of(order.confirmedAt(), order.decidedAt(), order.fulfilmentAt())
                            .filter(Objects::nonNull).max(Instant::compareTo).orElseThrow();
                    Instant from = order.confirmedAt().minus(around);
                    Instant to = last.plus(around);
                    if (row.getOffsetDateTime("before") != null && row.getOffsetDateTime("before").toInstant().isAfter(from)) {
                        from = row.getOffsetDateTime("before").toInstant();
                    }
                    if (row.getOffsetDateTime("after") != null && row.getOffsetDateTime("after").toInstant().isBefore(to)) {
                        to = row.getOffsetDateTime("after").toInstant();
                    }
                    return new Window(from, to);
                });
    }

    /** A stretch of time, both ends included. */
    public record Window(Instant from, Instant to) {
    }

    /** The ids of the orders waiting for the owner, lowest first: what a live view compares to see that one arrived or went. */
    public Uni<List<Long>> waitingIds(SqlClient client) {
        return client.query("SELECT id FROM customer_order WHERE state = 'WAITING_OWNER_CONFIRMATION' ORDER BY id").execute()
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong("id")));
                    return ids;
                });
    }

    /** Orders newest first (by confirmation), optionally only those in one state, at most {@code limit}. */
    public Uni<List<Order>> list(SqlClient client, Optional<Order.State> state, int limit) {
        return list(client, state, Optional.empty(), limit);
    }

    /** The same, optionally only orders of one kind (the shop's). */
    public Uni<List<Order>> list(SqlClient client, Optional<Order.State> state, Optional<Order.Kind> kind, int limit) {
        return client.preparedQuery(SELECT_ORDERS + " WHERE ($1::text IS NULL OR o.state = $1) AND ($3::text IS NULL OR o.kind = $3)"
                        + " ORDER BY o.confirmed_at DESC, o.id DESC LIMIT $2")
                .execute(Tuple.of(state.map(Order.State::name).orElse(null), limit, kind.map(Order.Kind::name).orElse(null)))
                .flatMap(rows -> withLines(client, rows));
    }

    /** The orders of {@code rows}, in their order, each with its lines: two more queries, however many orders. */
    private static Uni<List<Order>> withLines(SqlClient client, RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Uni.createFrom().item(List.of());
        }
        List<Row> orders = new ArrayList<>();
        rows.forEach(orders::add);
        Long[] ids = orders.stream().map(row -> row.getLong("id")).toArray(Long[]::new);
        return client.preparedQuery("SELECT order_id, line_no, batch_id, rolls, loose_meters, meters, price_per_meter_minor"
                        + " FROM order_allocation WHERE order_id = ANY($1) ORDER BY order_id, line_no, batch_id").execute(Tuple.of(ids))
                .flatMap(takeRows -> client.preparedQuery("SELECT order_id, line_no, material, color, requested_meters, requested_rolls,"
                                + " meters, amount_minor, product_id, product_sku, product_name, quantity, unit_price_minor"
                                + " FROM order_line WHERE order_id = ANY($1) ORDER BY order_id, line_no").execute(Tuple.of(ids))
                        .map(lineRows -> {
                            Map<List<Long>, List<NewOrder.Take>> takes = new HashMap<>();
                            takeRows.forEach(row -> takes.computeIfAbsent(lineKey(row), k -> new ArrayList<>()).add(new NewOrder.Take(
                                    row.getLong("batch_id"), row.getInteger("rolls"), row.getBigDecimal("loose_meters"),
                                    row.getBigDecimal("meters"), row.getLong("price_per_meter_minor"))));
                            Map<Long, List<NewOrder.Line>> lines = new HashMap<>();
                            Map<Long, List<NewOrder.ProductLine>> products = new HashMap<>();
                            lineRows.forEach(row -> {
                                if (row.getString("product_sku") != null) {
                                    products.computeIfAbsent(row.getLong("order_id"), k -> new ArrayList<>()).add(new NewOrder.ProductLine(
                                            row.getInteger("line_no"), row.getLong("product_id"), row.getString("product_sku"),
                                            row.getString("product_name"), row.getInteger("quantity"), row.getLong("unit_price_minor")));
                                } else {
                                    lines.computeIfAbsent(row.getLong("order_id"), k -> new ArrayList<>()).add(new NewOrder.Line(
                                            row.getInteger("line_no"), row.getString("material"), row.getString("color"), requested(row),
                                            row.getBigDecimal("meters"), row.getLong("amount_minor"), takes.getOrDefault(lineKey(row), List.of())));
                                }
                            });
                            return orders.stream().map(row -> order(row, lines.getOrDefault(row.getLong("id"), List.of()),
                                    products.getOrDefault(row.getLong("id"), List.of()))).toList();
                        }));
    }

    private static List<Long> lineKey(Row row) {
        return List.of(row.getLong("order_id"), row.getLong("line_no"));
    }

    private static Quantity requested(Row row) {
        Integer rolls = row.getInteger("requested_rolls");
        return rolls != null ? Quantity.rolls(rolls) : Quantity.meters(row.getBigDecimal("requested_meters"));
    }

    private static Order order(Row row, List<NewOrder.Line> lines, List<NewOrder.ProductLine> products) {
        var decidedAt = row.getOffsetDateTime("decided_at");
        var fulfilmentAt = row.getOffsetDateTime("fulfilment_at");
        String payment = row.getString("payment");
        String fulfilment = row.getString("fulfilment");
        Checkout checkout = payment == null ? null : new Checkout(Checkout.Payment.valueOf(payment), row.getString("delivery_name"),
                row.getString("delivery_phone"), row.getString("delivery_address"));
        return new Order(row.getLong("id"), row.getLong("customer_id"), row.getString("display_name"), row.getString("channel"), row.getString("chat_id"),
                Order.State.valueOf(row.getString("state")), row.getString("language"), row.getString("currency"),
                row.getLong("subtotal_minor"), row.getOffsetDateTime("confirmed_at").toInstant(),
                decidedAt == null ? null : decidedAt.toInstant(), row.getString("decided_by"), row.getString("rejection_reason"),
                row.getLong("invoice_id"), lines, Order.Kind.valueOf(row.getString("kind")), checkout,
                fulfilment == null ? null : Fulfilment.valueOf(fulfilment), row.getString("fulfilment_reason"),
                fulfilmentAt == null ? null : fulfilmentAt.toInstant(), products);
    }
}
