package dev.parley.runtime.commerce.order;

import static dev.parley.runtime.commerce.OwnerApi.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/** With {@code commerce.approval: automatic}, an order from another system is approved as it is placed, all in one transaction. */
@QuarkusTest
@TestProfile(OrdersApiProfile.Automatic.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class AutomaticApprovalTest {

    @Inject
    Pool pool;

    @Inject
    OrderRepository repository;

    @Test
    void theOrderIsApprovedDeductedAndInvoicedAtOnceWithBothEvents() {
        Orders orders = new Orders(pool, repository);
        String material = "auto" + UUID.randomUUID().toString().substring(0, 6);
        long batch = orders.batch(material, "red", 2, "25", "0", 20_000);
        String chat = "auto-" + UUID.randomUUID();
        JsonObject body = new JsonObject().put("customer", new JsonObject().put("channel", "telegram").put("chatId", chat))
                .put("lines", new JsonArray().add(new JsonObject().put("material", material).put("color", "red").put("rolls", 1)));
        ExtractableResponse<Response> created = given().contentType("application/json").body(body.encode()).post("/api/v1/orders").then().extract();
        assertThat(created.statusCode()).as(created.body().asString()).isEqualTo(201);
        long id = created.jsonPath().getLong("id");
        assertThat(created.jsonPath().getString("state")).isEqualTo("ORDER_COMPLETED");
        assertThat(created.jsonPath().getString("decidedBy")).isEqualTo("automatic");
        assertThat(created.jsonPath().getObject("invoiceId", Long.class)).isNotNull();
        assertThat(orders.stock(batch)).isEqualTo("1 rolls + 0.00 m");
        assertThat(orders.count("SELECT count(*) FROM order_event WHERE order_id = $1", id)).isEqualTo(2);
        assertThat(orders.outbox(chat)).anyMatch(p -> p.getJsonObject("document") != null);
    }
}
