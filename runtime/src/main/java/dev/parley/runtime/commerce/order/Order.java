package dev.parley.runtime.commerce.order;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A confirmed order as it is stored: waiting for the owner, or decided. Its lines are the customer's as confirmed,
 * each with the exact batches it takes ({@link NewOrder.Take}), which approval deducts.
 *
 * @param customerName the name the customer's channel gave, null when it gave none
 * @param invoiceId the invoice of an approved order, null otherwise
 * @param decidedAt null while the order waits for the owner; so are {@code decidedBy} and {@code rejectionReason}
 * @param lines the order agent's lines (material, colour, meters); {@code products} a product order's
 * @param checkout how a shop order is paid and delivered, null for other orders
 * @param fulfilment null until an accepted order's fulfilment starts; {@code fulfilmentReason} is a cancellation's
 */
public record Order(long id, long customerId, String customerName, String channel, String chatId, State state, String language, String currency,
        long subtotalMinor, Instant confirmedAt, Instant decidedAt, String decidedBy, String rejectionReason, Long invoiceId,
        List<NewOrder.Line> lines, Kind kind, Checkout checkout, Fulfilment fulfilment, String fulfilmentReason, Instant fulfilmentAt,
        List<NewOrder.ProductLine> products) {

    /** Which flow or system made the order: the {@code customer_order.kind} values. */
    public enum Kind { ORDER_AGENT, SHOP }

    /** Where a confirmed order stands: the {@code customer_order.state} values. */
    public enum State {
        WAITING_OWNER_CONFIRMATION, ORDER_COMPLETED, ORDER_REJECTED;

        /** The state of that name, or an {@link IllegalArgumentException} that lists the states. */
        public static State named(String name) {
            for (State state : values()) {
                if (state.name().equalsIgnoreCase(name.strip())) {
                    return state;
                }
            }
            throw new IllegalArgumentException("there is no order state '" + name + "'; the states are "
                    + Arrays.stream(values()).map(State::name).collect(Collectors.joining(", ")));
        }
    }

    public Order {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(kind, "kind");
        lines = List.copyOf(lines);
        products = List.copyOf(products);
    }
}
