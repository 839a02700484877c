package dev.parley.runtime.commerce.order;

import static dev.parley.runtime.commerce.OwnerApi.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.Concurrently;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/** POST /api/v1/orders: orders from other systems, by lines or free text, with idempotency keys, over HTTP on the real database. */
@QuarkusTest
@TestProfile(OrdersApiProfile.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class OrdersApiTest {

    @Inject
    Pool pool;

    @Inject
    OrderRepository repository;

    Orders orders;

    @BeforeEach
    void fixtures() {
        orders = new Orders(pool, repository);
    }

    /** A material of its own for each test, in blue: 4 rolls of 50 m and 10 loose meters at 100.00 a meter. */
    private String stockedMaterial() {
        String material = "m" + UUID.randomUUID().toString().substring(0, 8);
        orders.batch(material, "blue", 4, "50", "10", 10_000);
        return material;
    }

    private static JsonObject lines(JsonObject customer, JsonObject... lines) {
        return new JsonObject().put("customer", customer).put("lines", new JsonArray(List.of((Object[]) lines)));
    }

    private static JsonObject meters(String material, String color, Object meters) {
        return new JsonObject().put("material", material).put("color", color).put("meters", meters);
    }

    private static ExtractableResponse<Response> post(JsonObject body, String key) {
        var request = given().contentType("application/json").body(body.encode());
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/orders").then().extract();
    }

    @Test
    void anOrderByLinesWaitsForTheOwnerWithItsAllocationAndItsEvent() {
        String material = stockedMaterial();
        JsonObject body = lines(new JsonObject().put("name", "Kitchen Display 1"), meters(material, "blue", 60),
                new JsonObject().put("material", material).put("color", "blue").put("rolls", 1));
        ExtractableResponse<Response> created = post(body, null);
        assertThat(created.statusCode()).as(created.body().asString()).isEqualTo(201);
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/api/v1/orders/" + id);
        assertThat(created.jsonPath().getString("state")).isEqualTo("WAITING_OWNER_CONFIRMATION");
        assertThat(created.jsonPath().getString("customerName")).isEqualTo("Kitchen Display 1");
        // 60 m: one whole roll and 10 loose meters; then one roll. 110 m at 100.00.
        assertThat(created.jsonPath().getLong("subtotalMinor")).isEqualTo(1_100_000);
        assertThat(created.jsonPath().getList("lines.meters", String.class)).containsExactly("60.0", "50.0");
        assertThat(orders.count("SELECT count(*) FROM order_event WHERE order_id = $1 AND type = 'order.placed'", id)).isEqualTo(1);
        // Nothing is deducted before approval; approval then deducts exactly the allocation.
        given().post("/api/v1/orders/" + id + "/approve").then().statusCode(200);
        assertThat(orders.count("SELECT sum(rolls_available) FROM inventory_batch WHERE material = $1", material)).isEqualTo(2);
    }

    @Test
    void anOrderByFreeTextIsReadAsAChatMessageIsAndTheCustomerIsTold() {
        String material = "tussar";
        orders.batch(material, "blue", 4, "50", "10", 10_000);
        orders.one("INSERT INTO synonym (kind, canonical, word) VALUES ('material', $1, $2) RETURNING canonical", material, "kosa");
        String chat = "api-" + UUID.randomUUID();
        JsonObject body = new JsonObject().put("customer", new JsonObject().put("channel", "telegram").put("chatId", chat).put("name", "Asha"))
                .put("text", "2 than blue kosa aur 5m neela tussar");
        ExtractableResponse<Response> created = post(body, null);
        assertThat(created.statusCode()).as(created.body().asString()).isEqualTo(201);
        assertThat(created.jsonPath().getList("lines.requestedRolls", Integer.class)).containsExactly(2, null);
        assertThat(created.jsonPath().getList("lines.material", String.class)).containsOnly(material);
        assertThat(orders.outbox(chat)).extracting(p -> p.getString("text")).anyMatch(t -> t.contains("#" + created.jsonPath().getLong("id")));

        JsonObject nothing = new JsonObject().put("customer", new JsonObject().put("name", "Asha")).put("text", "hello, are you open?");
        post(nothing, null).response().then().statusCode(400).body("error", containsString("no order line"));
    }

    @Test
    void theSameKeyAndBodyGetTheFirstAnswerAndAnotherBodyIs422() {
        String material = stockedMaterial();
        String key = UUID.randomUUID().toString();
        JsonObject body = lines(new JsonObject().put("name", "Web shop " + key), meters(material, "blue", 5));
        ExtractableResponse<Response> first = post(body, key);
        assertThat(first.statusCode()).isEqualTo(201);
        ExtractableResponse<Response> again = post(body, key);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body().asString()).isEqualTo(first.body().asString());
        assertThat(orders.count("SELECT count(*) FROM customer_order o JOIN customer c ON c.id = o.customer_id WHERE c.display_name = $1",
                "Web shop " + key)).isEqualTo(1);

        ExtractableResponse<Response> other = post(lines(new JsonObject().put("name", "Web shop " + key), meters(material, "blue", 6)), key);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.jsonPath().getString("reason")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(orders.count("SELECT count(*) FROM customer_order o JOIN customer c ON c.id = o.customer_id WHERE c.display_name = $1",
                "Web shop " + key)).isEqualTo(1);
    }

    @Test
    void requestsWithOneKeyAtOnceMakeOneOrder() throws Exception {
        String material = stockedMaterial();
        String key = UUID.randomUUID().toString();
        JsonObject body = lines(new JsonObject().put("name", "Point of sale " + key), meters(material, "blue", 3));
        List<ExtractableResponse<Response>> answers = Concurrently.run(8, i -> post(body, key));
        assertThat(answers).extracting(ExtractableResponse::statusCode).containsOnly(201);
        assertThat(answers).extracting(a -> a.jsonPath().getLong("id")).containsOnly(answers.get(0).jsonPath().getLong("id"));
        assertThat(answers).filteredOn(a -> a.header("Idempotent-Replayed") == null).hasSize(1);
        assertThat(orders.count("SELECT count(*) FROM customer_order o JOIN customer c ON c.id = o.customer_id WHERE c.display_name = $1",
                "Point of sale " + key)).isEqualTo(1);
    }

    @Test
    void aLineTheStockCannotFillRefusesTheOrderSayingWhatThereIsAndStoresNothing() {
        String material = stockedMaterial();
        String name = "Short " + UUID.randomUUID();
        ExtractableResponse<Response> refused = post(lines(new JsonObject().put("name", name), meters(material, "blue", 5),
                meters(material, "blue", 500)), "k-" + name.hashCode());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("reason")).isEqualTo("OUT_OF_STOCK");
        assertThat(refused.jsonPath().getString("error")).contains("line 2", material, "500");
        assertThat(orders.count("SELECT count(*) FROM customer_order o JOIN customer c ON c.id = o.customer_id WHERE c.display_name = $1", name))
                .isZero();
        assertThat(orders.count("SELECT count(*) FROM idempotency_key WHERE key = $1", "k-" + name.hashCode())).isZero();
    }

    @Test
    void badInputIsRefusedNamingTheProblem() {
        String material = stockedMaterial();
        JsonObject who = new JsonObject().put("name", "Bad");
        record Case(String body, int status, String says) {
        }
        for (Case bad : List.of(
                new Case(lines(who, meters("wool", "blue", 5)).encode(), 400, "lines[0].material 'wool' is not in the catalog"),
                new Case(lines(who, meters(material, "mauve", 5)).encode(), 400, "lines[0].color 'mauve'"),
                new Case(lines(who, meters(material, "blue", -5)).encode(), 400, "lines[0].meters is above 0"),
                new Case(lines(who, meters(material, "blue", 1.005)).encode(), 400, "2 decimals"),
                new Case(lines(who, new JsonObject().put("material", material).put("color", "blue").put("rolls", 1.5)).encode(), 400,
                        "lines[0].rolls is a whole number"),
                new Case(lines(who, new JsonObject().put("material", material).put("color", "blue")).encode(), 400, "\"meters\" or \"rolls\""),
                new Case(new JsonObject().put("customer", who).put("text", "x".repeat(2001)).encode(), 400, "at most 2000 characters"),
                new Case(new JsonObject().put("customer", who).put("text", "5m blue " + material).put("lines", new JsonArray()).encode(), 400,
                        "not both"),
                new Case(new JsonObject().put("text", "5m blue " + material).encode(), 400, "\"customer\" is required"),
                new Case(new JsonObject().put("customer", new JsonObject().put("id", 999999999)).put("text", "5m blue " + material).encode(),
                        404, "no customer 999999999"),
                new Case(new JsonObject().put("customer", new JsonObject().put("channel", "fax").put("chatId", "1")).put("text", "5m blue").encode(),
                        400, "customer.channel"),
                new Case(lines(who).encode(), 400, "1 to 50 lines"),
                new Case("{\"customer\": ", 400, "not valid JSON"))) {
            given().contentType("application/json").body(bad.body()).post("/api/v1/orders").then()
                    .statusCode(bad.status()).body("error", containsString(bad.says()));
        }
        given().contentType("text/plain").body("5m blue " + material).post("/api/v1/orders").then().statusCode(415)
                .body("error", containsString("application/json"));
        given().contentType("application/json").header("Idempotency-Key", "x".repeat(256)).body(lines(who, meters(material, "blue", 1)).encode())
                .post("/api/v1/orders").then().statusCode(400).body("error", containsString("Idempotency-Key"));
    }

    @Test
    void theOrdersTokenMayPlaceAndFollowOrdersAndNothingElse() {
        String material = stockedMaterial();
        String token = "Bearer " + OrdersApiProfile.ORDERS_TOKEN;
        int id = RestAssured.given().header("Authorization", token).contentType("application/json")
                .body(lines(new JsonObject().put("name", "Integration"), meters(material, "blue", 1)).encode())
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        RestAssured.given().header("Authorization", token).get("/api/v1/orders/" + id).then().statusCode(200).body("id", equalTo(id));
        RestAssured.given().header("Authorization", token).post("/api/v1/orders/" + id + "/approve").then().statusCode(403);
        RestAssured.given().header("Authorization", token).get("/api/v1/orders").then().statusCode(403);
        RestAssured.given().header("Authorization", token).get("/api/v1/inventory/batches").then().statusCode(403);
        RestAssured.given().header("Authorization", "Bearer wrong").contentType("application/json").body("{}").post("/api/v1/orders").then()
                .statusCode(401);
    }
}
