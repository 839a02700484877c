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
 */
public record Order(long id, long customerId, String customerName, String channel, String chatId, State state, String language, String currency,
        long subtotalMinor, Instant confirmedAt, Instant decidedAt, String decidedBy, String rejectionReason, Long invoiceId,
        List<NewOrder.Line> lines) {

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
        lines = List.copyOf(lines);
    }
}
