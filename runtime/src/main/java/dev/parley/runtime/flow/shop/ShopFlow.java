package dev.parley.runtime.flow.shop;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.parley.runtime.commerce.invoice.InvoicePdf;
import dev.parley.runtime.commerce.invoice.InvoiceTotals;
import dev.parley.runtime.commerce.order.Checkout;
import dev.parley.runtime.commerce.order.NewOrder;
import dev.parley.runtime.commerce.order.NewProductOrder;
import dev.parley.runtime.commerce.order.Order;
import dev.parley.runtime.commerce.order.OrderRepository;
import dev.parley.runtime.commerce.product.Carts;
import dev.parley.runtime.commerce.product.Product;
import dev.parley.runtime.commerce.product.ProductRepository;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.conversation.Conversation;
import dev.parley.runtime.conversation.Flow;
import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.message.Messages;
import dev.parley.runtime.message.OutboundMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The shop (docs/architecture.md, "The shop"): customers browse a catalog by category and page, fill a cart, check
 * out with their delivery details and a way to pay, and confirm; confirmation takes the stock with conditional
 * updates and stores the order in the message's transaction, sends the receipt, and tells the owners, whose buttons
 * ({@link ShopOwners}) accept, reject, ship and deliver it.
 *
 * <p>Each customer turn answers with one screen, which fills the chat's {@link #SLOT home} slot: a screen that
 * answers a button press edits the message that holds it (on Telegram), one that answers typed text, such as
 * {@code /start}, is sent anew at the bottom of the chat. The cart lives in the database ({@link Carts}); the
 * conversation's state holds only where checkout stands.
 */
public final class ShopFlow implements Flow {

    public static final String NAME = "shop";
    /** The outbox slot of the customer's home message. */
    static final String SLOT = "home";

    static final String BROWSING = "BROWSING";
    static final String QUANTITY = "QUANTITY";
    static final String NAME_ASKED = "CHECKOUT_NAME";
    static final String PHONE_ASKED = "CHECKOUT_PHONE";
    static final String ADDRESS_ASKED = "CHECKOUT_ADDRESS";
    static final String PAYMENT_ASKED = "CHECKOUT_PAYMENT";
    static final String SUMMARY = "CHECKOUT_SUMMARY";
    static final String OWNER_REASON = "OWNER_REASON";

    private static final String SAVEPOINT = "shop_checkout";
    private static final String START = "/start";
    private static final int MY_ORDERS = 8;

    private final ProductRepository products;
    private final Carts carts;
    private final OrderRepository orders;
    private final ShopOwners owners;
    private final CommerceSettings commerce;
    private final String shopName;
    private final Vertx vertx;

    ShopFlow(ProductRepository products, Carts carts, OrderRepository orders, ShopOwners owners, CommerceSettings commerce, String shopName,
            Vertx vertx) {
        this.products = products;
        this.carts = carts;
        this.orders = orders;
        this.owners = owners;
        this.commerce = commerce;
        this.shopName = shopName;
        this.vertx = vertx;
    }

    @Override
    public String initialState() {
        return BROWSING;
    }

    @Override
    public List<String> languages() {
        return commerce.languages();
    }

    /** A checkout left half-way is simply forgotten: the cart stays, and has its own expiry ({@link CartExpiry}). */
    @Override
    public List<OutboundMessage> expired(String state, String language) {
        return List.of();
    }

    /** One customer turn: the conversation, the message, the transaction, and the customer's words. */
    private record Step(Conversation conversation, InboundMessage message, SqlConnection tx, Screens say) {

        String channel() {
            return conversation.channel();
        }

        String chatId() {
            return conversation.chatId();
        }

        boolean pressed() {
            return message.buttonId() != null;
        }

        JsonObject data() {
            return conversation.data() == null ? new JsonObject() : conversation.data();
        }
    }

