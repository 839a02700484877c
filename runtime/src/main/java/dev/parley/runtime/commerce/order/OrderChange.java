package dev.parley.runtime.commerce.order;

/**
 * A change of an order's state or fulfilment. Every one of them passes through one place,
 * {@code OrderRepository.change}, in the transaction that makes it.
 */
public sealed interface OrderChange {

    long orderId();

    /** Who made the change ({@code owner-api}, an owner's chat, the customer's chat for a placement). */
    String by();

    /** The order was stored, waiting for the owner. */
    record Placed(long orderId, Order.Kind kind, String by) implements OrderChange {
    }

    /** The owner accepted ({@link Order.State#ORDER_COMPLETED}) or rejected the order; {@code reason} may be null. */
    record Decided(long orderId, Order.State state, String by, String reason) implements OrderChange {
    }

    /** The accepted order's fulfilment moved on; {@code reason} is set for {@link Fulfilment#CANCELLED} only. */
    record Fulfilled(long orderId, Fulfilment from, Fulfilment to, String by, String reason) implements OrderChange {
    }
}
