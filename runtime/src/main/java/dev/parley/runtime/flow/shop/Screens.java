package dev.parley.runtime.flow.shop;

import java.util.ArrayList;
import java.util.List;

import dev.parley.runtime.commerce.Money;
import dev.parley.runtime.commerce.invoice.InvoiceTotals;
import dev.parley.runtime.commerce.order.Checkout;
import dev.parley.runtime.commerce.order.Order;
import dev.parley.runtime.commerce.product.Carts;
import dev.parley.runtime.commerce.product.Category;
import dev.parley.runtime.commerce.product.Product;
import dev.parley.runtime.message.Messages;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.message.OutboundMessage.Button;

/**
 * The shop's screens in one language, from its message bundle. Every screen has at most ten buttons (WhatsApp's
 * most in a list), the last of them the way back; a page of the catalog shows {@link #PAGE} entries.
 */
final class Screens {

    static final Messages BUNDLE = new Messages("shop");
    /** Entries a page: with previous, next and back, ten buttons at most. */
    static final int PAGE = 7;
    /** Quantities offered as buttons; any other is typed. */
    static final int[] QUANTITIES = {1, 2, 3, 5, 10};

    private final String language;
    private final String currency;
    private final java.math.BigDecimal taxRatePercent;
    private final String shopName;

    Screens(String language, String currency, java.math.BigDecimal taxRatePercent, String shopName) {
        this.language = language;
        this.currency = currency;
        this.taxRatePercent = taxRatePercent;
        this.shopName = shopName;
    }

    String language() {
        return language;
    }

    String text(String key, Object... args) {
        return BUNDLE.get(language, key, args);
    }

    String money(long minor) {
        return Money.format(minor, currency);
    }

    private Button button(String id, String key, Object... args) {
        return new Button(id, text(key, args));
    }

    private Button back(String id) {
        return button(id, "button.back");
    }

    static int units(List<Carts.Line> cart) {
        return cart.stream().mapToInt(Carts.Line::quantity).sum();
    }

    InvoiceTotals totals(List<Carts.Line> cart) {
        return InvoiceTotals.of(cart.stream().map(Carts.Line::amountMinor).toList(), taxRatePercent);
    }

    OutboundMessage home(List<Carts.Line> cart, String notice) {
        List<String> lines = new ArrayList<>();
        lines.add(text("home.title", shopName));
        lines.add(cart.isEmpty() ? text("home.cart.empty") : text("home.cart", units(cart), money(totals(cart).totalMinor())));
        lines.add(text("home.prompt"));
        return screen(notice, lines, List.of(button(Press.id("cats", 0), "button.catalog"), button(Press.id("cart"), "button.cart", units(cart)),
                button(Press.id("orders"), "button.orders"), button(Press.id("lang"), "button.language")));
    }

    OutboundMessage categories(List<Category> categories, int page, String notice) {
        if (categories.isEmpty()) {
            return screen(notice, List.of(text("catalog.empty")), List.of(button(Press.id("h"), "button.close")));
        }
        int pages = pages(categories.size());
        List<Button> buttons = new ArrayList<>();
        categories.stream().skip((long) page * PAGE).limit(PAGE)
                .forEach(c -> buttons.add(new Button(Press.id("c", c.id(), 0), text("category.button", c.name(), c.products()))));
        paging(buttons, page, pages, p -> Press.id("cats", p));
        buttons.add(button(Press.id("h"), "button.close"));
        return screen(notice, List.of(pages > 1 ? text("catalog.page", page + 1, pages) : text("catalog.title")), buttons);
    }

    OutboundMessage category(Category category, List<Product> products, int total, int page, String notice) {
        int pages = pages(total);
        List<Button> buttons = new ArrayList<>();
        products.forEach(p -> buttons.add(new Button(Press.id("p", p.id(), page), text("product.button", p.name(), money(p.priceMinor())))));
        paging(buttons, page, pages, p -> Press.id("c", category.id(), p));
        buttons.add(back(Press.id("cats", 0)));
        return screen(notice, List.of(text("category.title", category.name(), page + 1, pages)), buttons);
    }

    /** The product card; its picture, when it has one, goes with it (a photo message with the card as caption). */
    OutboundMessage product(Product product, int page, int inCart, String notice) {
        List<Button> buttons = new ArrayList<>();
        if (product.inStock()) {
            buttons.add(button(Press.id("q", product.id(), page), "button.add"));
        }
        buttons.add(button(Press.id("cart"), "button.cart", inCart));
        buttons.add(back(Press.id("c", product.categoryId(), page)));
        String stock = product.inStock() ? text("product.stock", product.stock()) : text("product.out");
        OutboundMessage card = screen(notice, List.of(text("product.card", product.name(), product.description(), money(product.priceMinor()), stock)),
                buttons);
        return product.imageUrl() == null ? card : card.withPhoto(product.imageUrl());
    }

    /** How many to add: the quantities that fit the stock, the cart's bound and what is in the cart already. */
    OutboundMessage quantity(Product product, int page, int room, String notice) {
        List<Button> buttons = new ArrayList<>();
        for (int q : QUANTITIES) {
            if (q <= room) {
                buttons.add(new Button(Press.id("a", product.id(), q), String.valueOf(q)));
            }
        }
        buttons.add(back(Press.id("p", product.id(), page)));
        return screen(notice, List.of(text("quantity.ask", product.name(), product.stock(), room)), buttons);
    }