    Screens screens(String language) {
        return new Screens(Messages.language(language != null ? language : commerce.defaultLanguage()), commerce.currency(),
                commerce.taxRatePercent(), shopName);
    }

    @Override
    public Uni<Turn> handle(Conversation conversation, InboundMessage message, Context context) {
        Screens say = screens(conversation.language());
        Optional<CommerceSettings.Owner> owner = commerce.owner(message.channel(), message.chatId());
        if (message.buttonId() != null && message.buttonId().startsWith(ShopOwners.PREFIX)) {
            return owner.isEmpty()
                    ? Uni.createFrom().item(new Turn(conversation.state(), conversation.data(), List.of(OutboundMessage.text(say.text("not.owner")))))
                    : owners.button(context.tx(), owner.get(), conversation, message.buttonId());
        }
        if (owner.isPresent() && OWNER_REASON.equals(conversation.state()) && message.text() != null
                && !START.equalsIgnoreCase(message.text().strip())) {
            return owners.reason(context.tx(), owner.get(), conversation, message.text());
        }
        Step step = new Step(conversation, message, context.tx(), say);
        if (message.buttonId() != null) {
            Optional<Press> press = Press.read(message.buttonId());
            return press.isPresent() ? press(step, press.get()) : home(step, say.text("stale"));
        }
        Optional<String> language = languageChoice(message.text());
        if (language.isPresent() && commerce.languages().contains(language.get())) {
            return chooseLanguage(step, language.get());
        }
        return typed(step, message.text().strip());
    }

