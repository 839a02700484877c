package dev.parley.runtime.commerce.order;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.parley.runtime.commerce.Money;
import dev.parley.runtime.commerce.inventory.InventoryRepository;
import dev.parley.runtime.commerce.inventory.Quantity;
import dev.parley.runtime.commerce.invoice.Invoice;
import dev.parley.runtime.commerce.invoice.InvoicePdf;
import dev.parley.runtime.commerce.invoice.InvoiceRepository;
import dev.parley.runtime.commerce.invoice.InvoiceRepository.NewInvoice;
import dev.parley.runtime.commerce.invoice.InvoiceTotals;
import dev.parley.runtime.commerce.ledger.Ledger;
import dev.parley.runtime.commerce.product.ProductRepository;
import dev.parley.runtime.commerce.recipe.Recipes;
import dev.parley.runtime.commerce.order.Decision.Approved;
import dev.parley.runtime.commerce.order.Decision.Reason;
import dev.parley.runtime.commerce.order.Decision.Refused;
import dev.parley.runtime.commerce.order.Decision.Rejected;
import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.message.Messages;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The one place an order is decided, whoever decides it (the owner's chat button, the owner API): in the caller's
 * transaction, under a savepoint of its own, so that a refusal or failure leaves nothing of the decision behind
 * (no stock deducted, no invoice number taken) while the caller's transaction stays usable.
 *
 * <p>Approval locks the order, deducts exactly the recorded allocations, each only while its batch still holds
 * it (so stock never goes below zero and two approvals cannot both take the last roll), issues the next invoice
 * number, the invoice and its PDF, debits the customer's ledger (not for a shop order paid cash on delivery), marks
 * the order completed and writes the customer's confirmation and invoice to the outbox. Rejection tells the
 * customer and changes no batch stock; a shop order, whose stock was taken when the customer confirmed it (it has
 * no allocations to deduct), gets it back.
 *
 * <p>A refusal is an answer, not an error: the caller's transaction goes on and may commit (to tell the owner,
 * say). A failure (a statement the database refuses) is undone by the savepoint as well, but the Vert.x client
 * marks a transaction it began as failed once any statement in it failed, and rolls it back at its end whatever
 * followed; so a failed decision fails the caller's transaction too, and the update it served is taken again.
 */
@ApplicationScoped
public class OrderDecisions {

    private static final Messages INVOICE = new Messages("invoice");
    private static final Messages REJECTION = new Messages("rejection");
    private static final Messages FULFILMENT = new Messages("fulfilment");
    private static final String SAVEPOINT = "order_decision";

    private final OrderRepository orders;
    private final InventoryRepository inventory;
    private final InvoiceRepository invoices;
    private final Ledger ledger;
    private final ProductRepository products;
    private final CommerceSettings settings;
    private final String seller;
    private final Vertx vertx;
    private final Recipes recipes;

    public OrderDecisions(OrderRepository orders, InventoryRepository inventory, InvoiceRepository invoices, Ledger ledger,
            ProductRepository products, CommerceSettings settings, BotSettings bot, Vertx vertx, Recipes recipes) {
        this.orders = orders;
        this.inventory = inventory;
        this.invoices = invoices;
        this.ledger = ledger;
        this.products = products;
        this.settings = settings;
        this.seller = bot.name();
        this.vertx = vertx;
        this.recipes = recipes;
    }

    public Uni<Decision> approve(SqlConnection tx, long orderId, String decidedBy) {
        return decide(tx, orderId, order -> deduct(tx, order)
                .flatMap(shortage -> shortage.isPresent() ? Uni.createFrom().item(shortage) : ingredients(tx, order))
                .flatMap(shortage -> shortage.isPresent()
                        ? Uni.createFrom().item(shortage.get())
                        : invoice(tx, order, decidedBy)));
    }

    /**
     * Deducts what the order's items consume by their recipes ({@link Recipes}: a product line's sku times its
     * quantity); the first ingredient that is short ends the approval as {@link Reason#OUT_OF_STOCK}, naming it and
     * how much is missing.
     */
    private Uni<Optional<Refused>> ingredients(SqlConnection tx, Order order) {
        Uni<Optional<Refused>> shortage = Uni.createFrom().item(Optional.empty());
        for (NewOrder.ProductLine line : order.products()) {
            shortage = shortage.flatMap(found -> found.isPresent() ? Uni.createFrom().item(found)
                    : recipes.deduct(tx, line.sku(), line.quantity(), settings.allocationOrder())
                            .map(missing -> missing.map(what -> new Refused(order.id(), Reason.OUT_OF_STOCK, "line " + line.lineNo() + " ("
                                    + line.quantity() + " x " + line.name() + "): " + what))));
        }
        return shortage;
    }