    OutboundMessage cart(List<Carts.Line> cart, String notice) {
        if (cart.isEmpty()) {
            return screen(notice, List.of(text("cart.empty")), List.of(button(Press.id("cats", 0), "button.catalog"),
                    button(Press.id("h"), "button.close")));
        }
        List<String> lines = new ArrayList<>();
        lines.add(text("cart.title"));
        lines.addAll(cartLines(cart));
        lines.addAll(totalLines(cart));
        lines.add(text("cart.choose"));
        List<Button> buttons = new ArrayList<>();
        cart.forEach(l -> buttons.add(new Button(Press.id("l", l.product().id()), text("button.line", l.product().name(), l.quantity()))));
        buttons.add(button(Press.id("co"), "button.checkout"));
        buttons.add(button(Press.id("h"), "button.close"));
        return screen(notice, lines, buttons);
    }

    List<String> cartLines(List<Carts.Line> cart) {
        List<String> lines = new ArrayList<>();
        int no = 1;
        for (Carts.Line line : cart) {
            Product p = line.product();
            lines.add(!p.active() ? text("cart.line.gone", no, p.name())
                    : line.quantity() > p.stock() ? text("cart.line.short", no, p.name(), line.quantity(), money(line.amountMinor()), p.stock())
                    : text("cart.line", no, p.name(), line.quantity(), money(line.amountMinor())));
            no++;
        }
        return lines;
    }

    List<String> totalLines(List<Carts.Line> cart) {
        InvoiceTotals totals = totals(cart);
        return List.of(text("cart.subtotal", money(totals.subtotalMinor())),
                text("cart.tax", taxRatePercent.stripTrailingZeros().toPlainString(), money(totals.taxMinor())),
                text("cart.total", money(totals.totalMinor())));
    }

    OutboundMessage line(Carts.Line line, boolean more, String notice) {
        Product p = line.product();
        List<Button> buttons = new ArrayList<>();
        if (more) {
            buttons.add(button(Press.id("inc", p.id()), "button.plus"));
        }
        buttons.add(button(Press.id("dec", p.id()), "button.minus"));
        buttons.add(button(Press.id("rm", p.id()), "button.remove"));
        buttons.add(back(Press.id("cart")));
        return screen(notice, List.of(text("line.title", p.name(), line.quantity(), money(line.amountMinor()), p.stock())), buttons);
    }

    OutboundMessage savedDetails(Carts.Delivery delivery, String notice) {
        return screen(notice, List.of(text("checkout.saved", delivery.name(), delivery.phone(), delivery.address())),
                List.of(button(Press.id("saved"), "button.use.saved"), button(Press.id("new"), "button.new.details"),
                        button(Press.id("x"), "button.cancel")));
    }

    /** A question the customer answers by typing (name, phone, address), with a way out. */
    OutboundMessage ask(String key, String notice) {
        return screen(notice, List.of(text(key)), List.of(button(Press.id("x"), "button.cancel")));
    }

    OutboundMessage payment(String notice) {
        return screen(notice, List.of(text("checkout.payment")), List.of(button(Press.id("cod"), "button.cod"),
                button(Press.id("acct"), "button.account"), button(Press.id("x"), "button.cancel")));
    }

    OutboundMessage summary(List<Carts.Line> cart, Carts.Delivery delivery, Checkout.Payment payment, long version, String notice) {
        List<String> lines = new ArrayList<>();
        lines.add(text("summary.title"));
        lines.addAll(cartLines(cart));
        lines.addAll(totalLines(cart));
        lines.add(text("summary.deliver", delivery.name(), delivery.phone(), delivery.address()));
        lines.add(text("summary.payment", text("payment." + payment.name())));
        lines.add(text("summary.question"));
        return screen(notice, lines, List.of(button(Press.id("ok", version), "button.confirm"), button(Press.id("cart"), "button.edit.cart"),
                button(Press.id("x"), "button.cancel")));
    }

    OutboundMessage orders(List<Order> orders, String notice) {
        List<String> lines = new ArrayList<>();
        if (orders.isEmpty()) {
            lines.add(text("orders.none"));
        } else {
            lines.add(text("orders.title"));
            for (Order order : orders) {
                String state = order.fulfilment() != null ? text("fulfilment." + order.fulfilment().name())
                        : text("state." + order.state().name());
                if (order.state() == Order.State.ORDER_REJECTED && order.rejectionReason() != null) {
                    state += " (" + order.rejectionReason() + ")";
                }
                long total = InvoiceTotals.of(List.of(order.subtotalMinor()), taxRatePercent).totalMinor();
                lines.add(text("orders.line", order.id(), money(total), state));
            }
        }
        return screen(notice, lines, List.of(back(Press.id("h"))));
    }

    OutboundMessage languages(List<String> available, String notice) {
        List<Button> buttons = new ArrayList<>();
        if (available.contains(Messages.ENGLISH)) {
            buttons.add(button(Press.id("en"), "button.english"));
        }
        if (available.contains(Messages.HINDI)) {
            buttons.add(button(Press.id("hi"), "button.hindi"));
        }
        buttons.add(back(Press.id("h")));
        return screen(notice, List.of(text("language.choose")), buttons);
    }

    private static int pages(int entries) {
        return Math.max(1, (entries + PAGE - 1) / PAGE);
    }

    private void paging(List<Button> buttons, int page, int pages, java.util.function.IntFunction<String> id) {
        if (page > 0) {
            buttons.add(new Button(id.apply(page - 1), text("button.previous")));
        }
        if (page + 1 < pages) {
            buttons.add(new Button(id.apply(page + 1), text("button.next")));
        }
    }

    private static OutboundMessage screen(String notice, List<String> lines, List<Button> buttons) {
        String body = String.join("\n", lines);
        return new OutboundMessage(notice == null ? body : notice + "\n\n" + body, buttons);
    }
}
