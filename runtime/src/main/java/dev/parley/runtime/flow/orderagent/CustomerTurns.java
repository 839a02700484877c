package dev.parley.runtime.flow.orderagent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.runtime.commerce.inventory.Quantity;
import dev.parley.runtime.commerce.order.NewOrder;
import dev.parley.runtime.commerce.order.OrderRepository;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.conversation.Conversation;
import dev.parley.runtime.conversation.Flow.Context;
import dev.parley.runtime.conversation.Flow.Turn;
import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.understanding.Intent;
import dev.parley.runtime.understanding.IntentClassifier;
import dev.parley.runtime.understanding.ItemReplies;
import dev.parley.runtime.understanding.OrderLine;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The customer's side of the order agent, state by state (docs/architecture.md draws it):
 *
 * <pre>
 * COLLECTING_ITEMS --lines--> CUSTOMER_NEGOTIATION (while an item is short) --> FINAL_CUSTOMER_CONFIRMATION
 *        ^                            |  accept available / cancel item / alternative     | confirm: the order is
 *        |                            v                                                   | stored for the owner
 *        +------ cancel, nothing left, or placed (the order waits for the owner) <--------+ edit/add: checked again
 * </pre>
 *
 * The order being put together is kept in the conversation's data ({@link Draft}); once confirmed it is an order
 * row WAITING_OWNER_CONFIRMATION, which the owner approves or rejects ({@link OwnerDesk}). Stock is read in the
 * message's transaction; nothing is reserved before approval, so the summary and the confirmation check again.
 */
final class CustomerTurns {

    static final String COLLECTING = "COLLECTING_ITEMS";
    static final String NEGOTIATION = "CUSTOMER_NEGOTIATION";
    static final String CONFIRMATION = "FINAL_CUSTOMER_CONFIRMATION";

    private static final Pattern ORDER_BUTTON = Pattern.compile("o:(\\d{1,18}):([a-z]+)(?::(\\d{1,4}))?(?::(\\d{1,2}))?");
    private static final Pattern CHOICE_NUMBER = Pattern.compile("^\\s*(\\d)\\s*[.)]?\\s*$");

    private final IntentClassifier intents;
    private final StockCheck stock;
    private final OrderRepository orders;
    private final OwnerDesk owners;
    private final CommerceSettings commerce;

    CustomerTurns(IntentClassifier intents, StockCheck stock, OrderRepository orders, OwnerDesk owners, CommerceSettings commerce) {
        this.intents = intents;
        this.stock = stock;
        this.orders = orders;
        this.owners = owners;
        this.commerce = commerce;
    }

    /** Everything one turn works with. */
    record Step(Conversation conversation, InboundMessage message, Context context, Say say, Optional<Draft> draft) {

        SqlConnection tx() {
            return context.tx();
        }

        JsonObject data() {
            return conversation.data();
        }
    }

    /** The customer's message, in whatever state their conversation is. */
    Uni<Turn> turn(Step step) {
        return step.message().buttonId() != null ? pressed(step) : written(step);
    }

    // ------------------------------------------------------------------------------------------- button presses

    private Uni<Turn> pressed(Step step) {
        Matcher button = ORDER_BUTTON.matcher(step.message().buttonId());
        if (!button.matches()) {
            return Uni.createFrom().item(help(step));
        }
        long orderId = Long.parseLong(button.group(1));
        if (step.draft().isEmpty() || step.draft().get().orderId() != orderId) {
            String text = step.draft().isEmpty() ? step.say().text("button.stale", orderId)
                    : step.say().text("button.stale.current", orderId, step.draft().get().orderId());
            return Uni.createFrom().item(reply(new Turn(step.conversation().state(), step.data(), List.of()), OutboundMessage.text(text)));
        }
        Draft draft = step.draft().get();
        String action = button.group(2);
        int itemNo = button.group(3) == null ? 0 : Integer.parseInt(button.group(3));
        int choice = button.group(4) == null ? 0 : Integer.parseInt(button.group(4));
        boolean negotiating = NEGOTIATION.equals(step.conversation().state());
        return switch (action) {
            case "accept" -> negotiating ? accept(step, draft, itemNo) : unclear(step, draft);
            case "drop" -> negotiating ? drop(step, draft, itemNo) : unclear(step, draft);
            case "alt" -> negotiating ? alternative(step, draft, itemNo, choice) : unclear(step, draft);
            case "confirm" -> CONFIRMATION.equals(step.conversation().state()) ? place(step, draft) : unclear(step, draft);
            case "cancel" -> Uni.createFrom().item(cancelled(step, draft));
            case "edit" -> Uni.createFrom().item(prompt(step, "edit.prompt"));
            case "add" -> Uni.createFrom().item(prompt(step, "add.prompt"));
            default -> unclear(step, draft);
        };
    }

