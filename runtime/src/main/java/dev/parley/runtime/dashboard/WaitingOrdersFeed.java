package dev.parley.runtime.dashboard;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.parley.runtime.commerce.order.OrderEventFeed;
import dev.parley.runtime.commerce.order.OrderEvents;
import dev.parley.runtime.commerce.order.OrderRepository;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * What the waiting-orders page listens to: the ids of the orders waiting for the owner, sent again whenever they
 * change. It follows the order-event stream ({@link OrderEventFeed}: PostgreSQL LISTEN/NOTIFY, so an order placed or
 * decided on any replica wakes the dashboards served by every other at once) and reads the waiting ids again after
 * each event; nothing is read while nothing happens.
 */
@ApplicationScoped
public class WaitingOrdersFeed {

    private final Pool pool;
    private final OrderRepository orders;
    private final OrderEventFeed events;

    public WaitingOrdersFeed(Pool pool, OrderRepository orders, OrderEventFeed events) {
        this.pool = pool;
        this.orders = orders;
        this.events = events;
    }

    /** The waiting orders' signature ({@code "12,15"}) now, then each time an order event changes it. */
    public Multi<String> changes() {
        return OrderEvents.latest(pool).onItem().transformToMulti(latest -> Multi.createBy().concatenating().streams(
                        Multi.createFrom().item(latest), events.follow(latest, Optional.empty()).map(event -> event.id())))
                .onItem().transformToUniAndConcatenate(event -> orders.waitingIds(pool))
                .map(WaitingOrdersFeed::signature)
                .skip().repetitions();
    }

    static String signature(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
