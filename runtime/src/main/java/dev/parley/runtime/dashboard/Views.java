package dev.parley.runtime.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.parley.runtime.commerce.Money;
import dev.parley.runtime.commerce.inventory.Batch;
import dev.parley.runtime.commerce.inventory.Quantity;
import dev.parley.runtime.commerce.order.Checkout;
import dev.parley.runtime.commerce.order.Fulfilment;
import dev.parley.runtime.commerce.order.NewOrder;
import dev.parley.runtime.commerce.order.Order;
import dev.parley.runtime.conversation.Transcript;
import io.quarkus.qute.TemplateData;

/**
 * What the pages show, formatted once here (money with its currency, meters, times) so that templates only place
 * it. Every text in them is escaped by the templates (Qute escapes HTML in {@code .html} templates).
 */
public final class Views {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Views() {
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    static String length(BigDecimal meters) {
        return meters.stripTrailingZeros().toPlainString() + " m";
    }

    /** An order: the customer's name as their channel gave it (may be anything they typed), its lines. */
    @TemplateData
    public record OrderCard(long id, long customerId, String customer, String channel, String state, String confirmedAt, String subtotal,
            Long invoiceId, String decidedAt, String decidedBy, String rejectionReason, List<LineView> lines, List<ProductLineView> products,
            Delivery delivery, Fulfilling fulfilling) {

        static OrderCard of(Order order, Map<Long, Batch> batchesNow) {
            return new OrderCard(order.id(), order.customerId(), order.customerName() == null ? "#" + order.customerId() : order.customerName(),
                    order.channel(), order.state().name(), time(order.confirmedAt()), Money.format(order.subtotalMinor(), order.currency()),
                    order.invoiceId(), time(order.decidedAt()), order.decidedBy(), order.rejectionReason(),
                    order.lines().stream().map(line -> LineView.of(line, order.currency(), batchesNow)).toList(),
                    order.products().stream().map(line -> ProductLineView.of(line, order.currency())).toList(),
                    order.checkout() == null ? null : Delivery.of(order.checkout()), Fulfilling.of(order));
        }

        public boolean waiting() {
            return state.equals(Order.State.WAITING_OWNER_CONFIRMATION.name());
        }
    }

    /** A product line of a shop order: so many of a product at its price. */
    @TemplateData
    public record ProductLineView(int lineNo, String sku, String name, int quantity, String unitPrice, String amount) {

        static ProductLineView of(NewOrder.ProductLine line, String currency) {
            return new ProductLineView(line.lineNo(), line.sku(), line.name(), line.quantity(), Money.format(line.unitPriceMinor(), currency),
                    Money.format(line.amountMinor(), currency));
        }
    }

    /** How a shop order is paid ({@code Checkout.Payment}'s name) and where it goes, as the customer gave it. */
    @TemplateData
    public record Delivery(String payment, String name, String phone, String address) {

        static Delivery of(Checkout checkout) {
            return new Delivery(checkout.payment().name(), checkout.name(), checkout.phone(), checkout.address());
        }
    }

    /**
     * An order's fulfilment ({@link Fulfilment}'s name, empty until it starts) and the steps it may take next: forward
     * only, so none once it is delivered or cancelled, and none before the owner accepted it. Cancelling is offered
     * apart ({@code cancellable}), as it asks for a reason.
     */
    @TemplateData
    public record Fulfilling(String now, String reason, String at, List<String> next, boolean cancellable) {

        static Fulfilling of(Order order) {
            boolean accepted = order.state() == Order.State.ORDER_COMPLETED;
            List<String> next = !accepted ? List.of() : Arrays.stream(Fulfilment.values())
                    .filter(step -> step != Fulfilment.CANCELLED && Fulfilment.canMove(order.fulfilment(), step)).map(Fulfilment::name).toList();
            return new Fulfilling(order.fulfilment() == null ? "" : order.fulfilment().name(), order.fulfilmentReason(), time(order.fulfilmentAt()),
                    next, accepted && Fulfilment.canMove(order.fulfilment(), Fulfilment.CANCELLED));
        }
    }

    /** A line: what was asked for and what it takes from each batch. */
    @TemplateData
    public record LineView(int lineNo, String material, String color, String requested, String meters, String amount, List<TakeView> takes) {

        static LineView of(NewOrder.Line line, String currency, Map<Long, Batch> batchesNow) {
            String requested = line.requested().unit() == Quantity.Unit.ROLLS ? line.requested().rolls() + " rolls"
                    : length(line.requested().amount());
            return new LineView(line.lineNo(), line.material(), line.color(), requested, length(line.meters()),
                    Money.format(line.amountMinor(), currency), line.takes().stream().map(take -> TakeView.of(take, currency,
                            batchesNow.get(take.batchId()))).toList());
        }
    }

    /** What a line takes from one batch, and (on an order's page) what that batch holds now. */
    @TemplateData
    public record TakeView(long batchId, int rolls, String looseMeters, String meters, String pricePerMeter, String batchNow) {

        static TakeView of(NewOrder.Take take, String currency, Batch now) {
            return new TakeView(take.batchId(), take.rolls(), length(take.looseMeters()), length(take.meters()),
                    Money.format(take.pricePerMeterMinor(), currency), now == null ? null : BatchRow.stock(now));
        }
    }

    /**
     * One message of a conversation: who said it (the customer, or the bot), what (a document by its file name in
     * brackets), when, and for the bot's whether it failed to go out.
     */
    @TemplateData
    public record Said(boolean customer, String text, String at, boolean failed) {

        static Said of(Transcript.Line line) {
            String text = line.document() == null ? line.text() : (line.text().isEmpty() ? "" : line.text() + " ") + "[" + line.document() + "]";
            return new Said(line.customer(), text, time(line.at()), "FAILED".equals(line.status()));
        }
    }

    /** A batch of stock. */
    @TemplateData
    public record BatchRow(long id, String material, String color, int rolls, String metersPerRoll, String looseMeters, String looseValue,
            String dyeLot,
            String pricePerMeter, String receivedAt, String stock) {

        static BatchRow of(Batch batch, String currency) {
            return new BatchRow(batch.id(), batch.material(), batch.color(), batch.rollsAvailable(), length(batch.metersPerRoll()),
                    length(batch.looseMetersAvailable()), batch.looseMetersAvailable().toPlainString(), batch.dyeLot(), Money.format(batch.pricePerMeterMinor(), currency),
                    time(batch.receivedAt()), stock(batch));
        }

        static String stock(Batch batch) {
            return batch.rollsAvailable() + " × " + length(batch.metersPerRoll()) + " + " + length(batch.looseMetersAvailable());
        }
    }
}
