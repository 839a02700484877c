package dev.parley.runtime.flow.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.runtime.commerce.Money;
import dev.parley.runtime.commerce.invoice.InvoiceTotals;
import dev.parley.runtime.commerce.order.Decision;
import dev.parley.runtime.commerce.order.Fulfilment;
import dev.parley.runtime.commerce.order.NewProductOrder;
import dev.parley.runtime.commerce.order.OrderDecisions;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.conversation.Conversation;
import dev.parley.runtime.conversation.Flow.Turn;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.message.OutboundMessage.Button;
import dev.parley.runtime.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The owners' side of the shop in chat: each new order arrives with Accept and Reject ({@code sh:<order>:accept});
 * an accepted order gets Mark shipped, a shipped one Delivered. Reject asks for the reason the customer will read
 * (the owner's next message). Every decision goes through {@link OrderDecisions} in the transaction of the owner's
 * message; a refused one changes nothing and says why.
 */
final class ShopOwners {

    static final String PREFIX = "sh:";
    private static final Pattern BUTTON = Pattern.compile("sh:(\\d{1,18}):(accept|reject|ship|deliver)");
    private static final int MAX_REASON = 500;

    private final OrderDecisions decisions;
    private final CommerceSettings commerce;
    private final Screens say;
    private final List<String> channels;

    /** @param channels the channels this bot has, in the order owners are preferably told on */
    ShopOwners(OrderDecisions decisions, CommerceSettings commerce, Screens say, List<String> channels) {
        this.decisions = decisions;
        this.commerce = commerce;
        this.say = say;
        this.channels = List.copyOf(channels);
    }

    /** The new order, for the owners: lines, totals, delivery and payment, with Accept and Reject. */
    OutboundMessage notice(NewProductOrder order, InvoiceTotals totals, String customer) {
        List<String> lines = new ArrayList<>();
        lines.add(say.text("owner.new.order", order.id(), customer));
        order.lines().forEach(l -> lines.add(say.text("owner.line", l.lineNo(), l.name(), l.sku(), l.quantity(), say.money(l.amountMinor()))));
        lines.add(say.text("owner.total", say.money(totals.subtotalMinor()), say.money(totals.taxMinor()), say.money(totals.totalMinor())));
        if (order.checkout() != null) {
            lines.add(say.text("owner.deliver", order.checkout().name(), order.checkout().phone(), order.checkout().address()));
            lines.add(say.text("owner.payment", say.text("payment." + order.checkout().payment().name())));
        }
        return new OutboundMessage(String.join("\n", lines), List.of(button(order.id(), "accept"), button(order.id(), "reject")));
    }

    private Button button(long orderId, String action) {
        return new Button(PREFIX + orderId + ":" + action, say.text("button." + action));
    }

    /** Each owner hears of the order once: on the customer's channel if they have a chat there, else on another. */
    Uni<Void> tell(SqlConnection tx, NewProductOrder order, InvoiceTotals totals, String customer) {
        OutboundMessage notice = notice(order, totals, customer);
        List<String> preferred = new ArrayList<>();
        if (channels.contains(order.channel())) {
            preferred.add(order.channel());
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

    Uni<Turn> button(SqlConnection tx, CommerceSettings.Owner owner, Conversation conversation, String buttonId) {
        Matcher button = BUTTON.matcher(buttonId);
        if (!button.matches()) {
            return told(conversation, OutboundMessage.text(say.text("owner.help")));
        }
        long orderId = Long.parseLong(button.group(1));
        return switch (button.group(2)) {
            case "accept" -> decisions.approve(tx, orderId, owner.name()).flatMap(d -> told(conversation, answer(d)));
            case "reject" -> Uni.createFrom().item(new Turn(ShopFlow.OWNER_REASON, new JsonObject().put("rejecting", orderId),
                    List.of(OutboundMessage.text(say.text("owner.reason", orderId)))));
            case "ship" -> decisions.fulfil(tx, orderId, Fulfilment.SHIPPED, owner.name(), null).flatMap(d -> told(conversation, answer(d)));
            default -> decisions.fulfil(tx, orderId, Fulfilment.DELIVERED, owner.name(), null).flatMap(d -> told(conversation, answer(d)));
        };
    }

    /** The owner's reason for the order they are rejecting ("-": none); the owner is back to browsing afterwards. */
    Uni<Turn> reason(SqlConnection tx, CommerceSettings.Owner owner, Conversation conversation, String text) {
        Long orderId = conversation.data() == null ? null : conversation.data().getLong("rejecting");
        String reason = text.strip();
        if (orderId == null) {
            return Uni.createFrom().item(new Turn(ShopFlow.BROWSING, new JsonObject(), List.of(OutboundMessage.text(say.text("owner.help")))));
        }
        if (reason.length() > MAX_REASON) {
            return Uni.createFrom().item(new Turn(conversation.state(), conversation.data(), List.of(OutboundMessage.text(say.text("owner.reason", orderId)))));
        }
        return decisions.reject(tx, orderId, owner.name(), reason.equals("-") || reason.isEmpty() ? null : reason)
                .map(d -> new Turn(ShopFlow.BROWSING, new JsonObject(), List.of(answer(d))));
    }

    /** Another button of the owner's drops a reason they were asked for and did not give. */
    private static Uni<Turn> told(Conversation conversation, OutboundMessage message) {
        return Uni.createFrom().item(ShopFlow.OWNER_REASON.equals(conversation.state())
                ? new Turn(ShopFlow.BROWSING, new JsonObject(), List.of(message))
                : new Turn(conversation.state(), conversation.data(), List.of(message)));
    }

    private OutboundMessage answer(Decision decision) {
        if (decision instanceof Decision.Approved a) {
            return new OutboundMessage(say.text("owner.accepted", a.orderId(), a.invoiceNumber(), Money.format(a.totalMinor(), a.currency())),
                    List.of(button(a.orderId(), "ship")));
        }
        if (decision instanceof Decision.Rejected r) {
            return OutboundMessage.text(say.text("owner.rejected", r.orderId()));
        }
        if (decision instanceof Decision.Fulfilled f) {
            return f.fulfilment() == Fulfilment.SHIPPED
                    ? new OutboundMessage(say.text("owner.shipped", f.orderId()), List.of(button(f.orderId(), "deliver")))
                    : OutboundMessage.text(say.text("owner." + f.fulfilment().name().toLowerCase(Locale.ROOT), f.orderId()));
        }
        return OutboundMessage.text(say.text("owner.refused", ((Decision.Refused) decision).detail()));
    }
}
