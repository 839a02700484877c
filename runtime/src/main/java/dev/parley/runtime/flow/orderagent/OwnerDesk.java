package dev.parley.runtime.flow.orderagent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.runtime.commerce.Money;
import dev.parley.runtime.commerce.invoice.InvoiceTotals;
import dev.parley.runtime.commerce.ledger.Ledger;
import dev.parley.runtime.commerce.order.Decision;
import dev.parley.runtime.commerce.order.Fulfilment;
import dev.parley.runtime.commerce.order.NewOrder;
import dev.parley.runtime.commerce.order.OrderDecisions;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.Outbox;
import dev.parley.runtime.understanding.OwnerCommand;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * What the owners do in chat: they get each confirmed order with Approve and Reject buttons
 * ({@code own:<order>:approve}), and may type {@code approve 12}, {@code reject 12 out of season} or
 * {@code paid 5 1500} (a payment of 1500 from customer 5), or the same in Hindi ({@code 12 manzoor karo},
 * {@code १२ रद्द करो}, {@code 5 ne 1500 diye}; see {@link OwnerCommand}). Decisions go through {@link OrderDecisions}, in the
 * transaction of the owner's message, so a decision and its record commit together; a refused one changes nothing
 * and says why.
 */
final class OwnerDesk {

    static final String BUTTON_PREFIX = "own:";

    private static final Pattern BUTTON = Pattern.compile("own:(\\d{1,18}):(approve|reject)");

    private final OrderDecisions decisions;
    private final Ledger ledger;
    private final CommerceSettings commerce;
    private final Say say;
    private final List<String> channels;

    /**
     * @param channels the channels this bot has, in the order owners are preferably told on
     */
    OwnerDesk(OrderDecisions decisions, Ledger ledger, CommerceSettings commerce, List<String> channels) {
        this.decisions = decisions;
        this.ledger = ledger;
        this.commerce = commerce;
        this.channels = List.copyOf(channels);
        this.say = new Say(commerce.defaultLanguage(), commerce.currency());
    }

    /** The message that asks the owners to decide on a new order. */
    OutboundMessage notice(NewOrder order, String customer) {
        List<String> lines = new ArrayList<>();
        lines.add(say.text("owner.new.order", String.valueOf(order.id()), customer));
        order.lines().forEach(line -> lines.add(say.text("summary.line", line.lineNo(), Say.color(line.color(), line.material()),
                Say.meters(line), say.money(line.amountMinor()))));
        InvoiceTotals totals = InvoiceTotals.of(order.lines().stream().map(NewOrder.Line::amountMinor).toList(), commerce.taxRatePercent());
        lines.add(say.text("owner.new.order.total", say.money(totals.subtotalMinor()), say.money(totals.taxMinor()),
                say.money(totals.totalMinor())));
        String prefix = BUTTON_PREFIX + order.id() + ":";
        return new OutboundMessage(String.join("\n", lines), List.of(say.button(prefix + "approve", "button.approve"),
                say.button(prefix + "reject", "button.reject")));
    }

    /** Each owner hears of the order once: on the customer's channel if they have a chat there, else on another. */
    Uni<Void> tell(SqlConnection tx, NewOrder order, InboundMessage message) {
        return tell(tx, order, message.channel(), message.chatId(), message.sender().name());
    }

    /** The same for an order of the customer of {@code channel}'s {@code chatId}, called {@code name} (or null). */
    Uni<Void> tell(SqlConnection tx, NewOrder order, String customerChannel, String chatId, String name) {
        String chat = customerChannel + " " + chatId;
        OutboundMessage notice = notice(order, name == null ? chat : name + " (" + chat + ")");
        List<String> preferred = new ArrayList<>();
        if (channels.contains(customerChannel)) {
            preferred.add(customerChannel);
        }
        preferred.addAll(channels);
        Uni<Void> all = Uni.createFrom().voidItem();
        for (CommerceSettings.Owner owner : commerce.owners()) {
            Optional<String> channel = preferred.stream().filter(c -> owner.chatId(c).isPresent()).findFirst();
            if (channel.isPresent()) {
                all = all.flatMap(ignored -> Outbox.enqueue(tx, channel.get(), owner.chatId(channel.get()).orElseThrow(), List.of(notice)));
            }
        }
        return all;
    }

    Uni<List<OutboundMessage>> button(SqlConnection tx, CommerceSettings.Owner owner, String buttonId) {
        Matcher button = BUTTON.matcher(buttonId);
        if (!button.matches()) {
            return Uni.createFrom().item(List.of(say.message("owner.help")));
        }
        return decide(tx, owner, button.group(2), Long.parseLong(button.group(1)), null);
    }

