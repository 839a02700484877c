package dev.parley.runtime.flow.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.commerce.order.NewOrder;
import dev.parley.runtime.commerce.order.NewProductOrder;
import dev.parley.runtime.commerce.order.Order;
import dev.parley.runtime.commerce.order.OrderRepository;
import dev.parley.runtime.commerce.order.Orders;
import dev.parley.runtime.testing.FakeWhatsApp;
import dev.parley.runtime.testing.PostgresResource;
import dev.parley.runtime.testing.TelegramResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/** The owner API of the shop against the real database: products, categories, the CSV import's report, shop orders. */
@QuarkusTest
@TestProfile(ShopBot.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = TelegramResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeWhatsApp.Resource.class, restrictToAnnotatedClass = true)
class ShopOwnerApiTest {

    @Inject
    Pool pool;

    @Inject
    OrderRepository repository;

    @BeforeEach
    void catalog() {
        ShopCatalog.reset(pool);
    }

    private static JsonObject json(io.restassured.response.Response response) {
        return new JsonObject(response.asString());
    }

    @Test
    void aProductIsCreatedChangedAndTakenOffSale() {
        JsonObject created = json(OwnerApi.given().contentType("application/json")
                .body(new JsonObject().put("sku", "TEA-GREEN").put("name", "Green tea").put("category", "Tea").put("priceMinor", 15_000)
                        .put("stock", 7).put("imageUrl", "https://img.example.com/green.jpg").encode())
                .post("/api/v1/shop/products").then().statusCode(201).extract().response());
        assertThat(created.getString("category")).isEqualTo("Tea");
        assertThat(created.getLong("categoryId")).isEqualTo(1);
        assertThat(created.getBoolean("active")).isTrue();
        assertThat(created.getString("description")).isEmpty();
        long id = created.getLong("id");

        OwnerApi.given().contentType("application/json").body(new JsonObject().put("sku", "TEA-GREEN").put("name", "Other").put("category", "Tea")
                .put("priceMinor", 1).put("stock", 1).encode()).post("/api/v1/shop/products").then().statusCode(409)
                .body("reason", org.hamcrest.Matchers.equalTo("SKU_TAKEN"));

        JsonObject changed = json(OwnerApi.given().contentType("application/json").body("{\"stock\": 12, \"category\": \"Green things\"}")
                .patch("/api/v1/shop/products/{id}", id).then().statusCode(200).extract().response());
        assertThat(changed.getInteger("stock")).isEqualTo(12);
        assertThat(changed.getString("category")).isEqualTo("Green things");
        assertThat(changed.getLong("priceMinor")).isEqualTo(15_000);
        OwnerApi.given().contentType("application/json").body("{\"sku\": \"OTHER\"}").patch("/api/v1/shop/products/{id}", id).then().statusCode(409);
        OwnerApi.given().contentType("application/json").body("{\"stock\": 1}").patch("/api/v1/shop/products/{id}", 999_999).then().statusCode(404);

        OwnerApi.given().post("/api/v1/shop/products/{id}/deactivate", id).then().statusCode(200).body("active", org.hamcrest.Matchers.equalTo(false));
        JsonArray categories = json(OwnerApi.given().get("/api/v1/shop/categories").then().statusCode(200).extract().response()).getJsonArray("categories");
        assertThat(categories.stream().map(c -> ((JsonObject) c).getString("name") + "=" + ((JsonObject) c).getInteger("products")))
                .contains("Green things=0", "Tea=2");
    }

