package dev.parley.runtime.commerce.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.catalog.CatalogRepository;
import dev.parley.runtime.commerce.catalog.Kind;
import dev.parley.runtime.commerce.inventory.Allocation.Status;
import dev.parley.runtime.commerce.inventory.Allocation.Take;
import dev.parley.runtime.testing.PostgresResource;
import dev.parley.runtime.understanding.OrderLine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Stock as the database keeps it: read back exactly, allocated in arrival order, never below zero. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class InventoryRepositoryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");

    @Inject
    InventoryRepository inventory;

    @Inject
    CatalogRepository catalog;

    @Inject
    Pool pool;

    @BeforeEach
    void catalog() {
        catalog.addTerm(Kind.MATERIAL, "cotton").await().atMost(WAIT);
        catalog.addTerm(Kind.MATERIAL, "silk").await().atMost(WAIT);
        catalog.addTerm(Kind.COLOR, "blue").await().atMost(WAIT);
        catalog.addTerm(Kind.COLOR, "green").await().atMost(WAIT);
    }

    private Batch create(String material, String color, int rolls, String perRoll, String loose, String lot, int day) {
        return inventory.create(new NewBatch(material, color, rolls, new BigDecimal(perRoll), new BigDecimal(loose), lot, 9_000,
                MARCH.plus(Duration.ofDays(day)))).await().atMost(WAIT);
    }

    @Test
    void metersComeBackToTheCentimetre() {
        Batch batch = create("silk", "blue", 3, "33.33", "0.01", null, 0);

        assertThat(batch.metersPerRoll()).isEqualTo(new BigDecimal("33.33"));
        assertThat(batch.looseMetersAvailable()).isEqualTo(new BigDecimal("0.01"));
        assertThat(batch.metersAvailable()).isEqualTo(new BigDecimal("100.00"));
        assertThat(inventory.find(batch.id()).await().atMost(WAIT)).contains(batch);
    }

    @Test
    void anAllocationReadsTheStockOfItsMaterialAndColourInTheBotsOrder() {
        Batch older = create("cotton", "green", 2, "50", "10", "A", 1);
        Batch newer = create("cotton", "green", 2, "50", "10", "B", 2);
        create("cotton", "blue", 9, "50", "0", "A", 0);
        create("cotton", "green", 0, "50", "0", "A", 0);

        OrderLine line = OrderLine.meters("cotton", "green", new BigDecimal("120"));
        Allocation fifo = inventory.allocate(pool, line, AllocationOrder.FIFO).await().atMost(WAIT);
        Allocation lifo = inventory.allocate(pool, line, AllocationOrder.LIFO).await().atMost(WAIT);

        assertThat(fifo.status()).isEqualTo(Status.FULL);
        assertThat(fifo.takes()).containsExactly(new Take(older.id(), 2, new BigDecimal("10"), new BigDecimal("110")),
                new Take(newer.id(), 0, new BigDecimal("10"), new BigDecimal("10")));
        assertThat(lifo.takes()).containsExactly(new Take(newer.id(), 2, new BigDecimal("10"), new BigDecimal("110")),
                new Take(older.id(), 0, new BigDecimal("10"), new BigDecimal("10")));
        assertThat(inventory.forAllocation(pool, "cotton", "green").await().atMost(WAIT)).extracting(Batch::id)
                .as("empty batches are not read").containsExactly(older.id(), newer.id());
    }

    @Test
    void noUpdateCanTakeStockBelowZero() {
        Batch batch = create("silk", "green", 1, "40", "5", null, 0);

        // How approval will deduct: only while enough is left. A second deduction of the same take finds nothing.
        String deduct = "UPDATE inventory_batch SET rolls_available = rolls_available - $2, loose_meters_available = loose_meters_available - $3"
                + " WHERE id = $1 AND rolls_available >= $2 AND loose_meters_available >= $3";
        Tuple take = Tuple.of(batch.id(), 1, new BigDecimal("5.00"));
        assertThat(pool.preparedQuery(deduct).execute(take).await().atMost(WAIT).rowCount()).isEqualTo(1);
        assertThat(pool.preparedQuery(deduct).execute(take).await().atMost(WAIT).rowCount()).isZero();

        // And an update that forgets the condition is refused by the table itself.
        assertThatThrownBy(() -> pool.preparedQuery("UPDATE inventory_batch SET loose_meters_available = loose_meters_available - 0.01 WHERE id = $1")
                .execute(Tuple.of(batch.id())).await().atMost(WAIT)).hasMessageContaining("inventory_batch_loose_not_negative");
        assertThatThrownBy(() -> pool.preparedQuery("UPDATE inventory_batch SET rolls_available = -1 WHERE id = $1")
                .execute(Tuple.of(batch.id())).await().atMost(WAIT)).hasMessageContaining("inventory_batch_rolls_not_negative");
        assertThat(inventory.find(batch.id()).await().atMost(WAIT).orElseThrow().isEmpty()).isTrue();
    }

    @Test
    void aBatchCanOnlyNameMaterialsAndColoursOfTheCatalog() {
        assertThatThrownBy(() -> pool.query("INSERT INTO inventory_batch (material, color, rolls_available, meters_per_roll,"
                + " loose_meters_available, price_per_meter_minor) VALUES ('wool', 'blue', 1, 10, 0, 100)").execute().await().atMost(WAIT))
                .hasMessageContaining("foreign key");
        assertThatThrownBy(() -> pool.query("INSERT INTO synonym (kind, word, canonical) VALUES ('color', 'laal', 'red')").execute()
                .await().atMost(WAIT)).as("a colour synonym must name a catalog colour").hasMessageContaining("foreign key");
        assertThatThrownBy(() -> pool.query("INSERT INTO synonym (kind, word, canonical) VALUES ('color', 'sooti', 'cotton')").execute()
                .await().atMost(WAIT)).as("cotton is a material, not a colour").hasMessageContaining("foreign key");
    }
}
