package dev.parley.runtime.dashboard;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * The dashboard's menu, built from this list: one entry per page, its path and the bundle key of its name. A flow
 * that adds pages adds its entries here (docs/dashboard.md).
 */
public final class Nav {

    /** A page in the menu. */
    @TemplateData
    public record Entry(String path, String textKey) {
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry(OrdersPage.WAITING, "nav.waiting"),
            new Entry(OrdersPage.ALL, "nav.orders"),
            new Entry(CustomersPage.PATH, "nav.customers"),
            new Entry(InventoryPage.PATH, "nav.inventory"),
            new Entry(CatalogPage.PATH, "nav.catalog"),
            new Entry(DeadLettersPage.PATH, "nav.deadLetters"));

    private Nav() {
    }
}
