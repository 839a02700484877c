package dev.parley.runtime.commerce.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The owner of {@code order_event}: every state change of an order is written here by {@link OrderRepository}, in the
 * transaction of the change, and read back in stream order by whoever follows the orders (the SSE stream, webhooks).
 *
 * <p>An event's stream id ({@code seq}) is given at commit, in commit order, by a deferred trigger (V20): a reader that
 * asks for the events after {@code n} gets every event committed after the one it saw last, never one twice. The
 * trigger also notifies {@link #CHANNEL} with the bot's schema as payload, which listeners on every replica receive
 * once the transaction commits.
 */
public final class OrderEvents {

    /** The PostgreSQL notification channel; the payload is the schema of the bot whose events changed. */
    public static final String CHANNEL = "parley_order_event";

    public static final String PLACED = "order.placed";
    public static final String APPROVED = "order.approved";
    public static final String REJECTED = "order.rejected";
    /** An accepted order's fulfilment moved on: {@code data.fulfilment} says to what (PREPARING ... CANCELLED). */
    public static final String FULFILMENT = "order.fulfilment";

    private static final String SELECT = "SELECT id, seq, order_id, type, state, data, occurred_at FROM order_event";

    private OrderEvents() {
    }

    /** Writes an event of {@code orderId} in the caller's transaction; it gets its stream id when that commits. Its row id. */
    static Uni<Long> record(SqlConnection tx, long orderId, String type, String state, JsonObject data) {
        return tx.preparedQuery("INSERT INTO order_event (order_id, type, state, data) VALUES ($1, $2, $3, $4) RETURNING id")
                .execute(Tuple.of(orderId, type, state, data == null ? new JsonObject() : data))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    /** The committed events after stream id {@code after}, oldest first, at most {@code limit}; of one order if given. */
    public static Uni<List<OrderEvent>> after(SqlClient client, long after, Optional<Long> orderId, int limit) {
        return client.preparedQuery(SELECT + " WHERE seq > $1 AND ($2::bigint IS NULL OR order_id = $2) ORDER BY seq LIMIT $3")
                .execute(Tuple.of(after, orderId.orElse(null), limit))
                .map(rows -> {
                    List<OrderEvent> events = new ArrayList<>();
                    rows.forEach(row -> events.add(event(row)));
                    return events;
                });
    }

    /** The newest {@code limit} committed events, newest first: what an owner's page of recent changes shows. */
    public static Uni<List<OrderEvent>> newest(SqlClient client, int limit) {
        return client.preparedQuery(SELECT + " WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT $1").execute(Tuple.of(limit))
                .map(rows -> {
                    List<OrderEvent> events = new ArrayList<>();
                    rows.forEach(row -> events.add(event(row)));
                    return events;
                });
    }

    /** The stream id of the newest committed event, 0 when there is none: where a follower of what comes next starts. */
    public static Uni<Long> latest(SqlClient client) {
        return client.preparedQuery("SELECT coalesce(max(seq), 0) AS seq FROM order_event").execute()
                .map(rows -> rows.iterator().next().getLong("seq"));
    }

    /** The event of row {@code rowId} once committed (with its stream id); empty before. */
    public static Uni<Optional<OrderEvent>> byRow(SqlClient client, long rowId) {
        return client.preparedQuery(SELECT + " WHERE id = $1 AND seq IS NOT NULL").execute(Tuple.of(rowId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(event(rows.iterator().next())));
    }

    private static OrderEvent event(Row row) {
        return new OrderEvent(row.getLong("seq"), row.getLong("order_id"), row.getString("type"), row.getString("state"),
                row.getJsonObject("data"), row.getOffsetDateTime("occurred_at").toInstant());
    }
}
