package dev.parley.runtime.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NavTest {

    @Test
    void eachFlowsOwnerSeesThePagesOfThatFlow() {
        assertThat(Nav.of("orderAgent")).extracting(Nav.Entry::path)
                .contains(OrdersPage.WAITING, InventoryPage.PATH, CatalogPage.PATH, DeadLettersPage.PATH);
        assertThat(Nav.of("shop")).extracting(Nav.Entry::path)
                .contains(OrdersPage.ALL, CustomersPage.PATH, DeadLettersPage.PATH)
                .as("a shop has no cloth batches or cloth words").doesNotContain(InventoryPage.PATH, CatalogPage.PATH);
        assertThat(Nav.of("catalogWatch")).extracting(Nav.Entry::path)
                .as("a catalog watch takes no orders").doesNotContain(OrdersPage.WAITING, OrdersPage.ALL, CustomersPage.PATH)
                .contains(DeadLettersPage.PATH);
    }

    @Test
    void theShopsProductsAndTheCatalogWatchsPagesAreInTheirFlowsMenusOnly() {
        assertThat(Nav.of("shop")).extracting(Nav.Entry::path).contains(ProductsPage.PATH)
                .doesNotContain(CatalogWatchPage.RUNS, CatalogWatchPage.PRODUCTS);
        assertThat(Nav.of("catalogWatch")).extracting(Nav.Entry::path).contains(CatalogWatchPage.RUNS, CatalogWatchPage.PRODUCTS)
                .doesNotContain(ProductsPage.PATH);
        assertThat(Nav.of("catalogWatch").get(0).path()).as("where its owner lands after signing in").isEqualTo(CatalogWatchPage.RUNS);
        assertThat(Nav.of("orderAgent")).extracting(Nav.Entry::path).doesNotContain(ProductsPage.PATH, CatalogWatchPage.RUNS);
        assertThat(Nav.of("shop").get(0).path()).isEqualTo(OrdersPage.WAITING);
    }

    @Test
    void aFlowWithNoPagesOfItsOwnStillReachesTheUnreadMessages() {
        assertThat(Nav.of("echo")).extracting(Nav.Entry::path).containsExactly(DeadLettersPage.PATH);
    }
}