    @Test
    void badProductsAreRefusedWithEveryProblemNamed() {
        OwnerApi.given().contentType("application/json").body(new JsonObject().put("sku", "bad sku!").put("name", "x".repeat(101)).put("category", "Tea")
                .put("priceMinor", 1_000_000_000_001L).put("stock", 3).put("imageUrl", "ftp://x").encode())
                .post("/api/v1/shop/products").then().statusCode(400)
                .body("error", containsString("sku is 1 to 40 letters")).body("error", containsString("name is 1 to 100 characters"))
                .body("error", containsString("priceMinor is a whole number from 0 to")).body("error", containsString("imageUrl is an http or https URL"));
        OwnerApi.given().contentType("application/json").body("{\"sku\": \"A\", \"name\": \"A\", \"category\": \"Tea\", \"priceMinor\": 1, \"stock\": -1}")
                .post("/api/v1/shop/products").then().statusCode(400).body("error", containsString("\"stock\" cannot be negative"));
        OwnerApi.given().contentType("application/json").body("{\"sku\": \"A\", \"name\": \"A\", \"category\": \"Tea\", \"priceMinor\": 1, \"stock\": 1,"
                + " \"colour\": \"red\"}").post("/api/v1/shop/products").then().statusCode(400).body("error", containsString("unknown field \"colour\""));
        OwnerApi.given().contentType("application/json").body("{\"sku\": \"A\", \"name\": \"A\", \"category\": \"Tea\", \"priceMinor\": 1.5, \"stock\": 1}")
                .post("/api/v1/shop/products").then().statusCode(400).body("error", containsString("\"priceMinor\" is a whole number"));
        RestAssured.given().contentType("application/json").body("{}").post("/api/v1/shop/products").then().statusCode(401);
        assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM product WHERE sku = 'A'")).isZero();
    }