    // ------------------------------------------------------------------------------------------- typed replies

    private Uni<Turn> written(Step step) {
        String state = step.conversation().state();
        if (step.draft().isEmpty() || COLLECTING.equals(state)) {
            return lines(step).flatMap(lines -> lines.isEmpty() ? Uni.createFrom().item(help(step)) : start(step, lines));
        }
        Draft draft = step.draft().get();
        Intent intent = step.context().understood() instanceof OrderAgentFlow.Understood understood && understood.intent() != null
                ? understood.intent() : intents.classify(step.message().text());
        if (intent == Intent.CANCEL) {
            return Uni.createFrom().item(cancelled(step, draft));
        }
        if (NEGOTIATION.equals(state)) {
            return negotiate(step, draft, intent);
        }
        if (intent == Intent.CONFIRM) {
            return place(step, draft);
        }
        return lines(step).flatMap(lines -> {
            if (!lines.isEmpty()) {
                return change(step, draft, lines);
            }
            if (intent == Intent.EDIT || intent == Intent.ADD) {
                return Uni.createFrom().item(prompt(step, intent == Intent.EDIT ? "edit.prompt" : "add.prompt"));
            }
            return unclear(step, draft);
        });
    }

    /**
     * The order lines in the message, as {@link OrderAgentFlow#understand} read them before the transaction (none for
     * a button). Nothing here reads the catalog through the pool: a second connection inside the message's
     * transaction is how a burst of messages exhausts the pool.
     */
    private Uni<List<OrderLine>> lines(Step step) {
        if (step.context().understood() instanceof OrderAgentFlow.Understood understood) {
            return Uni.createFrom().item(understood.lines());
        }
        return Uni.createFrom().item(List.of());
    }

    private Uni<Turn> start(Step step, List<OrderLine> lines) {
        if (tooLarge(lines)) {
            return Uni.createFrom().item(tooLarge(step));
        }
        return orders.nextId(step.tx()).flatMap(orderId -> {
            Draft draft = new Draft(orderId, List.of());
            for (OrderLine line : lines) {
                draft = draft.plus(Item.wanted(draft.nextNo(), line.material(), line.color(), quantity(line), 0));
            }
            return next(step, draft, List.of());
        });
    }

    private static boolean tooLarge(List<OrderLine> lines) {
        return lines.stream().anyMatch(line -> quantity(line).aboveBound());
    }

    /** A quantity above what one line may ask for: said, and the conversation stays where it is. */
    private static Turn tooLarge(Step step) {
        return new Turn(step.conversation().state(), step.data(), List.of(OutboundMessage.text(
                step.say().text("quantity.too.large", Quantity.MAX_METERS.toPlainString(), String.valueOf(Quantity.MAX_ROLLS)))));
    }

    private static Quantity quantity(OrderLine line) {
        return line.rolls() != null ? Quantity.rolls(line.rolls()) : Quantity.meters(line.meters());
    }

    private Uni<Turn> negotiate(Step step, Draft draft, Intent intent) {
        Item item = draft.negotiating().orElseThrow();
        // A lone number picks one of the item's numbered alternatives, as the question lists them.
        Matcher number = CHOICE_NUMBER.matcher(step.message().text());
        if (number.matches()) {
            return alternative(step, draft, item.no(), Integer.parseInt(number.group(1)));
        }
        // "pehla wala le lo, doosra cancel", "take the red silk and drop the rest": items named by place or name, as
        // the negotiation message lists the open ones.
        List<Item> open = draft.open();
        Optional<List<ItemReplies.Decision>> several = ItemReplies.read(step.message().text(),
                open.stream().map(CustomerTurns::shown).toList());
        if (several.isPresent()) {
            return settle(step, draft, open, several.get());
        }
        if (intent == Intent.CANCEL_ITEM) {
            return drop(step, draft, item.no());
        }
        if ((intent == Intent.ACCEPT_AVAILABLE || intent == Intent.CONFIRM) && item.stock() == Item.Stock.PARTIAL_AVAILABLE) {
            return accept(step, draft, item.no());
        }
        String said = step.message().text().toLowerCase(Locale.ROOT);
        for (int k = 0; k < item.suggestions().size(); k++) {
            Item.Choice choice = item.suggestions().get(k);
            if (said.contains(choice.color()) && said.contains(choice.material())) {
                return alternative(step, draft, item.no(), k + 1);
            }
        }
        return lines(step).flatMap(lines -> {
            for (OrderLine line : lines) {
                for (int k = 0; k < item.suggestions().size(); k++) {
                    Item.Choice choice = item.suggestions().get(k);
                    if (choice.material().equals(line.material()) && choice.color().equals(line.color())) {
                        return alternative(step, draft, item.no(), k + 1);
                    }
                }
            }
            // Other lines change the order as at the summary: a new quantity for an item, or one more item.
            return lines.isEmpty() ? unclear(step, draft) : change(step, draft, lines);
        });
    }