    /**
     * Rejects the order and tells the customer, with {@code reason} (nullable) if the owner gave one. A product
     * order's stock, taken when the customer confirmed, goes back.
     */
    public Uni<Decision> reject(SqlConnection tx, long orderId, String decidedBy, String reason) {
        return decide(tx, orderId, order -> giveBack(tx, order)
                .flatMap(ignored -> orders.markDecided(tx, order.id(), Order.State.ORDER_REJECTED, decidedBy, reason))
                .flatMap(ignored -> Outbox.enqueue(tx, order.channel(), order.chatId(), List.of(OutboundMessage.text(reason == null
                        ? REJECTION.get(order.language(), "order.rejected", String.valueOf(order.id()))
                        : REJECTION.get(order.language(), "order.rejected.reason", String.valueOf(order.id()), reason)))))
                .replaceWith(new Rejected(order.id())));
    }

    /**
     * Moves an accepted order's fulfilment on to {@code to} and tells the customer; refused (nothing written) when
     * there is no such order, it is not accepted, or the step goes backwards or from a final one. {@code reason}
     * is required for {@link Fulfilment#CANCELLED} and ignored otherwise. A product order cancelled before it was
     * shipped puts its stock back.
     */
    public Uni<Decision> fulfil(SqlConnection tx, long orderId, Fulfilment to, String by, String reason) {
        if (to == Fulfilment.CANCELLED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a cancellation needs a reason, which the customer is told");
        }
        String kept = to == Fulfilment.CANCELLED ? reason.strip() : null;
        return orders.lock(tx, orderId).flatMap(locked -> {
            if (locked.isEmpty()) {
                return Uni.createFrom().item(new Refused(orderId, Reason.NOT_FOUND, "there is no order " + orderId));
            }
            OrderRepository.Locked order = locked.get();
            if (order.state() != Order.State.ORDER_COMPLETED) {
                return Uni.createFrom().item(new Refused(orderId, Reason.NOT_ACCEPTED, "order " + orderId + " is "
                        + order.state() + ", not accepted: only an accepted order is fulfilled"));
            }
            if (!Fulfilment.canMove(order.fulfilment(), to)) {
                return Uni.createFrom().item(new Refused(orderId, Reason.FULFILMENT_NOT_FORWARD, "order " + orderId + " is "
                        + order.fulfilment() + " already; it cannot go to " + to));
            }
            boolean shelved = to == Fulfilment.CANCELLED && !Fulfilment.canMove(Fulfilment.SHIPPED, order.fulfilment());
            return orders.markFulfilment(tx, orderId, order.fulfilment(), to, by, kept)
                    .flatMap(ignored -> orders.find(tx, orderId))
                    .call(found -> shelved ? giveBack(tx, found.orElseThrow()) : Uni.createFrom().voidItem())
                    .flatMap(found -> {
                        Order stored = found.orElseThrow();
                        return Outbox.enqueue(tx, stored.channel(), stored.chatId(), List.of(OutboundMessage.text(
                                FULFILMENT.get(stored.language(), "order." + to.name(), String.valueOf(orderId), kept == null ? "" : kept))));
                    })
                    .replaceWith(new Decision.Fulfilled(orderId, to));
        });
    }

    /**
     * Runs {@code decision} on the order, locked, if it still waits for the owner; undoes everything it wrote when
     * it refuses or fails.
     */
    private Uni<Decision> decide(SqlConnection tx, long orderId, Function<Order, Uni<Decision>> decision) {
        return tx.query("SAVEPOINT " + SAVEPOINT).execute()
                .flatMap(ignored -> orders.lockState(tx, orderId))
                .flatMap(state -> {
                    Optional<Refused> refusal = state.isEmpty()
                            ? Optional.of(new Refused(orderId, Reason.NOT_FOUND, "there is no order " + orderId))
                            : refusal(orderId, state.get());
                    return refusal.isPresent()
                            ? Uni.createFrom().<Decision>item(refusal.get())
                            : orders.find(tx, orderId).flatMap(order -> decision.apply(order.orElseThrow()));
                })
                .onFailure().call(failure -> undo(tx))
                .call(outcome -> outcome instanceof Refused ? undo(tx) : tx.query("RELEASE SAVEPOINT " + SAVEPOINT).execute());
    }

