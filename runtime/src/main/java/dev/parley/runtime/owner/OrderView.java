package dev.parley.runtime.owner;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.parley.runtime.commerce.inventory.Quantity;
import dev.parley.runtime.commerce.order.Checkout;
import dev.parley.runtime.commerce.order.Fulfilment;
import dev.parley.runtime.commerce.order.NewOrder;
import dev.parley.runtime.commerce.order.Order;

/** An order as the owner API shows it; the decision's fields are null while the order waits for the owner. */
@Schema(name = "Order", description = "A confirmed order, with its lines and the batches each takes from (the order agent's), or its"
        + " product lines (the shop's), and where its fulfilment stands")
public record OrderView(long id, long customerId, @Schema(nullable = true) String customerName, String channel, String chatId,
        Order.State state, String language, String currency, long subtotalMinor, Instant confirmedAt,
        @Schema(nullable = true) Instant decidedAt, @Schema(nullable = true) String decidedBy,
        @Schema(nullable = true) String rejectionReason, @Schema(nullable = true) Long invoiceId, List<Line> lines,
        Order.Kind kind, @Schema(nullable = true) Checkout checkout,
        @Schema(nullable = true, description = "null until the accepted order's fulfilment starts") Fulfilment fulfilment,
        @Schema(nullable = true) String fulfilmentReason, @Schema(nullable = true) Instant fulfilmentAt, List<ProductLine> productLines) {

    /** One product line: a whole quantity of one product at its unit price. */
    @Schema(name = "OrderProductLine")
    public record ProductLine(int lineNo, @Schema(nullable = true) Long productId, String sku, String name, int quantity, long unitPriceMinor,
            long amountMinor) {
    }

    /** One line: what was asked for (meters or whole rolls, the other null), the meters given and its amount. */
    @Schema(name = "OrderLine")
    public record Line(int lineNo, String material, String color, @Schema(nullable = true) BigDecimal requestedMeters,
            @Schema(nullable = true) Integer requestedRolls, BigDecimal meters, long amountMinor, List<Allocation> allocations) {
    }

    /** What a line takes from one batch, at that batch's price. */
    @Schema(name = "OrderLineAllocation")
    public record Allocation(long batchId, int rolls, BigDecimal looseMeters, BigDecimal meters, long pricePerMeterMinor) {
    }

    static OrderView of(Order order) {
        return new OrderView(order.id(), order.customerId(), order.customerName(), order.channel(), order.chatId(), order.state(),
                order.language(), order.currency(), order.subtotalMinor(), order.confirmedAt(), order.decidedAt(), order.decidedBy(),
                order.rejectionReason(), order.invoiceId(), order.lines().stream().map(OrderView::line).toList(), order.kind(), order.checkout(),
                order.fulfilment(), order.fulfilmentReason(), order.fulfilmentAt(),
                order.products().stream().map(p -> new ProductLine(p.lineNo(), p.productId(), p.sku(), p.name(), p.quantity(), p.unitPriceMinor(),
                        p.amountMinor())).toList());
    }

    private static Line line(NewOrder.Line line) {
        boolean rolls = line.requested().unit() == Quantity.Unit.ROLLS;
        return new Line(line.lineNo(), line.material(), line.color(), rolls ? null : line.requested().amount(),
                rolls ? line.requested().rolls() : null, line.meters(), line.amountMinor(),
                line.takes().stream().map(t -> new Allocation(t.batchId(), t.rolls(), t.looseMeters(), t.meters(), t.pricePerMeterMinor())).toList());
    }

}
