package dev.parley.runtime.commerce.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Told of every order event as it is written, in the same transaction (so that what it writes, an outbox row for a
 * webhook say, commits with the event or not at all). Beans of this type are found by {@link OrderRepository}.
 */
public interface OrderEventSink {

    /** The event of row {@code eventRowId} was written in {@code tx}; its stream id is given when {@code tx} commits. */
    Uni<Void> recorded(SqlConnection tx, long eventRowId);
}
