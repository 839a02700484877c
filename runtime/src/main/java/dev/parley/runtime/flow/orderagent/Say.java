package dev.parley.runtime.flow.orderagent;

import java.util.ArrayList;
import java.util.List;

import dev.parley.runtime.commerce.Money;
import dev.parley.runtime.commerce.inventory.Quantity;
import dev.parley.runtime.commerce.order.NewOrder;
import dev.parley.runtime.message.Messages;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.message.OutboundMessage.Button;

/**
 * The order agent's words in one language, from its message bundle, and the buttons that go with them. Every
 * button id names the order it belongs to ({@code o:<order>:<action>}), so that a press on an old order's
 * message can be recognised and refused.
 */
final class Say {

    static final Messages BUNDLE = new Messages("orderagent");

    private final String language;
    private final String currency;

    Say(String language, String currency) {
        this.language = language;
        this.currency = currency;
    }

    String language() {
        return language;
    }

    String text(String key, Object... args) {
        return BUNDLE.get(language, key, args);
    }

    OutboundMessage message(String key, Object... args) {
        return OutboundMessage.text(text(key, args));
    }

    Button button(String id, String key, Object... args) {
        return new Button(id, text(key, args));
    }

    String money(long minor) {
        return Money.format(minor, currency);
    }

    /** Where an item stands, one line: "blue cotton: you asked for 20.00 m, we have only 12.50 m." */
    String status(Item item) {
        if (item.status() == Item.Status.ACCEPTED) {
            return text("item.full", item.name() + " " + item.wanted());
        }
        return item.stock() == Item.Stock.OUT_OF_STOCK ? text("item.out", item.name(), item.wanted())
                : text("item.partial", item.name(), item.wanted(), item.available());
    }

    /** The question about the first item still negotiated, after the state of every open item. */
    OutboundMessage negotiation(Draft draft, List<String> before) {
        Item item = draft.negotiating().orElseThrow();
        List<String> lines = new ArrayList<>(before);
        draft.open().forEach(i -> lines.add(status(i)));
        lines.add(text("negotiate.question", item.name()));
        List<Button> buttons = new ArrayList<>();
        String prefix = "o:" + draft.orderId() + ":";
        if (item.stock() == Item.Stock.PARTIAL_AVAILABLE) {
            buttons.add(button(prefix + "accept:" + item.no(), "button.accept", item.available()));
        }
        for (int k = 0; k < item.suggestions().size(); k++) {
            Item.Choice choice = item.suggestions().get(k);
            buttons.add(button(prefix + "alt:" + item.no() + ":" + (k + 1), "button.alternative",
                    choice.color() + " " + choice.material(), choice.meters().toPlainString() + " m"));
        }
        if (item.suggestions().isEmpty() && item.stock() == Item.Stock.OUT_OF_STOCK) {
            lines.add(text("negotiate.options.none"));
        }
        buttons.add(button(prefix + "drop:" + item.no(), "button.cancel.item"));
        return new OutboundMessage(String.join("\n", lines), buttons);
    }

    /** The final summary: every accepted line with its price, the subtotal, and the four choices. */
    OutboundMessage summary(StockCheck.Checked checked, List<String> before) {
        Draft draft = checked.draft();
        List<String> lines = new ArrayList<>(before);
        lines.add(text("summary.title", String.valueOf(draft.orderId())));
        checked.lines().forEach((no, line) -> lines.add(text("summary.line", line.lineNo(), color(line.color(), line.material()),
                meters(line), money(line.amountMinor()))));
        lines.add(text("summary.subtotal", money(checked.subtotalMinor())));
        lines.add(text("summary.question"));
        String prefix = "o:" + draft.orderId() + ":";
        return new OutboundMessage(String.join("\n", lines), List.of(button(prefix + "confirm", "button.confirm"),
                button(prefix + "edit", "button.edit"), button(prefix + "add", "button.add"),
                button(prefix + "cancel", "button.cancel.order")));
    }

    static String color(String color, String material) {
        return color + " " + material;
    }

    /** "20.00 m", or "2 rolls (100.00 m)" for a rolls line. */
    static String meters(NewOrder.Line line) {
        return line.requested().unit() == Quantity.Unit.ROLLS
                ? line.requested() + " (" + line.meters().toPlainString() + " m)" : line.meters().toPlainString() + " m";
    }
}