    // ------------------------------------------------------------------------------------------- what changes

    private Uni<Turn> accept(Step step, Draft draft, int itemNo) {
        Optional<Item> item = draft.item(itemNo).filter(i -> i.status() == Item.Status.NEGOTIATING && i.available() != null
                && !i.available().isZero());
        if (item.isEmpty()) {
            return unclear(step, draft);
        }
        return next(step, draft.update(itemNo, i -> i.wanting(i.available()).with(Item.Status.ACCEPTED)), List.of());
    }

    private Uni<Turn> drop(Step step, Draft draft, int itemNo) {
        Optional<Item> item = draft.item(itemNo).filter(Item::isOpen);
        if (item.isEmpty()) {
            return unclear(step, draft);
        }
        return next(step, draft.update(itemNo, i -> i.with(Item.Status.CANCELLED)),
                List.of(step.say().text("item.cancelled", item.get().name())));
    }

    private Uni<Turn> alternative(Step step, Draft draft, int itemNo, int choice) {
        Optional<Item> item = draft.item(itemNo).filter(i -> i.status() == Item.Status.NEGOTIATING);
        if (item.isEmpty() || choice < 1 || choice > item.get().suggestions().size()) {
            return unclear(step, draft);
        }
        Item.Choice picked = item.get().suggestions().get(choice - 1);
        return next(step, withAlternative(draft, item.get(), picked),
                List.of(step.say().text("item.replaced", Say.color(picked.color(), picked.material()), item.get().name())));
    }

    /**
     * The draft with {@code item} replaced by an alternative. When the order has that material and colour already,
     * its line takes the quantity too, rather than a second line of the same thing (in the same unit; a line in rolls
     * and one in meters stay two).
     */
    static Draft withAlternative(Draft draft, Item item, Item.Choice picked) {
        Draft replaced = draft.update(item.no(), i -> i.with(Item.Status.REPLACED));
        Optional<Item> same = replaced.open().stream().filter(i -> i.material().equals(picked.material())
                && i.color().equals(picked.color()) && i.wanted().unit() == item.wanted().unit()).findFirst();
        if (same.isPresent()) {
            return replaced.update(same.get().no(), i -> i.wanting(new Quantity(i.wanted().unit(),
                    i.wanted().amount().add(item.wanted().amount()))).with(Item.Status.NEGOTIATING));
        }
        return replaced.plus(Item.wanted(replaced.nextNo(), picked.material(), picked.color(), item.wanted(), item.no()));
    }

    /** An open item as the customer was shown it, for {@link ItemReplies}. */
    private static ItemReplies.Shown shown(Item item) {
        return new ItemReplies.Shown(item.material(), item.color(), item.status() != Item.Status.NEGOTIATING ? List.of()
                : item.suggestions().stream().map(c -> new ItemReplies.Alternative(c.material(), c.color())).toList());
    }

    /**
     * A reply that settles several items at once: each one dropped, its alternative taken, or its available part
     * accepted; then the stock is checked once for all. Taking an item that is already accepted changes nothing.
     */
    private Uni<Turn> settle(Step step, Draft draft, List<Item> open, List<ItemReplies.Decision> decisions) {
        Draft changed = draft;
        List<String> before = new ArrayList<>();
        for (int k = 0; k < open.size(); k++) {
            ItemReplies.Decision decision = decisions.get(k);
            Item item = open.get(k);
            if (decision == null) {
                continue;
            }
            if (decision.action() == ItemReplies.Action.DROP) {
                changed = changed.update(item.no(), i -> i.with(Item.Status.CANCELLED));
                before.add(step.say().text("item.cancelled", item.name()));
            } else if (decision.alternative() > 0 && item.status() == Item.Status.NEGOTIATING
                    && decision.alternative() <= item.suggestions().size()) {
                Item.Choice picked = item.suggestions().get(decision.alternative() - 1);
                changed = withAlternative(changed, item, picked);
                before.add(step.say().text("item.replaced", Say.color(picked.color(), picked.material()), item.name()));
            } else if (item.status() == Item.Status.NEGOTIATING && item.stock() == Item.Stock.PARTIAL_AVAILABLE
                    && item.available() != null && !item.available().isZero()) {
                changed = changed.update(item.no(), i -> i.wanting(i.available()).with(Item.Status.ACCEPTED));
            }
        }
        return changed.equals(draft) ? unclear(step, draft) : next(step, changed, before);
    }

