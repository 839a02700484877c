package dev.parley.runtime.webhook;

import static dev.parley.runtime.commerce.OwnerApi.given;
import static dev.parley.runtime.commerce.order.Orders.line;
import static dev.parley.runtime.commerce.order.Orders.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.order.OrderRepository;
import dev.parley.runtime.commerce.order.Orders;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Order events reach webhook subscribers through the outbox, signed, at least once: a receiver that answers 500 after
 * handling an event gets it again, drops the repeat by its id, and its handler sees every event once and in order; a
 * subscriber that keeps failing shows as failing in the owner API and in metrics.
 */
@QuarkusTest
@TestProfile(WebhookProfile.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class WebhookDeliveryTest {

    static WebhookReceiver receiver;

    @Inject
    Pool pool;

    @Inject
    OrderRepository repository;

    @BeforeAll
    static void receive() throws Exception {
        receiver = new WebhookReceiver(Integer.getInteger(WebhookProfile.PORT), WebhookProfile.KITCHEN_SECRET);
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void eachEventIsDeliveredSignedRetriedAfterA500AndHandledOnceInOrder() {
        Orders orders = new Orders(pool, repository);
        long batch = orders.batch("cotton", "blue", 4, "50", "0", 10_000);
        String chat = orders.customer("en", "Hooked");
        long id = orders.place(chat, "en", line(1, "cotton", "blue", take(batch, 1, "50", "0", 10_000)));
        given().post("/api/v1/orders/" + id + "/approve").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> mine(id).size() >= 2
                && receiver.deliveries.stream().filter(d -> d.equals(mine(id).get(1).getLong("id").toString())).count() >= 2);
        List<JsonObject> events = mine(id);
        assertThat(events).extracting(e -> e.getString("type")).containsExactly("order.placed", "order.approved");
        assertThat(events.get(0).getLong("id")).isLessThan(events.get(1).getLong("id"));
        // Each event came twice (the first answered 500), and the handler saw it once.
        for (JsonObject event : events) {
            assertThat(receiver.deliveries).filteredOn(d -> d.equals(event.getLong("id").toString())).hasSize(2);
        }
        assertThat(receiver.badSignatures).hasValue(0);
        assertThat(orders.count("SELECT count(*) FROM outbox_message WHERE channel = 'webhook' AND chat_id = 'kitchen' AND status = 'SENT'"
                + " AND payload->>'text' IN (SELECT id::text FROM order_event WHERE order_id = $1)", id)).isEqualTo(2);
    }

    /** What the receiver's handler got of order {@code id}, in order. */
    private static List<JsonObject> mine(long id) {
        return receiver.handled.stream().filter(e -> e.getLong("orderId") == id).toList();
    }

    @Test
    void aSubscriberThatKeepsFailingShowsAsFailingWithItsError() {
        Orders orders = new Orders(pool, repository);
        long batch = orders.batch("silk", "red", 4, "50", "0", 10_000);
        orders.place(orders.customer("en", "Broken"), "en", line(1, "silk", "red", take(batch, 1, "50", "0", 10_000)));

        // Attempts at about 0, 1, 3 and 7 s: failing once the oldest event has failed three times.
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given().get("/api/v1/integrations/webhooks").then().statusCode(200)
                .body("subscribers.find { it.name == 'ledger' }.failing", equalTo(true))
                .body("subscribers.find { it.name == 'ledger' }.lastError", containsString("HTTP 503")));
        given().get("/api/v1/integrations/webhooks").then().body("subscribers.find { it.name == 'kitchen' }.failing", equalTo(false));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(RestAssured.get("/q/metrics").asString())
                .contains("parley_webhook_subscriber_failing{subscriber=\"ledger\"} 1.0")
                .contains("parley_webhook_subscriber_failing{subscriber=\"kitchen\"} 0.0"));
    }
}
