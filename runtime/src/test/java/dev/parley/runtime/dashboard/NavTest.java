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
    void aFlowWithNoPagesOfItsOwnStillReachesTheUnreadMessages() {
        assertThat(Nav.of("echo")).extracting(Nav.Entry::path).containsExactly(DeadLettersPage.PATH);
    }
}