    private static Optional<String> languageChoice(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "hindi", "हिंदी", "hindi me", "hindi mein" -> Optional.of(Messages.HINDI);
            case "english", "angrezi", "english me", "english mein" -> Optional.of(Messages.ENGLISH);
            default -> Optional.empty();
        };
    }

    // ---- what a turn answers

    /**
     * The screen fills the home slot: edited in place after a press, sent anew after typed text (unless the screen
     * says already how it fills the slot).
     */
    private static Turn show(Step step, String state, JsonObject data, OutboundMessage screen, OutboundMessage... before) {
        List<OutboundMessage> replies = new ArrayList<>(List.of(before));
        replies.add(screen.slot() != null ? screen : screen.inSlot(SLOT, !step.pressed()));
        return new Turn(state, data, replies);
    }

    private static JsonObject browsing() {
        return new JsonObject();
    }

    private Uni<Turn> home(Step step, String notice) {
        return carts.lines(step.tx(), step.channel(), step.chatId())
                .map(cart -> show(step, BROWSING, browsing(), step.say().home(cart, notice)));
    }

    private Uni<Turn> cart(Step step, String notice) {
        return carts.lines(step.tx(), step.channel(), step.chatId())
                .map(cart -> show(step, BROWSING, browsing(), step.say().cart(cart, notice)));
    }

    private Uni<Turn> categories(Step step, int page, String notice) {
        return products.categories(step.tx(), true).map(categories -> {
            int last = Math.max(0, (categories.size() - 1) / Screens.PAGE);
            return show(step, BROWSING, browsing(), step.say().categories(categories, Math.min(page, last), notice));
        });
    }

    private Uni<Turn> category(Step step, long categoryId, int page, String notice) {
        return products.category(step.tx(), categoryId).flatMap(category -> {
            if (category.isEmpty() || category.get().products() == 0) {
                return categories(step, 0, step.say().text("stale"));
            }
            int last = Math.max(0, (category.get().products() - 1) / Screens.PAGE);
            int shown = Math.min(page, last);
            return products.page(step.tx(), categoryId, shown * Screens.PAGE, Screens.PAGE)
                    .map(found -> show(step, BROWSING, browsing(), step.say().category(category.get(), found.products(), found.total(), shown, notice)));
        });
    }

    /** The product, if it is for sale; otherwise the categories, saying it is not. */
    private Uni<Turn> withProduct(Step step, long productId, java.util.function.Function<Product, Uni<Turn>> then) {
        return products.find(step.tx(), productId).flatMap(product -> product.isPresent() && product.get().active()
                ? then.apply(product.get())
                : categories(step, 0, step.say().text("unknown.product")));
    }

    private Uni<Turn> product(Step step, Product product, int page, String notice) {
        return carts.lines(step.tx(), step.channel(), step.chatId())
                .map(cart -> show(step, BROWSING, browsing(), step.say().product(product, page, Screens.units(cart), notice)));
    }

    private static int inCart(List<Carts.Line> cart, long productId) {
        return cart.stream().filter(l -> l.product().id() == productId).mapToInt(Carts.Line::quantity).findFirst().orElse(0);
    }

    /** How many more of the product fit: its stock and the cart's bound, less what the cart has. */
    private static int room(Product product, int inCart) {
        return Math.min(product.stock(), Carts.MAX_QUANTITY) - inCart;
    }

    private Uni<Turn> askQuantity(Step step, Product product, int page) {
        if (!product.inStock()) {
            return product(step, product, page, step.say().text("out.of.stock", product.name()));
        }
        return carts.lines(step.tx(), step.channel(), step.chatId()).flatMap(cart -> {
            int room = room(product, inCart(cart, product.id()));
            if (room <= 0) {
                return product(step, product, page, step.say().text("too.many", Math.min(product.stock(), Carts.MAX_QUANTITY), product.name(),
                        product.stock(), Carts.MAX_QUANTITY));
            }
            return Uni.createFrom().item(show(step, QUANTITY, new JsonObject().put("product", product.id()).put("page", page),
                    step.say().quantity(product, page, room, null)));
        });
    }

    /** Adds {@code quantity} of the product to the cart when the stock, the bound and the cart's size allow it. */
    private Uni<Turn> add(Step step, long productId, long quantity, int page) {
        return withProduct(step, productId, product -> carts.lines(step.tx(), step.channel(), step.chatId()).flatMap(cart -> {
            Screens say = step.say();
            if (!product.inStock()) {
                return product(step, product, page, say.text("out.of.stock", product.name()));
            }
            int have = inCart(cart, product.id());
            if (quantity < 1 || quantity > room(product, have)) {
                return product(step, product, page, say.text("too.many", Math.min(product.stock(), Carts.MAX_QUANTITY), product.name(),
                        product.stock(), Carts.MAX_QUANTITY));
            }
            if (have == 0 && cart.size() >= Carts.MAX_LINES) {
                return cart(step, say.text("cart.full", Carts.MAX_LINES));
            }
            return carts.set(step.tx(), step.channel(), step.chatId(), product.id(), have + (int) quantity)
                    .flatMap(ignored -> category(step, product.categoryId(), page, say.text("added", quantity, product.name())));
        }));
    }

    /** The cart line of {@code productId}, or the cart saying the button was stale. */
    private Uni<Turn> withLine(Step step, long productId, java.util.function.BiFunction<List<Carts.Line>, Carts.Line, Uni<Turn>> then) {
        return carts.lines(step.tx(), step.channel(), step.chatId()).flatMap(cart -> {
            Optional<Carts.Line> line = cart.stream().filter(l -> l.product().id() == productId).findFirst();
            return line.isPresent() ? then.apply(cart, line.get()) : cart(step, step.say().text("stale"));
        });
    }

    private Uni<Turn> changeLine(Step step, long productId, int delta) {
        return withLine(step, productId, (cart, line) -> {
            Screens say = step.say();
            int wanted = delta == 0 ? 0 : line.quantity() + delta;
            Product product = line.product();
            if (delta > 0 && wanted > Math.min(product.stock(), Carts.MAX_QUANTITY)) {
                return Uni.createFrom().item(show(step, BROWSING, browsing(), say.line(line, false,
                        say.text("too.many", Math.min(product.stock(), Carts.MAX_QUANTITY), product.name(), product.stock(), Carts.MAX_QUANTITY))));
            }
            return carts.set(step.tx(), step.channel(), step.chatId(), productId, Math.max(0, wanted)).flatMap(ignored -> wanted <= 0
                    ? cart(step, say.text("removed", product.name()))
                    : Uni.createFrom().item(show(step, BROWSING, browsing(), say.line(new Carts.Line(product, wanted),
                            wanted < Math.min(product.stock(), Carts.MAX_QUANTITY), say.text("changed", product.name(), wanted)))));
        });
    }

    private Uni<Turn> showLine(Step step, long productId) {
        return withLine(step, productId, (cart, line) -> Uni.createFrom().item(show(step, BROWSING, browsing(),
                step.say().line(line, line.quantity() < Math.min(line.product().stock(), Carts.MAX_QUANTITY), null))));
    }

    private Uni<Turn> chooseLanguage(Step step, String language) {
        Screens chosen = screens(language);
        return carts.lines(step.tx(), step.channel(), step.chatId()).map(cart -> new Turn(BROWSING, browsing(),
                List.of(chosen.home(cart, chosen.text("language.changed")).inSlot(SLOT, !step.pressed())), language));
    }

    // ---- buttons

    private Uni<Turn> press(Step step, Press press) {
        Screens say = step.say();
        int page = (int) Math.min(press.number(1, 0), 10_000);
        return switch (press.action()) {
            case "h" -> home(step, null);
            case "cats" -> categories(step, (int) Math.min(press.number(0, 0), 10_000), null);
            case "c" -> press.has(1) ? category(step, press.number(0, 0), page, null) : home(step, say.text("stale"));
            case "p" -> press.has(1) ? withProduct(step, press.number(0, 0), product -> product(step, product, page, null)) : home(step, say.text("stale"));
            case "q" -> press.has(1) ? withProduct(step, press.number(0, 0), product -> askQuantity(step, product, page)) : home(step, say.text("stale"));
            case "a" -> press.has(2) ? add(step, press.number(0, 0), press.number(1, 0), step.data().getInteger("page", 0)) : home(step, say.text("stale"));
            case "cart" -> cart(step, null);
            case "l" -> press.has(1) ? showLine(step, press.number(0, 0)) : cart(step, say.text("stale"));
            case "inc" -> press.has(1) ? changeLine(step, press.number(0, 0), 1) : cart(step, say.text("stale"));
            case "dec" -> press.has(1) ? changeLine(step, press.number(0, 0), -1) : cart(step, say.text("stale"));
            case "rm" -> press.has(1) ? changeLine(step, press.number(0, 0), 0) : cart(step, say.text("stale"));
            case "co" -> checkout(step);
            case "saved" -> useSaved(step);
            case "new" -> Uni.createFrom().item(show(step, NAME_ASKED, new JsonObject().put("checkout", new JsonObject()),
                    say.ask("checkout.name", null)));
            case "cod" -> payment(step, Checkout.Payment.CASH_ON_DELIVERY);
            case "acct" -> payment(step, Checkout.Payment.ON_ACCOUNT);
            case "ok" -> press.has(1) ? confirm(step, press.number(0, 0)) : home(step, say.text("stale"));
            case "x" -> cart(step, say.text("checkout.cancelled"));
            case "orders" -> orders.ofChat(step.tx(), step.channel(), step.chatId(), MY_ORDERS)
                    .map(mine -> show(step, BROWSING, browsing(), say.orders(mine, null)));
            case "lang" -> Uni.createFrom().item(show(step, BROWSING, browsing(), say.languages(commerce.languages(), null)));
            case "en", "hi" -> commerce.languages().contains(press.action()) ? chooseLanguage(step, press.action()) : home(step, say.text("stale"));
            default -> home(step, say.text("stale"));
        };
    }

    // ---- typed text

    private Uni<Turn> typed(Step step, String text) {
        Screens say = step.say();
        String state = step.conversation().state();
        if (text.equalsIgnoreCase(START) || text.equalsIgnoreCase("start") || text.equalsIgnoreCase("menu")) {
            return home(step, null);
        }
        JsonObject data = step.data();
        JsonObject checkout = data.getJsonObject("checkout", new JsonObject());
        switch (state) {
            case QUANTITY -> {
                Long productId = data.getLong("product");
                int page = data.getInteger("page", 0);
                Optional<Integer> quantity = wholeNumber(text);
                if (productId == null) {
                    return home(step, say.text("use.buttons"));
                }
                if (quantity.isEmpty()) {
                    return withProduct(step, productId, product -> carts.lines(step.tx(), step.channel(), step.chatId()).map(cart -> {
                        int room = Math.max(1, room(product, inCart(cart, product.id())));
                        return show(step, QUANTITY, data, say.quantity(product, page, room, say.text("quantity.invalid", room)));
                    }));
                }
                return add(step, productId, quantity.get(), page);
            }
            case NAME_ASKED -> {
                return Uni.createFrom().item(Delivery.name(text)
                        .map(name -> show(step, PHONE_ASKED, data.copy().put("checkout", checkout.copy().put("name", name)), say.ask("checkout.phone", null)))
                        .orElseGet(() -> show(step, NAME_ASKED, data, say.ask("checkout.name", say.text("invalid.name")))));
            }
            case PHONE_ASKED -> {
                return Uni.createFrom().item(Delivery.phone(text)
                        .map(phone -> show(step, ADDRESS_ASKED, data.copy().put("checkout", checkout.copy().put("phone", phone)),
                                say.ask("checkout.address", null)))
                        .orElseGet(() -> show(step, PHONE_ASKED, data, say.ask("checkout.phone", say.text("invalid.phone")))));
            }
            case ADDRESS_ASKED -> {
                Optional<String> address = Delivery.address(text);
                if (address.isEmpty() || checkout.getString("name") == null || checkout.getString("phone") == null) {
                    return Uni.createFrom().item(address.isEmpty()
                            ? show(step, ADDRESS_ASKED, data, say.ask("checkout.address", say.text("invalid.address")))
                            : show(step, NAME_ASKED, new JsonObject().put("checkout", new JsonObject()), say.ask("checkout.name", null)));
                }
                JsonObject details = checkout.copy().put("address", address.get());
                return carts.rememberDelivery(step.tx(), step.channel(), step.chatId(), delivery(details))
                        .map(ignored -> show(step, PAYMENT_ASKED, new JsonObject().put("checkout", details), say.payment(null)));
            }
            default -> {
                // Anything typed while browsing ("hi") brings the home message; in a screen of buttons it says so.
                return home(step, BROWSING.equals(state) ? null : say.text("use.buttons"));
            }
        }
    }

    private static Optional<Integer> wholeNumber(String text) {
        String digits = text.strip();
        if (!digits.matches("\\d{1,6}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(digits);
        return n >= 1 ? Optional.of(n) : Optional.empty();
    }

    // ---- checkout

    /** Lines that cannot be bought as they are: no longer sold, or more than the stock. */
    private static List<Carts.Line> unbuyable(List<Carts.Line> cart) {
        return cart.stream().filter(l -> !l.product().active() || l.quantity() > l.product().stock()).toList();
    }

    private String shortage(Screens say, List<Carts.Line> lines) {
        return say.text("short", lines.stream().map(l -> say.text("short.item", l.product().name(), l.product().active() ? l.product().stock() : 0))
                .collect(Collectors.joining(", ")));
    }

    private Uni<Turn> checkout(Step step) {
        Screens say = step.say();
        return carts.lines(step.tx(), step.channel(), step.chatId()).flatMap(cart -> {
            if (cart.isEmpty()) {
                return Uni.createFrom().item(show(step, BROWSING, browsing(), say.cart(cart, null)));
            }
            List<Carts.Line> unbuyable = unbuyable(cart);
            if (!unbuyable.isEmpty()) {
                return Uni.createFrom().item(show(step, BROWSING, browsing(), say.cart(cart, shortage(say, unbuyable))));
            }
            return carts.delivery(step.tx(), step.channel(), step.chatId()).map(saved -> saved.isPresent()
                    ? show(step, BROWSING, browsing(), say.savedDetails(saved.get(), null))
                    : show(step, NAME_ASKED, new JsonObject().put("checkout", new JsonObject()), say.ask("checkout.name", null)));
        });
    }

    private Uni<Turn> useSaved(Step step) {
        return carts.delivery(step.tx(), step.channel(), step.chatId()).map(saved -> saved
                .map(d -> show(step, PAYMENT_ASKED, new JsonObject().put("checkout", new JsonObject().put("name", d.name()).put("phone", d.phone())
                        .put("address", d.address())), step.say().payment(null)))
                .orElseGet(() -> show(step, NAME_ASKED, new JsonObject().put("checkout", new JsonObject()), step.say().ask("checkout.name", null))));
    }

    private static boolean complete(JsonObject checkout) {
        return checkout.getString("name") != null && checkout.getString("phone") != null && checkout.getString("address") != null;
    }

    private static Carts.Delivery delivery(JsonObject checkout) {
        return new Carts.Delivery(checkout.getString("name"), checkout.getString("phone"), checkout.getString("address"));
    }

    private Uni<Turn> payment(Step step, Checkout.Payment payment) {
        String state = step.conversation().state();
        JsonObject checkout = step.data().getJsonObject("checkout", new JsonObject());
        if (!(PAYMENT_ASKED.equals(state) || SUMMARY.equals(state)) || !complete(checkout)) {
            return home(step, step.say().text("stale"));
        }
        JsonObject chosen = checkout.copy().put("payment", payment.name());
        return summary(step, chosen, null);
    }

    private Uni<Turn> summary(Step step, JsonObject checkout, String notice) {
        return carts.lines(step.tx(), step.channel(), step.chatId()).map(cart -> cart.isEmpty()
                ? show(step, BROWSING, browsing(), step.say().cart(cart, notice))
                : show(step, SUMMARY, new JsonObject().put("checkout", checkout), step.say().summary(cart, delivery(checkout),
                        Checkout.Payment.valueOf(checkout.getString("payment")), version(cart, checkout), notice)));
    }

    /** What the summary showed: a Confirm pressed on another summary (the cart or details changed since) is stale. */
    static long version(List<Carts.Line> cart, JsonObject checkout) {
        String key = cart.stream().map(l -> l.product().id() + "x" + l.quantity() + "@" + l.product().priceMinor()).collect(Collectors.joining(","))
                + "|" + checkout.getString("name") + "|" + checkout.getString("phone") + "|" + checkout.getString("address") + "|"
                + checkout.getString("payment");
        return Integer.toUnsignedLong(key.hashCode());
    }

    /**
     * The customer confirms: under a savepoint, every line's stock is taken with a conditional update, in product id
     * order (so that two checkouts lock rows in the same order and cannot deadlock); when one is short, everything is
     * undone and the customer sees their cart with the short lines named. Otherwise the order is stored, the cart
     * emptied, the receipt sent and the owners told, all in the message's transaction.
     */
    private Uni<Turn> confirm(Step step, long shown) {
        Screens say = step.say();
        JsonObject checkout = step.data().getJsonObject("checkout", new JsonObject());
        if (!SUMMARY.equals(step.conversation().state()) || !complete(checkout) || checkout.getString("payment") == null) {
            return home(step, say.text("stale"));
        }
        return carts.lines(step.tx(), step.channel(), step.chatId()).flatMap(cart -> {
            if (cart.isEmpty()) {
                return cart(step, say.text("stale"));
            }
            if (version(cart, checkout) != shown) {
                return summary(step, checkout, say.text("stale"));
            }
            SqlConnection tx = step.tx();
            List<Carts.Line> byProduct = cart.stream().sorted(Comparator.comparingLong(l -> l.product().id())).toList();
            Uni<Boolean> taken = tx.query("SAVEPOINT " + SAVEPOINT).execute().replaceWith(true);
            for (Carts.Line line : byProduct) {
                taken = taken.flatMap(ok -> ok ? products.take(tx, line.product().id(), line.quantity()) : Uni.createFrom().item(false));
            }
            return taken.flatMap(ok -> ok
                    ? tx.query("RELEASE SAVEPOINT " + SAVEPOINT).execute().flatMap(ignored -> place(step, cart, checkout))
                    : tx.query("ROLLBACK TO SAVEPOINT " + SAVEPOINT + "; RELEASE SAVEPOINT " + SAVEPOINT).execute()
                            .flatMap(ignored -> carts.lines(tx, step.channel(), step.chatId()))
                            .map(now -> show(step, BROWSING, browsing(), say.cart(now, shortage(say, unbuyable(now))))));
        });
    }

    private Uni<Turn> place(Step step, List<Carts.Line> cart, JsonObject details) {
        Screens say = step.say();
        SqlConnection tx = step.tx();
        Checkout checkout = new Checkout(Checkout.Payment.valueOf(details.getString("payment")), details.getString("name"),
                details.getString("phone"), details.getString("address"));
        List<NewOrder.ProductLine> lines = new ArrayList<>();
        for (int i = 0; i < cart.size(); i++) {
            Product p = cart.get(i).product();
            lines.add(new NewOrder.ProductLine(i + 1, p.id(), p.sku(), p.name(), cart.get(i).quantity(), p.priceMinor()));
        }
        InvoiceTotals totals = say.totals(cart);
        String payment = say.text("payment." + checkout.payment().name());
        return orders.nextId(tx).flatMap(id -> {
            NewProductOrder order = new NewProductOrder(id, Order.Kind.SHOP, step.channel(), step.chatId(), say.language(), commerce.currency(),
                    lines, checkout);
            InvoicePdf.Content receipt = new InvoicePdf.Content(shopName, String.valueOf(id),
                    LocalDate.ofInstant(Instant.now(), ZoneId.of(commerce.timeZone())), checkout.name(), commerce.currency(),
                    lines.stream().map(l -> new InvoicePdf.Line(l.lineNo(), l.name(), l.sku(), java.math.BigDecimal.valueOf(l.quantity()),
                            l.amountMinor())).toList(),
                    totals, "RECEIPT", "Order no.", InvoicePdf.Content.PRODUCTS,
                    List.of("Payment: " + Screens.BUNDLE.get(Messages.ENGLISH, "payment." + checkout.payment().name()),
                            "Deliver to: " + checkout.name() + ", " + checkout.phone() + ", " + checkout.address()));
            return orders.placeProducts(tx, order)
                    .flatMap(ignored -> carts.clear(tx, step.channel(), step.chatId()))
                    .flatMap(ignored -> owners.tell(tx, order, totals, customer(step.message(), checkout)))
                    // PDFBox is plain blocking code: render off the event loop.
                    .flatMap(ignored -> vertx.executeBlocking(() -> InvoicePdf.render(receipt), false))
                    .map(pdf -> show(step, BROWSING, browsing(), say.home(List.of(), null).inSlot(SLOT, true),
                            OutboundMessage.text(say.text("placed", id, say.money(totals.totalMinor()), payment)),
                            OutboundMessage.document(say.text("receipt.caption", id),
                                    new OutboundMessage.Document("receipt-" + id + ".pdf", "application/pdf", pdf))));
        });
    }

    private static String customer(InboundMessage message, Checkout checkout) {
        String chat = message.channel() + " " + message.chatId();
        return checkout.name() + " (" + chat + ")";
    }
}