    private Uni<?> undo(SqlConnection tx) {
        return tx.query("ROLLBACK TO SAVEPOINT " + SAVEPOINT + "; RELEASE SAVEPOINT " + SAVEPOINT).execute();
    }

    private static Optional<Refused> refusal(long orderId, Order.State state) {
        return switch (state) {
            case WAITING_OWNER_CONFIRMATION -> Optional.empty();
            case ORDER_COMPLETED -> Optional.of(new Refused(orderId, Reason.ALREADY_APPROVED, "order " + orderId + " was approved already"));
            case ORDER_REJECTED -> Optional.of(new Refused(orderId, Reason.ALREADY_REJECTED, "order " + orderId + " was rejected already"));
        };
    }

    /** One allocation to deduct, with the line it belongs to (for the owner's message when stock is short). */
    private record Deduction(NewOrder.Line line, NewOrder.Take take) {
    }

    /**
     * Deducts every allocation of the order, each only if its batch still holds it; the first that does not ends
     * the approval as {@link Reason#OUT_OF_STOCK}. Batches are deducted in id order, so that concurrent approvals
     * lock them in the same order and cannot deadlock.
     */
    private Uni<Optional<Refused>> deduct(SqlConnection tx, Order order) {
        List<Deduction> deductions = order.lines().stream()
                .flatMap(line -> line.takes().stream().map(take -> new Deduction(line, take)))
                .sorted(Comparator.comparingLong((Deduction d) -> d.take().batchId()).thenComparingInt(d -> d.line().lineNo()))
                .toList();
        Uni<Optional<Refused>> shortage = Uni.createFrom().item(Optional.empty());
        for (Deduction deduction : deductions) {
            shortage = shortage.flatMap(found -> found.isPresent() ? Uni.createFrom().item(found) : deduct(tx, order.id(), deduction));
        }
        return shortage;
    }

    private Uni<Optional<Refused>> deduct(SqlConnection tx, long orderId, Deduction deduction) {
        NewOrder.Take take = deduction.take();
        return inventory.deduct(tx, take.batchId(), take.rolls(), take.looseMeters())
                .map(taken -> taken ? Optional.<Refused>empty()
                        : Optional.of(new Refused(orderId, Reason.OUT_OF_STOCK, shortage(deduction))));
    }

    /** {@code line 2 (blue cotton): batch 7 no longer holds 2 rolls + 5.00 m}. */
    static String shortage(Deduction deduction) {
        NewOrder.Take take = deduction.take();
        String rolls = take.rolls() > 0 ? Quantity.rolls(take.rolls()).toString() : null;
        String loose = take.looseMeters().signum() > 0 ? Quantity.meters(take.looseMeters()).toString() : null;
        String what = rolls != null && loose != null ? rolls + " + " + loose : rolls != null ? rolls : loose;
        return "line " + deduction.line().lineNo() + " (" + deduction.line().color() + " " + deduction.line().material() + "): batch "
                + take.batchId() + " no longer holds " + what;
    }