    /**
     * The owner's typed command, in English or Hindi ({@link OwnerCommand}), or empty when the text is none (the owner
     * may be ordering like a customer).
     */
    Optional<Uni<List<OutboundMessage>>> command(SqlConnection tx, CommerceSettings.Owner owner, String text) {
        return OwnerCommand.read(text).map(command -> switch (command.kind()) {
            case APPROVE -> decide(tx, owner, "approve", command.number(), null);
            case REJECT -> decide(tx, owner, "reject", command.number(), command.note());
            case PAID -> paid(tx, owner, command.number(), command.amount(), command.note() == null ? "" : command.note());
            case PREPARING -> fulfil(tx, owner, command.number(), Fulfilment.PREPARING, null);
            case READY -> fulfil(tx, owner, command.number(), Fulfilment.READY, null);
            case SHIPPED -> fulfil(tx, owner, command.number(), Fulfilment.SHIPPED, null);
            case DELIVERED -> fulfil(tx, owner, command.number(), Fulfilment.DELIVERED, null);
            case HELP -> Uni.createFrom().item(List.of(say.message("owner.help")));
        });
    }

    private Uni<List<OutboundMessage>> decide(SqlConnection tx, CommerceSettings.Owner owner, String what, long orderId, String reason) {
        Uni<Decision> decision = what.equals("approve") ? decisions.approve(tx, orderId, owner.name())
                : decisions.reject(tx, orderId, owner.name(), reason)
                        // "cancel 12 <reason>" on an order approved already cancels its fulfilment instead.
                        .flatMap(d -> d instanceof Decision.Refused r && r.reason() == Decision.Reason.ALREADY_APPROVED && reason != null
                                ? decisions.fulfil(tx, orderId, Fulfilment.CANCELLED, owner.name(), reason)
                                : Uni.createFrom().item(d));
        return decision.map(d -> List.of(OutboundMessage.text(told(d))));
    }

    /** Moves an accepted order's fulfilment on ({@link OrderDecisions#fulfil} tells the customer). */
    private Uni<List<OutboundMessage>> fulfil(SqlConnection tx, CommerceSettings.Owner owner, long orderId, Fulfilment to, String reason) {
        return decisions.fulfil(tx, orderId, to, owner.name(), reason).map(d -> List.of(OutboundMessage.text(told(d))));
    }

    private String told(Decision decision) {
        if (decision instanceof Decision.Approved a) {
            return say.text("owner.approved", String.valueOf(a.orderId()), a.invoiceNumber(), Money.format(a.totalMinor(), a.currency()));
        }
        if (decision instanceof Decision.Rejected r) {
            return say.text("owner.rejected", String.valueOf(r.orderId()));
        }
        if (decision instanceof Decision.Fulfilled f) {
            return say.text("owner.fulfilled." + f.fulfilment().name().toLowerCase(Locale.ROOT), String.valueOf(f.orderId()));
        }
        Decision.Refused r = (Decision.Refused) decision;
        return say.text("owner.refused." + r.reason().name().toLowerCase(Locale.ROOT), String.valueOf(r.orderId()), r.detail());
    }

    private Uni<List<OutboundMessage>> paid(SqlConnection tx, CommerceSettings.Owner owner, long customerId, String amount, String note) {
        Optional<Long> minor = minorUnits(amount);
        if (minor.isEmpty() || minor.get() <= 0) {
            return Uni.createFrom().item(List.of(say.message("owner.help")));
        }
        if (minor.get() > Money.MAX_PAYMENT_MINOR) {
            return Uni.createFrom().item(List.of(say.message("owner.payment.too.large", say.money(Money.MAX_PAYMENT_MINOR))));
        }
        return ledger.recordPayment(tx, customerId, minor.get(), note.isEmpty() ? "recorded in chat" : note, owner.name())
                .flatMap(entry -> ledger.balance(tx, customerId))
                .map(balance -> List.of(say.message("owner.payment.recorded", say.money(minor.get()), String.valueOf(customerId),
                        say.money(balance))))
                .onFailure(Ledger.UnknownCustomer.class)
                .recoverWithItem(() -> List.of(say.message("owner.payment.unknown.customer", String.valueOf(customerId))));
    }

    /** "1500" or "1500.50" in the bot's currency as minor units; empty when it has more decimals than the currency. */
    private Optional<Long> minorUnits(String amount) {
        int digits = Math.max(0, Currency.getInstance(commerce.currency()).getDefaultFractionDigits());
        try {
            return Optional.of(new BigDecimal(amount).movePointRight(digits).setScale(0).longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
