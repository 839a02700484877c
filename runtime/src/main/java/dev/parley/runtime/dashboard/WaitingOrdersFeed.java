package dev.parley.runtime.dashboard;

import java.time.Duration;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.parley.runtime.commerce.order.OrderRepository;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * What the waiting-orders page listens to: the ids of the orders waiting for the owner, sent again whenever they
 * change (a customer confirmed, someone decided). Read from the database, so an order confirmed on any replica
 * shows on a dashboard served by any other; one small indexed query a second per open page. The one place to change
 * to follow the order-event stream instead ({@code GET /api/v1/orders/events}) once it exists.
 */
@ApplicationScoped
public class WaitingOrdersFeed {

    static final Duration EVERY = Duration.ofSeconds(1);

    private final Pool pool;
    private final OrderRepository orders;

    public WaitingOrdersFeed(Pool pool, OrderRepository orders) {
        this.pool = pool;
        this.orders = orders;
    }

    /** The waiting orders' signature ({@code "12,15"}) now, then each time it changes. */
    public Multi<String> changes() {
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(EVERY)
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> orders.waitingIds(pool))
                .map(WaitingOrdersFeed::signature)
                .skip().repetitions();
    }

    static String signature(java.util.List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
