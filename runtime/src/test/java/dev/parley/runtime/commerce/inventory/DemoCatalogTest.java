package dev.parley.runtime.commerce.inventory;

import static dev.parley.runtime.commerce.OwnerApi.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.commerce.inventory.Allocation.Status;
import dev.parley.runtime.testing.PostgresResource;
import dev.parley.runtime.understanding.OrderLine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/** With {@code parley.demo-catalog=true} a fresh bot starts with the demo catalog and stock, once. */
@QuarkusTest
@TestProfile(DemoCatalogTest.DemoOn.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class DemoCatalogTest {

    public static class DemoOn extends OwnerApi.Profile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("parley.demo-catalog", "true");
            return overrides;
        }
    }

    @Inject
    DemoCatalog demo;

    @Inject
    InventoryRepository inventory;

    @Inject
    Pool pool;

    @Test
    void theDemoCatalogIsThereAtStartupAndIsNeverAddedTwice() {
        given().get("/api/v1/catalog/materials").then().statusCode(200)
                .body("materials.name", equalTo(java.util.List.of("cotton", "denim", "georgette", "linen", "polyester", "rayon", "silk", "wool")))
                .body("materials.find { it.name == 'cotton' }.synonyms", hasItems("sooti"));
        given().get("/api/v1/catalog/colors").then().statusCode(200).body("colors.name", hasItems("red", "blue", "yellow"));
        int batches = inventory.list(null, null).await().atMost(Duration.ofSeconds(10)).size();
        assertThat(batches).isEqualTo(10);

        assertThat(demo.insert().await().atMost(Duration.ofSeconds(10))).as("a restart adds nothing").isFalse();
        assertThat(inventory.list(null, null).await().atMost(Duration.ofSeconds(10))).hasSize(batches);
    }

    @Test
    void theDemoStockShowsOffDyeLotsShortStockAndNoStock() {
        Allocation blueCotton = inventory.allocate(pool, OrderLine.meters("cotton", "blue", new BigDecimal("250")), AllocationOrder.FIFO)
                .await().atMost(Duration.ofSeconds(10));
        assertThat(blueCotton.status()).isEqualTo(Status.FULL);
        assertThat(blueCotton.takes()).as("the older lot holds 212.50 m, so the newer lot alone").hasSize(1)
                .allSatisfy(take -> assertThat(take.rolls()).isEqualTo(5));

        assertThat(inventory.allocate(pool, OrderLine.meters("silk", "green", new BigDecimal("10")), AllocationOrder.FIFO)
                .await().atMost(Duration.ofSeconds(10)).status()).isEqualTo(Status.PARTIAL);
        assertThat(inventory.allocate(pool, OrderLine.rolls("polyester", "yellow", 1), AllocationOrder.FIFO)
                .await().atMost(Duration.ofSeconds(10)).status()).isEqualTo(Status.OUT_OF_STOCK);
    }
}
