package dev.parley.runtime.commerce.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import dev.parley.runtime.commerce.inventory.Quantity;

/**
 * An order as the customer confirmed it, to be stored for the owner's decision: its lines, each with the exact
 * batches it takes (which approval deducts) and its price as quoted.
 *
 * @param id the id the order had while the customer put it together (from {@code customer_order_id_seq})
 */
public record NewOrder(long id, String channel, String chatId, String language, String currency, List<Line> lines) {

    public NewOrder {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chatId, "chatId");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
    }

    /** The sum of the lines' amounts. */
    public long subtotalMinor() {
        return lines.stream().mapToLong(Line::amountMinor).sum();
    }

    /**
     * One line: what was asked for, the meters given (a rolls line: the meters its rolls hold), the rounded amount
     * ({@link dev.parley.runtime.commerce.Money}) and the takes it sums.
     */
    public record Line(int lineNo, String material, String color, Quantity requested, BigDecimal meters, long amountMinor,
            List<Take> takes) {

        public Line {
            takes = List.copyOf(takes);
            if (takes.isEmpty()) {
                throw new IllegalArgumentException("a confirmed line takes something from a batch");
            }
        }
    }

    /** What a line takes from one batch, at that batch's price. */
    public record Take(long batchId, int rolls, BigDecimal looseMeters, BigDecimal meters, long pricePerMeterMinor) {
    }

    /**
     * A line of a product order ({@link NewProductOrder}): a whole {@code quantity} of one product at its unit price;
     * the amount is exactly their product.
     *
     * @param productId the product's id, null when the product is not one of the shop's own
     */
    public record ProductLine(int lineNo, Long productId, String sku, String name, int quantity, long unitPriceMinor) {

        public ProductLine {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(name, "name");
            if (quantity <= 0 || unitPriceMinor < 0) {
                throw new IllegalArgumentException("a product line has a quantity above 0 and a unit price of 0 or more");
            }
        }

        public long amountMinor() {
            return Math.multiplyExact(quantity, unitPriceMinor);
        }
    }
}
