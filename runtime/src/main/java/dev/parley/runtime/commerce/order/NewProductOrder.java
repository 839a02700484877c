package dev.parley.runtime.commerce.order;

import java.util.List;
import java.util.Objects;

/**
 * An order of whole products (the shop's), to be stored for the owner's decision. Its stock is the caller's
 * business: the shop deducts it in the same transaction before placing the order.
 *
 * @param id from {@code customer_order_id_seq} ({@link OrderRepository#nextId})
 * @param checkout how it is paid and delivered; null when the order has no delivery
 */
public record NewProductOrder(long id, Order.Kind kind, String channel, String chatId, String language, String currency,
        List<NewOrder.ProductLine> lines, Checkout checkout) {

    public NewProductOrder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chatId, "chatId");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
    }

    public long subtotalMinor() {
        return lines.stream().mapToLong(NewOrder.ProductLine::amountMinor).reduce(0L, Math::addExact);
    }
}
