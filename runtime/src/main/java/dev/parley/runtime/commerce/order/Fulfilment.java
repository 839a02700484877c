package dev.parley.runtime.commerce.order;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What happens to an accepted order after the owner accepted it: the {@code customer_order.fulfilment} values, one
 * vocabulary for every flow. Not started is {@code null}. Transitions go forward only, and may skip steps (a shop
 * goes from accepted straight to {@link #SHIPPED}, then {@link #DELIVERED}); {@link #CANCELLED} (with a reason) is
 * open until the order is delivered. Delivered and cancelled are final.
 */
public enum Fulfilment {
    PREPARING, READY, SHIPPED, DELIVERED, CANCELLED;

    /** Whether an order whose fulfilment is {@code from} (null: not started) may move to {@code to}. */
    public static boolean canMove(Fulfilment from, Fulfilment to) {
        if (to == null || from == DELIVERED || from == CANCELLED) {
            return false;
        }
        return from == null || to == CANCELLED || to.ordinal() > from.ordinal();
    }

    /** The value of that name, or an {@link IllegalArgumentException} that lists the values. */
    public static Fulfilment named(String name) {
        for (Fulfilment value : values()) {
            if (value.name().equalsIgnoreCase(name.strip())) {
                return value;
            }
        }
        throw new IllegalArgumentException("there is no fulfilment '" + name + "'; the values are "
                + Arrays.stream(values()).map(Fulfilment::name).collect(Collectors.joining(", ")));
    }
}
