package dev.parley.runtime.owner;

import java.util.Optional;

import dev.parley.runtime.commerce.order.Order;
import dev.parley.runtime.http.BadInput;

/**
 * A list of orders as the owner asks for it ({@code ?state=&limit=}): the state, if one is named, and at most how many.
 * One parser for the owner API's order lists ({@link OrderResource}, {@link ShopOrderResource}) and the dashboard's.
 *
 * @param state only orders in this state; empty for every state
 * @param limit at most this many, {@value #MIN_LIMIT} to {@value #MAX_LIMIT}
 */
public record OrderQuery(Optional<Order.State> state, int limit) {

    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 50;

    /** {@code state} and {@code limit} as the query string gives them (either may be absent or blank). */
    public static OrderQuery parse(String state, String limit) throws BadInput {
        Optional<Order.State> wanted;
        try {
            wanted = state == null || state.isBlank() ? Optional.empty() : Optional.of(Order.State.named(state));
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        return new OrderQuery(wanted, limit(limit));
    }

    private static int limit(String limit) throws BadInput {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (limit.strip().matches("\\d{1,3}")) {
            int most = Integer.parseInt(limit.strip());
            if (most >= MIN_LIMIT && most <= MAX_LIMIT) {
                return most;
            }
        }
        throw new BadInput("limit is a whole number from " + MIN_LIMIT + " to " + MAX_LIMIT + ", not '" + limit + "'");
    }
}