    @Test
    void aCsvImportTakesTheGoodRowsAndReportsEveryBrokenOne() {
        String csv = """
                sku,name,description,category,priceMinor,stock,imageUrl,active
                TEA-ASSAM,Assam tea,"Strong, malty; ""the"" breakfast tea",Tea,13000,40,,true
                NEW-1,Cardamom,"Green pods,
                from Kerala",Spices,25000,10,https://img.example.com/c.jpg,
                NEW-2,Cloves,,Spices,abc,5,,
                ,No sku,,Spices,100,1,,
                NEW-3,Pepper,,Spices,9000,-4,,
                NEW-4,Saffron,,Spices,99000,1,,maybe
                NEW-1,Cardamom again,,Spices,1,1,,
                NEW-5,Too few fields
                NEW-6,Mace,,Spices,12000,2,ftp://nope,false
                """;
        JsonObject report = json(OwnerApi.given().contentType("text/csv").body(csv).post("/api/v1/shop/products/import").then().statusCode(200)
                .extract().response());

        assertThat(report.getInteger("created")).isEqualTo(1);
        assertThat(report.getInteger("updated")).isEqualTo(1);
        JsonArray refused = report.getJsonArray("refused");
        assertThat(refused.stream().map(r -> ((JsonObject) r).getInteger("line"))).containsExactly(5, 6, 7, 8, 9, 10, 11);
        assertThat(refused.getJsonObject(0).getString("sku")).isEqualTo("NEW-2");
        assertThat(refused.getJsonObject(0).getJsonArray("problems").getString(0)).isEqualTo("priceMinor is a whole number, not 'abc'");
        assertThat(refused.getJsonObject(1).getJsonArray("problems").getString(0)).startsWith("sku is 1 to 40");
        assertThat(refused.getJsonObject(2).getJsonArray("problems").getString(0)).startsWith("stock is a whole number from 0");
        assertThat(refused.getJsonObject(3).getJsonArray("problems").getString(0)).isEqualTo("active is true or false, not 'maybe'");
        assertThat(refused.getJsonObject(4).getJsonArray("problems").getString(0)).contains("on an earlier line");
        assertThat(refused.getJsonObject(5).getJsonArray("problems").getString(0)).isEqualTo("has 2 fields; the header names 8");
        assertThat(refused.getJsonObject(6).getJsonArray("problems").getString(0)).isEqualTo("imageUrl is an http or https URL");

        JsonObject assam = json(OwnerApi.given().get("/api/v1/shop/products/1").then().statusCode(200).extract().response());
        assertThat(assam.getLong("priceMinor")).isEqualTo(13_000);
        assertThat(assam.getString("description")).isEqualTo("Strong, malty; \"the\" breakfast tea");
        assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM product WHERE sku = 'NEW-1' AND description = $1 AND stock = 10",
                "Green pods,\nfrom Kerala")).isEqualTo(1);
        assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM product WHERE sku IN ('NEW-2', 'NEW-3', 'NEW-4', 'NEW-5', 'NEW-6')")).isZero();
    }

    @Test
    void aCsvFileThatCannotBeReadAsAWholeIsA400AndChangesNothing() {
        OwnerApi.given().contentType("text/csv").body("sku,name,colour\nA,B,C\n").post("/api/v1/shop/products/import").then().statusCode(400)
                .body("error", containsString("unknown column 'colour'"));
        OwnerApi.given().contentType("text/csv").body("sku,name,category\nA,B,C\n").post("/api/v1/shop/products/import").then().statusCode(400)
                .body("error", containsString("lacks the columns priceMinor, stock"));
        OwnerApi.given().contentType("text/csv").body("").post("/api/v1/shop/products/import").then().statusCode(400)
                .body("error", containsString("the file is empty"));
        OwnerApi.given().contentType("text/csv").body("sku,name,category,priceMinor,stock\n\"A,B,C,1,1\n").post("/api/v1/shop/products/import")
                .then().statusCode(400).body("error", containsString("not closed"));
        OwnerApi.given().contentType("text/csv").body(new byte[] {'s', 'k', 'u', (byte) 0xff}).post("/api/v1/shop/products/import").then().statusCode(400)
                .body("error", containsString("not UTF-8"));
        assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM product")).isEqualTo(11);
    }

    @Test
    void shopOrdersAreListedAcceptedShippedAndDeliveredAndRefusalsSayWhy() {
        Orders orders = new Orders(pool, repository);
        String chat = orders.customer("en", "Nisha");
        long id = orders.one("SELECT nextval('customer_order_id_seq') AS id").getLong("id");
        pool.withTransaction(tx -> repository.placeProducts(tx, new NewProductOrder(id, Order.Kind.SHOP, "telegram", chat, "en", "INR",
                List.of(new NewOrder.ProductLine(1, 4L, "SNK-B", "Bhujia", 2, 9_500)), null))).await().indefinitely();

        JsonArray listed = json(OwnerApi.given().get("/api/v1/shop/orders?state=WAITING_OWNER_CONFIRMATION").then().statusCode(200).extract().response())
                .getJsonArray("orders");
        assertThat(listed).hasSize(1);
        assertThat(listed.getJsonObject(0).getString("kind")).isEqualTo("SHOP");
        assertThat(listed.getJsonObject(0).getJsonArray("productLines").getJsonObject(0).getLong("amountMinor")).isEqualTo(19_000);
        OwnerApi.given().get("/api/v1/shop/orders?state=LOST").then().statusCode(400);

        OwnerApi.given().post("/api/v1/shop/orders/{id}/ship", id).then().statusCode(409).body("reason", org.hamcrest.Matchers.equalTo("NOT_ACCEPTED"));
        OwnerApi.given().post("/api/v1/shop/orders/{id}/accept", id).then().statusCode(200).body("invoiceNumber", org.hamcrest.Matchers.equalTo("SH/000001"))
                .body("totalMinor", org.hamcrest.Matchers.equalTo(19_950));
        OwnerApi.given().post("/api/v1/shop/orders/{id}/accept", id).then().statusCode(409).body("reason", org.hamcrest.Matchers.equalTo("ALREADY_APPROVED"));
        OwnerApi.given().post("/api/v1/shop/orders/{id}/deliver", id).then().statusCode(200).body("fulfilment", org.hamcrest.Matchers.equalTo("DELIVERED"));
        OwnerApi.given().post("/api/v1/shop/orders/{id}/ship", id).then().statusCode(409)
                .body("reason", org.hamcrest.Matchers.equalTo("FULFILMENT_NOT_FORWARD"));
        OwnerApi.given().get("/api/v1/shop/orders/{id}", 999_999).then().statusCode(404);
        assertThat(json(OwnerApi.given().get("/api/v1/shop/orders/{id}", id).then().statusCode(200).extract().response()).getString("fulfilment"))
                .isEqualTo("DELIVERED");
    }

    @Test
    void theOpenApiDescriptionHasTheShopsTypedAnswers() {
        String openapi = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonObject schemas = new JsonObject(openapi).getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.fieldNames()).contains("Product", "Products", "ProductImport", "ProductImportRefusedRow", "ProductCategory", "Fulfilled",
                "OrderProductLine");
        assertThat(new JsonObject(openapi).getJsonObject("paths").fieldNames()).contains("/api/v1/shop/products/import", "/api/v1/shop/orders/{id}/ship");
    }
}
