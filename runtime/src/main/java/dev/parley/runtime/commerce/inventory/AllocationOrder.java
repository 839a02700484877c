package dev.parley.runtime.commerce.inventory;

import java.util.Comparator;
import java.util.Locale;


/**
 * Which batches an order line is filled from first: the Bot's {@code spec.commerce.allocationOrder}
 * ({@code fifo}, the default, or {@code lifo}), as the runtime reads it from {@code bot.json}. The API type lives in
 * the {@code crds} module, which the runtime does not depend on; the names here are the same.
 */
public enum AllocationOrder {
    /** Oldest batch first (earliest {@code received_at}; on a tie, the lower id). */
    FIFO,
    /** Newest batch first: exactly the reverse of {@link #FIFO}. */
    LIFO;

    private static final Comparator<Batch> OLDEST_FIRST = Comparator.comparing(Batch::receivedAt).thenComparingLong(Batch::id);

    public Comparator<Batch> comparator() {
        return this == FIFO ? OLDEST_FIRST : OLDEST_FIRST.reversed();
    }

    /** {@code fifo} or {@code lifo}, in any case. */
    public static AllocationOrder parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "fifo" -> FIFO;
            case "lifo" -> LIFO;
            default -> throw new IllegalArgumentException("allocationOrder is fifo or lifo, not '" + value + "'");
        };
    }
}
