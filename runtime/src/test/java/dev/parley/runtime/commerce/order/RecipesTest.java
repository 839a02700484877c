package dev.parley.runtime.commerce.order;

import static dev.parley.runtime.commerce.OwnerApi.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.CommerceProfile;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Recipes: approving an order of items deducts exactly what their recipes consume, ingredient stock and cloth alike,
 * in the order's transaction; an ingredient that is short refuses the order, naming it and how much is missing, and
 * nothing is deducted.
 */
@QuarkusTest
@TestProfile(CommerceProfile.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class RecipesTest {

    @Inject
    Pool pool;

    @Inject
    OrderRepository repository;

    private static int stockItem(String name, String unit, String quantity) {
        return given().contentType("application/json").body("{\"name\": \"" + name + "\", \"unit\": \"" + unit + "\", \"quantity\": " + quantity + "}")
                .post("/api/v1/stock-items").then().statusCode(201).extract().path("id");
    }

    private String quantity(Orders orders, String name) {
        return orders.one("SELECT quantity_available FROM stock_item WHERE name = $1", name).getBigDecimal(0).stripTrailingZeros().toPlainString();
    }

    /** An order of {@code quantity} of {@code sku}, as the shop places one: its id. */
    private long productOrder(Orders orders, String sku, int quantity) {
        String chat = orders.customer("en", "Diner");
        long id = orders.one("SELECT nextval('customer_order_id_seq') AS id").getLong("id");
        NewProductOrder order = new NewProductOrder(id, Order.Kind.SHOP, "telegram", chat, "en", "INR",
                List.of(new NewOrder.ProductLine(1, null, sku, sku + " plate", quantity, 25_000)), null);
        pool.withTransaction(tx -> repository.placeProducts(tx, order)).await().atMost(Orders.WAIT);
        return id;
    }

    @Test
    void approvalDeductsExactlyTheRecipeAndAShortIngredientRefusesWithNothingDeducted() {
        Orders orders = new Orders(pool, repository);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String flour = "flour-" + tag;
        String eggs = "eggs-" + tag;
        String milk = "milk-" + tag;
        stockItem(flour, "g", "1000");
        stockItem(eggs, "pcs", "24");
        stockItem(milk, "ml", "2000.5");
        String sku = "pancake-" + tag;
        given().contentType("application/json").body("{\"ingredients\": [{\"stockItem\": \"" + flour + "\", \"quantity\": 150},"
                        + " {\"stockItem\": \"" + eggs + "\", \"quantity\": 2}, {\"stockItem\": \"" + milk + "\", \"quantity\": 200.25}]}")
                .put("/api/v1/recipes/" + sku).then().statusCode(200).body("ingredients[2].unit", equalTo("ml"));

        long three = productOrder(orders, sku, 3);
        given().post("/api/v1/orders/" + three + "/approve").then().statusCode(200);
        assertThat(List.of(quantity(orders, flour), quantity(orders, eggs), quantity(orders, milk))).containsExactly("550", "18", "1399.75");

        long four = productOrder(orders, sku, 4);
        given().post("/api/v1/orders/" + four + "/approve").then().statusCode(409)
                .body("reason", equalTo("OUT_OF_STOCK"))
                .body("error", containsString(flour + ": 600 g needed, 550 g in stock, 50 g missing"));
        // Eggs were deducted before flour (stock items go in name order) and given back with the rest of the refused approval.
        assertThat(List.of(quantity(orders, flour), quantity(orders, eggs), quantity(orders, milk))).containsExactly("550", "18", "1399.75");
        given().get("/api/v1/orders/" + four).then().body("state", equalTo("WAITING_OWNER_CONFIRMATION"));
    }

    @Test
    void aRecipeMayConsumeMetersOfClothFromTheBatches() {
        Orders orders = new Orders(pool, repository);
        long batch = orders.batch("cotton", "navy", 0, "50", "12", 10_000);
        String sku = "kurta-set-" + UUID.randomUUID().toString().substring(0, 6);
        given().contentType("application/json").body("{\"ingredients\": [{\"material\": \"cotton\", \"color\": \"navy\", \"meters\": 2.5}]}")
                .put("/api/v1/recipes/" + sku).then().statusCode(200);
        given().post("/api/v1/orders/" + productOrder(orders, sku, 4) + "/approve").then().statusCode(200);
        assertThat(orders.stock(batch)).isEqualTo("0 rolls + 2.00 m");
        given().post("/api/v1/orders/" + productOrder(orders, sku, 1) + "/approve").then().statusCode(409)
                .body("error", containsString("navy cotton: 2.5 m needed, 2 m can be cut, 0.5 m missing"));
        assertThat(orders.stock(batch)).isEqualTo("0 rolls + 2.00 m");
    }

    @Test
    void badRecipesAndStockItemsAreRefusedNamingTheProblem() {
        stockItem("salt-" + UUID.randomUUID().toString().substring(0, 6), "g", "0");
        given().contentType("application/json").body("{\"name\": \"sugar\", \"unit\": \"kg\", \"quantity\": 1}").post("/api/v1/stock-items")
                .then().statusCode(400).body("error", containsString("\"unit\""));
        given().contentType("application/json").body("{\"name\": \"sugar\", \"unit\": \"g\", \"quantity\": -1}").post("/api/v1/stock-items")
                .then().statusCode(400).body("error", containsString("\"quantity\""));
        String butter = "butter-" + UUID.randomUUID().toString().substring(0, 6);
        stockItem(butter, "g", "10");
        given().contentType("application/json").body("{\"name\": \"" + butter + "\", \"unit\": \"g\", \"quantity\": 1}").post("/api/v1/stock-items")
                .then().statusCode(409);
        given().contentType("application/json").body("{\"ingredients\": [{\"stockItem\": \"unobtainium\", \"quantity\": 1}]}")
                .put("/api/v1/recipes/x1").then().statusCode(400).body("error", containsString("unobtainium"));
        given().contentType("application/json").body("{\"ingredients\": [{\"stockItem\": \"" + butter + "\", \"quantity\": -2}]}")
                .put("/api/v1/recipes/x1").then().statusCode(400).body("error", containsString("ingredients[0].quantity"));
        given().contentType("application/json").body("{\"ingredients\": [{\"material\": \"tweed\", \"color\": \"blue\", \"meters\": 1}]}")
                .put("/api/v1/recipes/x1").then().statusCode(400).body("error", containsString("tweed"));
        given().contentType("application/json").body("{\"ingredients\": []}").put("/api/v1/recipes/bad%20sku").then().statusCode(400)
                .body("error", containsString("sku"));
        given().get("/api/v1/recipes/x1").then().statusCode(404);
    }
}