    /**
     * Edits and additions, at the summary or while negotiating: a line for an item in the order changes its
     * quantity, others are added; everything is checked again.
     */
    private Uni<Turn> change(Step step, Draft draft, List<OrderLine> lines) {
        if (tooLarge(lines)) {
            return Uni.createFrom().item(tooLarge(step));
        }
        Draft changed = draft;
        for (OrderLine line : lines) {
            Optional<Item> same = changed.open().stream()
                    .filter(i -> i.material().equals(line.material()) && i.color().equals(line.color())).findFirst();
            if (same.isPresent()) {
                changed = changed.update(same.get().no(), i -> i.wanting(quantity(line)).with(Item.Status.NEGOTIATING));
            } else {
                changed = changed.plus(Item.wanted(changed.nextNo(), line.material(), line.color(), quantity(line), 0));
            }
        }
        return next(step, changed, List.of());
    }

    /** Checks the stock and goes where the draft now belongs: negotiation, the summary, or nothing left. */
    private Uni<Turn> next(Step step, Draft draft, List<String> before) {
        return stock.check(step.tx(), draft).map(checked -> {
            Draft now = checked.draft();
            if (now.negotiating().isPresent()) {
                return new Turn(NEGOTIATION, data(now), List.of(step.say().negotiation(now, before)));
            }
            if (now.accepted().isEmpty()) {
                List<String> lines = new ArrayList<>(before);
                lines.add(step.say().text("nothing.left"));
                return new Turn(COLLECTING, new JsonObject(), List.of(OutboundMessage.text(String.join("\n", lines))));
            }
            return new Turn(CONFIRMATION, data(now), List.of(step.say().summary(checked, before)));
        });
    }

    /**
     * The customer confirms: the stock is checked once more (it may have moved since the summary); if every line is
     * still there the order is stored for the owner and the owners are told, else back to negotiation.
     */
    private Uni<Turn> place(Step step, Draft draft) {
        return stock.check(step.tx(), draft).flatMap(checked -> {
            Draft now = checked.draft();
            if (now.negotiating().isPresent()) {
                return Uni.createFrom().item(new Turn(NEGOTIATION, data(now),
                        List.of(step.say().negotiation(now, List.of(step.say().text("stock.changed"))))));
            }
            Conversation conversation = step.conversation();
            NewOrder order = new NewOrder(now.orderId(), conversation.channel(), conversation.chatId(), step.say().language(),
                    commerce.currency(), List.copyOf(checked.lines().values()));
            String total = step.say().money(order.subtotalMinor());
            return orders.place(step.tx(), order)
                    .flatMap(ignored -> owners.tell(step.tx(), order, step.message()))
                    .replaceWith(new Turn(COLLECTING, new JsonObject(),
                            List.of(step.say().message("order.placed", String.valueOf(order.id()), total))));
        });
    }

    private Turn cancelled(Step step, Draft draft) {
        return new Turn(COLLECTING, new JsonObject(), List.of(step.say().message("order.cancelled", String.valueOf(draft.orderId()))));
    }

    /** Asks for the line to change or add; the conversation stays where it is. */
    private Turn prompt(Step step, String key) {
        return new Turn(step.conversation().state(), step.data(), List.of(step.say().message(key)));
    }

    /** A reply the flow could not place: the current question again, with its buttons. */
    private Uni<Turn> unclear(Step step, Draft draft) {
        return stock.check(step.tx(), draft).map(checked -> {
            Draft now = checked.draft();
            if (now.negotiating().isPresent()) {
                Item item = now.negotiating().get();
                return new Turn(NEGOTIATION, data(now), List.of(step.say().negotiation(now,
                        List.of(step.say().text("negotiate.unclear", item.name())))));
            }
            if (now.accepted().isEmpty()) {
                return new Turn(COLLECTING, new JsonObject(), List.of(step.say().message("nothing.left")));
            }
            return new Turn(CONFIRMATION, data(now), List.of(step.say().summary(checked, List.of(step.say().text("summary.unclear")))));
        });
    }

    /** No order lines in the text: how to order, or, when it looked like an attempt (it has a number), that nothing was found. */
    private Turn help(Step step) {
        String text = step.message().text();
        boolean attempt = text != null && text.chars().anyMatch(Character::isDigit);
        return new Turn(step.conversation().state(), step.data(), List.of(step.say().message(attempt ? "nothing.understood" : "help")));
    }

    private static JsonObject data(Draft draft) {
        return new JsonObject().put("draft", draft.toJson());
    }

    private static Turn reply(Turn stay, OutboundMessage message) {
        return reply(stay, List.of(message));
    }

    private static Turn reply(Turn stay, List<OutboundMessage> messages) {
        return new Turn(stay.state(), stay.data(), messages);
    }
}
