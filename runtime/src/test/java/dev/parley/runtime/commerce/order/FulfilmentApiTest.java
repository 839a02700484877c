package dev.parley.runtime.commerce.order;

import static dev.parley.runtime.commerce.OwnerApi.given;
import static dev.parley.runtime.commerce.order.Orders.line;
import static dev.parley.runtime.commerce.order.Orders.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.CommerceProfile;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/** The owner moves an accepted order forward through the API; each step tells the customer and is an event. */
@QuarkusTest
@TestProfile(CommerceProfile.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class FulfilmentApiTest {

    @Inject
    Pool pool;

    @Inject
    OrderRepository repository;

    private static String step(String fulfilment, String reason) {
        return reason == null ? "{\"fulfilment\": \"" + fulfilment + "\"}" : "{\"fulfilment\": \"" + fulfilment + "\", \"reason\": \"" + reason + "\"}";
    }

    @Test
    void anAcceptedOrderMovesForwardOnlyTellingTheCustomerEachTime() {
        Orders orders = new Orders(pool, repository);
        long batch = orders.batch("linen", "white", 3, "40", "0", 15_000);
        String chat = orders.customer("en", "Fulfilled");
        long id = orders.place(chat, "en", line(1, "linen", "white", take(batch, 1, "40", "0", 15_000)));
        String path = "/api/v1/orders/" + id + "/fulfilment";

        given().contentType("application/json").body(step("PREPARING", null)).post(path).then().statusCode(409)
                .body("reason", equalTo("NOT_ACCEPTED"));
        given().post("/api/v1/orders/" + id + "/approve").then().statusCode(200);
        int before = orders.outbox(chat).size();

        given().contentType("application/json").body(step("preparing", null)).post(path).then().statusCode(200)
                .body("fulfilment", equalTo("PREPARING"));
        given().contentType("application/json").body(step("DELIVERED", null)).post(path).then().statusCode(200);
        given().contentType("application/json").body(step("READY", null)).post(path).then().statusCode(409)
                .body("reason", equalTo("FULFILMENT_NOT_FORWARD"));
        given().contentType("application/json").body(step("CANCELLED", "too late")).post(path).then().statusCode(409);
        assertThat(orders.outbox(chat)).hasSize(before + 2);

        List<OrderEvent> events = OrderEvents.after(pool, 0, Optional.of(id), 10).await().atMost(Orders.WAIT);
        assertThat(events).extracting(e -> e.type() + " " + e.data().getString("fulfilment"))
                .containsExactly("order.placed null", "order.approved null", "order.fulfilment PREPARING", "order.fulfilment DELIVERED");
        assertThat(events.get(3).data().getString("from")).isEqualTo("PREPARING");
    }

    @Test
    void aCancellationNeedsAReasonAndBadStepsAreRefused() {
        Orders orders = new Orders(pool, repository);
        long batch = orders.batch("linen", "black", 3, "40", "0", 15_000);
        String chat = orders.customer("en", "Cancelled");
        long id = orders.place(chat, "en", line(1, "linen", "black", take(batch, 1, "40", "0", 15_000)));
        given().post("/api/v1/orders/" + id + "/approve").then().statusCode(200);
        String path = "/api/v1/orders/" + id + "/fulfilment";

        given().contentType("application/json").body(step("CANCELLED", null)).post(path).then().statusCode(400).body("error", containsString("reason"));
        given().contentType("application/json").body(step("LOST", null)).post(path).then().statusCode(400).body("error", containsString("PREPARING"));
        given().contentType("application/json").body("{\"fulfilment\": \"READY\", \"when\": \"now\"}").post(path).then().statusCode(400)
                .body("error", containsString("when"));
        given().contentType("application/json").body(step("READY", null)).post("/api/v1/orders/999999999/fulfilment").then().statusCode(404);
        given().contentType("application/json").body(step("CANCELLED", "out of thread")).post(path).then().statusCode(200)
                .body("fulfilment", equalTo("CANCELLED"));
        assertThat(orders.outbox(chat).get(orders.outbox(chat).size() - 1).getString("text")).contains("out of thread");
    }
}
