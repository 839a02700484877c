package dev.parley.runtime.dashboard;

import java.util.List;
import java.util.Set;

import dev.parley.runtime.flow.catalogwatch.CatalogWatchFlow;
import dev.parley.runtime.flow.orderagent.OrderAgentFlow;
import dev.parley.runtime.flow.shop.ShopFlow;
import io.quarkus.qute.TemplateData;

/**
 * The dashboard's menu, built from this list: one entry per page, its path, the bundle key of its name and the flows
 * whose owners need it (a shop has no cloth batches to correct, a catalog watch takes no orders). A flow that adds
 * pages adds its entries here (docs/dashboard.md); the pages themselves answer whatever the flow.
 */
public final class Nav {

    /** A page in the menu. */
    @TemplateData
    public record Entry(String path, String textKey, Set<String> flows) {
    }

    private static final Set<String> ORDERS = Set.of(OrderAgentFlow.NAME, ShopFlow.NAME);
    private static final Set<String> ORDER_AGENT = Set.of(OrderAgentFlow.NAME);
    private static final Set<String> SHOP = Set.of(ShopFlow.NAME);
    private static final Set<String> CATALOG_WATCH = Set.of(CatalogWatchFlow.NAME);
    private static final Set<String> EVERY_FLOW = Set.of(OrderAgentFlow.NAME, ShopFlow.NAME, CatalogWatchFlow.NAME);

    static final List<Entry> ENTRIES = List.of(
            new Entry(OrdersPage.WAITING, "nav.waiting", ORDERS),
            new Entry(OrdersPage.ALL, "nav.orders", ORDERS),
            new Entry(CustomersPage.PATH, "nav.customers", ORDERS),
            new Entry(InventoryPage.PATH, "nav.inventory", ORDER_AGENT),
            new Entry(CatalogPage.PATH, "nav.catalog", ORDER_AGENT),
            new Entry(EventsPage.PATH, "nav.events", ORDERS),
            new Entry(ProductsPage.PATH, "nav.products", SHOP),
            new Entry(CatalogWatchPage.RUNS, "nav.syncRuns", CATALOG_WATCH),
            new Entry(CatalogWatchPage.PRODUCTS, "nav.watchProducts", CATALOG_WATCH),
            new Entry(DeadLettersPage.PATH, "nav.deadLetters", EVERY_FLOW));

    private Nav() {
    }

    /** The menu of a bot running {@code flow}; one that names no entry (echo) still reaches the unread messages. */
    static List<Entry> of(String flow) {
        List<Entry> entries = ENTRIES.stream().filter(entry -> entry.flows().contains(flow)).toList();
        return entries.isEmpty() ? ENTRIES.stream().filter(entry -> entry.path().equals(DeadLettersPage.PATH)).toList() : entries;
    }
}
