package dev.parley.runtime.flow.orderagent;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.parley.runtime.commerce.catalog.CatalogRepository;
import dev.parley.runtime.commerce.inventory.InventoryRepository;
import dev.parley.runtime.commerce.ledger.Ledger;
import dev.parley.runtime.commerce.order.OrderDecisions;
import dev.parley.runtime.commerce.order.OrderRepository;
import dev.parley.runtime.config.Approval;
import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.understanding.IntentClassifier;
import dev.parley.runtime.understanding.OrderExtractor;
import dev.parley.runtime.understanding.ReplyClassifier;

/** What the order agent is made of, as beans; the flow itself is made only when the Bot asks for it. */
@ApplicationScoped
public class OrderAgentParts {

    private final OrderExtractor extractor;
    private final ReplyClassifier replies;
    private final CatalogRepository catalog;
    private final InventoryRepository inventory;
    private final OrderRepository orders;
    private final OrderDecisions decisions;
    private final Ledger ledger;
    private final CommerceSettings commerce;

    public OrderAgentParts(OrderExtractor extractor, ReplyClassifier replies, CatalogRepository catalog, InventoryRepository inventory,
            OrderRepository orders, OrderDecisions decisions, Ledger ledger, CommerceSettings commerce) {
        this.extractor = extractor;
        this.replies = replies;
        this.catalog = catalog;
        this.inventory = inventory;
        this.orders = orders;
        this.decisions = decisions;
        this.ledger = ledger;
        this.commerce = commerce;
    }

    public OrderAgentFlow flow(BotSettings settings) {
        IntentClassifier intents = new IntentClassifier();
        OwnerDesk owners = new OwnerDesk(decisions, ledger, commerce, channels(settings));
        CustomerTurns customers = new CustomerTurns(intents, new StockCheck(inventory, commerce.allocationOrder()), orders, owners, commerce);
        return new OrderAgentFlow(extractor, replies, catalog, intents, customers, owners, commerce);
    }

    /** Orders from other systems (the orders API), taken as a customer's confirmation is. */
    public ApiOrders apiOrders(BotSettings settings) {
        return new ApiOrders(new StockCheck(inventory, commerce.allocationOrder()), orders,
                new OwnerDesk(decisions, ledger, commerce, channels(settings)), decisions, commerce, Approval.of(settings));
    }

    private static List<String> channels(BotSettings settings) {
        List<String> channels = new ArrayList<>();
        settings.telegram().ifPresent(t -> channels.add("telegram"));
        settings.whatsapp().ifPresent(w -> channels.add("whatsapp"));
        if (settings.consoleEnabled()) {
            channels.add("console");
        }
        return channels;
    }
}