    /** A product order's stock back on the shelf, product by product in id order (as it was taken). */
    private Uni<Void> giveBack(SqlConnection tx, Order order) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (NewOrder.ProductLine line : order.products().stream().filter(l -> l.productId() != null)
                .sorted(Comparator.comparingLong(NewOrder.ProductLine::productId)).toList()) {
            all = all.flatMap(ignored -> products.giveBack(tx, line.productId(), line.quantity()));
        }
        return all;
    }

    /** The invoice's lines: the order agent's fabric, or a product order's items. */
    static List<InvoicePdf.Line> invoiceLines(Order order) {
        List<InvoicePdf.Line> lines = new java.util.ArrayList<>();
        order.lines().forEach(l -> lines.add(new InvoicePdf.Line(l.lineNo(), l.material(), l.color(), l.meters(), l.amountMinor())));
        order.products().forEach(p -> lines.add(new InvoicePdf.Line(p.lineNo(), p.name(), p.sku(), java.math.BigDecimal.valueOf(p.quantity()),
                p.amountMinor())));
        return lines;
    }

    /** With the stock deducted: the invoice, its ledger debit, the order's new state and the customer's messages. */
    private Uni<Decision> invoice(SqlConnection tx, Order order, String decidedBy) {
        List<InvoicePdf.Line> lines = invoiceLines(order);
        InvoiceTotals totals = InvoiceTotals.of(lines.stream().map(InvoicePdf.Line::amountMinor).toList(), settings.taxRatePercent());
        Instant issuedAt = Instant.now();
        boolean debit = order.checkout() == null || order.checkout().payment() == Checkout.Payment.ON_ACCOUNT;
        return invoices.takeNextSeq(tx).flatMap(seq -> {
            String number = Invoice.number(settings.invoicePrefix(), seq);
            LocalDate date = LocalDate.ofInstant(issuedAt, ZoneId.of(settings.timeZone()));
            String customer = order.customerName() != null ? order.customerName() : order.chatId();
            InvoicePdf.Content content = order.products().isEmpty()
                    ? new InvoicePdf.Content(seller, number, date, customer, order.currency(), lines, totals)
                    : new InvoicePdf.Content(seller, number, date, customer, order.currency(), lines, totals, "INVOICE", "Invoice no.",
                            InvoicePdf.Content.PRODUCTS, List.of("Order: " + order.id(), "Payment: " + (debit ? "on account" : "cash on delivery")));
            // PDFBox is plain blocking code: render off the event loop.
            return vertx.executeBlocking(() -> InvoicePdf.render(content), false)
                    .flatMap(pdf -> invoices.insert(tx, new NewInvoice(seq, number, order.id(), order.customerId(), order.currency(), totals,
                                    issuedAt, pdf))
                            .call(invoice -> debit ? ledger.recordInvoice(tx, order.customerId(), invoice.id(), invoice.totalMinor(),
                                    "invoice " + number, decidedBy).replaceWithVoid() : Uni.createFrom().voidItem())
                            .call(invoice -> orders.markDecided(tx, order.id(), Order.State.ORDER_COMPLETED, decidedBy, null))
                            .call(invoice -> Outbox.enqueue(tx, order.channel(), order.chatId(), List.of(
                                    OutboundMessage.text(INVOICE.get(order.language(), "order.approved", String.valueOf(order.id()), number,
                                            Money.format(invoice.totalMinor(), invoice.currency()))),
                                    OutboundMessage.document(INVOICE.get(order.language(), "invoice.caption", number),
                                            new OutboundMessage.Document(number + ".pdf", "application/pdf", pdf))))))
                    .map(invoice -> new Approved(order.id(), invoice.id(), number, invoice.totalMinor(), invoice.currency()));
        });
    }

    /**
     * Sends the order's invoice to the customer's chat again (they lost it, or asked for it): the PDF as it was
     * issued, with the same caption, through the outbox in the caller's transaction. Nothing else changes: no new
     * number, no ledger entry.
     */
    public Uni<InvoiceResend> sendInvoiceAgain(SqlConnection tx, long orderId) {
        return orders.find(tx, orderId).flatMap(found -> {
            if (found.isEmpty() || found.get().invoiceId() == null) {
                return Uni.createFrom().item(new InvoiceResend.NotSent(orderId, found.isEmpty() ? InvoiceResend.Why.NOT_FOUND
                        : InvoiceResend.Why.NO_INVOICE));
            }
            Order order = found.get();
            if (Outbox.NO_CHAT.equals(order.channel())) {
                return Uni.createFrom().item(new InvoiceResend.NotSent(orderId, InvoiceResend.Why.NO_CHAT));
            }
            return invoices.find(tx, order.invoiceId()).flatMap(invoice -> invoices.pdf(tx, order.invoiceId())
                    .flatMap(pdf -> Outbox.enqueue(tx, order.channel(), order.chatId(), List.of(OutboundMessage.document(
                            INVOICE.get(order.language(), "invoice.caption", invoice.orElseThrow().number()),
                            new OutboundMessage.Document(invoice.orElseThrow().number() + ".pdf", "application/pdf", pdf.orElseThrow()))))
                            .replaceWith(new InvoiceResend.Sent(orderId, invoice.orElseThrow().number()))));
        });
    }
}
