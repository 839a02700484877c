package dev.parley.runtime.flow.orderagent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.parley.runtime.commerce.inventory.Quantity;
import dev.parley.runtime.commerce.order.Decision;
import dev.parley.runtime.commerce.order.NewOrder;
import dev.parley.runtime.commerce.order.OrderDecisions;
import dev.parley.runtime.commerce.order.OrderRepository;
import dev.parley.runtime.config.Approval;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.conversation.Customers;
import dev.parley.runtime.outbox.Outbox;
import dev.parley.runtime.understanding.OrderLine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Orders from other systems (a web shop, a point of sale, a kitchen display) taken the way a customer's confirmation
 * in chat is taken ({@link CustomerTurns}): the same stock check, in the caller's transaction, then the order is
 * stored waiting for the owner and the owners are told with the same Approve and Reject buttons, or, when the Bot's
 * {@code commerce.approval} is {@code automatic}, approved at once by {@link OrderDecisions} (stock deducted, invoice
 * issued, customer told). There is no negotiation: a line the stock cannot fill refuses the whole order, saying what
 * there is, and the caller rolls its transaction back.
 */
public final class ApiOrders {

    /** Who decided, on an order the bot approved itself. */
    public static final String AUTOMATIC = "automatic";

    private final StockCheck stock;
    private final OrderRepository orders;
    private final OwnerDesk owners;
    private final OrderDecisions decisions;
    private final CommerceSettings commerce;
    private final Approval approval;

    ApiOrders(StockCheck stock, OrderRepository orders, OwnerDesk owners, OrderDecisions decisions, CommerceSettings commerce, Approval approval) {
        this.stock = stock;
        this.orders = orders;
        this.owners = owners;
        this.decisions = decisions;
        this.commerce = commerce;
        this.approval = approval;
    }

    /** Who the order is for: a known customer by number, a chat on a channel, or only a name (no chat to tell). */
    public sealed interface Customer {
    }

    public record ById(long id) implements Customer {
    }

    public record ByChat(String channel, String chatId, String name) implements Customer {
    }

    public record ByName(String name) implements Customer {
    }

    /** An order as another system sends it: lines in catalog words, the customer's language (null: theirs, or the bot's). */
    public record Request(Customer customer, String language, List<OrderLine> lines) {

        public Request {
            lines = List.copyOf(lines);
        }
    }

    /** What became of it. */
    public sealed interface Outcome {
    }

    /** Stored, waiting for the owner, or approved at once ({@code approved} then says how). */
    public record Placed(long orderId, Optional<Decision.Approved> approved) implements Outcome {
    }

    /** Nothing stored: a line is short ({@code detail} says which and what there is), or the customer is unknown. */
    public record Refused(Reason reason, String detail) implements Outcome {
    }

    public enum Reason { UNKNOWN_CUSTOMER, OUT_OF_STOCK }

    /** Places the order in {@code tx}; a {@link Refused} outcome has written nothing but may leave the customer recorded. */
    public Uni<Outcome> place(SqlConnection tx, Request request) {
        return customer(tx, request).flatMap(found -> found.isEmpty()
                ? Uni.createFrom().item(new Refused(Reason.UNKNOWN_CUSTOMER, "there is no customer " + ((ById) request.customer()).id()))
                : place(tx, request, found.get()));
    }

    private Uni<Optional<Customers.Known>> customer(SqlConnection tx, Request request) {
        String language = request.language();
        Customer who = request.customer();
        if (who instanceof ById byId) {
            return Customers.byId(tx, byId.id());
        }
        if (who instanceof ByChat chat) {
            return Customers.ensure(tx, chat.channel(), chat.chatId(), chat.name(), language).map(Optional::of);
        }
        // A customer known only by name has no chat: Outbox.NO_CHAT keeps what would be said to them out of the outbox.
        String name = ((ByName) who).name();
        return Customers.ensure(tx, Outbox.NO_CHAT, name.toLowerCase(Locale.ROOT), name, language).map(Optional::of);
    }

    private Uni<Outcome> place(SqlConnection tx, Request request, Customers.Known customer) {
        String language = request.language() != null ? request.language()
                : customer.language() != null ? customer.language() : commerce.defaultLanguage();
        Say say = new Say(language, commerce.currency());
        return orders.nextId(tx).flatMap(id -> {
            List<Item> items = new ArrayList<>();
            for (OrderLine line : request.lines()) {
                items.add(Item.wanted(items.size() + 1, line.material(), line.color(), Quantity.of(line), 0));
            }
            return stock.check(tx, new Draft(id, items)).flatMap(checked -> {
                Optional<String> shortage = shortage(checked.draft());
                if (shortage.isPresent()) {
                    return Uni.createFrom().item(new Refused(Reason.OUT_OF_STOCK, shortage.get()));
                }
                NewOrder order = new NewOrder(id, customer.channel(), customer.chatId(), language, commerce.currency(),
                        List.copyOf(checked.lines().values()));
                Uni<Void> placed = orders.place(tx, order);
                if (approval == Approval.AUTOMATIC) {
                    return placed.flatMap(ignored -> decisions.approve(tx, id, AUTOMATIC)).map(decision -> decision instanceof Decision.Approved a
                            ? new Placed(id, Optional.of(a))
                            : new Refused(Reason.OUT_OF_STOCK, ((Decision.Refused) decision).detail()));
                }
                return placed
                        .flatMap(ignored -> owners.tell(tx, order, customer.channel(), customer.chatId(), customer.name()))
                        .flatMap(ignored -> Outbox.enqueue(tx, customer.channel(), customer.chatId(),
                                List.of(say.message("order.placed", String.valueOf(id), say.money(order.subtotalMinor())))))
                        .replaceWith(new Placed(id, Optional.empty()));
            });
        });
    }

    /** {@code line 2 (red silk): 20 m asked, 6.00 m in stock} for the first line the stock cannot fill. */
    private static Optional<String> shortage(Draft draft) {
        return draft.items().stream().filter(i -> i.status() != Item.Status.ACCEPTED).findFirst()
                .map(item -> "line " + item.no() + " (" + item.color() + " " + item.material() + "): " + item.wanted() + " asked, "
                        + (item.available() == null || item.available().isZero() ? "none" : item.available().toString()) + " in stock");
    }
}
