package dev.parley.runtime.commerce.order;

import static dev.parley.runtime.commerce.OwnerApi.given;
import static dev.parley.runtime.commerce.order.Orders.line;
import static dev.parley.runtime.commerce.order.Orders.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.CommerceProfile;
import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.testing.PostgresResource;
import dev.parley.runtime.testing.SseClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/** Every state change of an order is an event, written with the change, streamed as SSE and resumable. */
@QuarkusTest
@TestProfile(CommerceProfile.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class OrderEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    @Inject
    OrderRepository repository;

    @TestHTTPResource("/api/v1/orders/events")
    URL events;

    Orders orders;

    @BeforeEach
    void fixtures() {
        orders = new Orders(pool, repository);
    }

    private long waitingOrder(String chat, int rolls) {
        long batch = orders.batch("cotton", "blue", rolls, "50", "0", 10_000);
        return orders.place(chat, "en", line(1, "cotton", "blue", take(batch, rolls, "50", "0", 10_000)));
    }

    @Test
    void placingApprovingAndRejectingEachWriteOneEventAndARefusalWritesNone() {
        long approved = waitingOrder(orders.customer("en", "Events A"), 1);
        long rejected = waitingOrder(orders.customer("en", "Events B"), 1);
        given().post("/api/v1/orders/" + approved + "/approve").then().statusCode(200);
        given().contentType("application/json").body("{\"reason\": \"closed today\"}").post("/api/v1/orders/" + rejected + "/reject")
                .then().statusCode(200);
        given().post("/api/v1/orders/" + approved + "/approve").then().statusCode(409);
        given().post("/api/v1/orders/" + rejected + "/approve").then().statusCode(409);

        List<OrderEvent> first = OrderEvents.after(pool, 0, java.util.Optional.of(approved), 10).await().atMost(WAIT);
        assertThat(first).extracting(OrderEvent::type).containsExactly(OrderEvents.PLACED, OrderEvents.APPROVED);
        assertThat(first).extracting(OrderEvent::state).containsExactly("WAITING_OWNER_CONFIRMATION", "ORDER_COMPLETED");
        assertThat(first.get(1).data().getString("by")).isEqualTo("owner-api");
        List<OrderEvent> second = OrderEvents.after(pool, 0, java.util.Optional.of(rejected), 10).await().atMost(WAIT);
        assertThat(second).extracting(OrderEvent::type).containsExactly(OrderEvents.PLACED, OrderEvents.REJECTED);
        assertThat(second.get(1).data().getString("reason")).isEqualTo("closed today");
        assertThat(first.get(0).id()).isLessThan(first.get(1).id());
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsWhatItMissedOnceAndThenWhatFollows() throws Exception {
        String chat = orders.customer("en", "Follower");
        long before = orders.count("SELECT coalesce(max(seq), 0) FROM order_event");
        String last;
        try (SseClient client = SseClient.connect(events + "?after=" + before, OwnerApi.TOKEN, null)) {
            assertThat(client.status()).isEqualTo(200);
            long one = waitingOrder(chat, 1);
            List<SseClient.Event> seen = client.next(1, WAIT);
            assertThat(seen.get(0).type()).isEqualTo("order.placed");
            assertThat(seen.get(0).data().getLong("orderId")).isEqualTo(one);
            last = seen.get(0).id();
        }
        // Disconnected: these happen meanwhile.
        long two = waitingOrder(chat, 1);
        long three = waitingOrder(chat, 1);
        given().post("/api/v1/orders/" + two + "/approve").then().statusCode(200);

        try (SseClient client = SseClient.connect(events.toString(), OwnerApi.TOKEN, last)) {
            List<SseClient.Event> missed = client.next(3, WAIT);
            assertThat(missed).extracting(e -> e.data().getLong("orderId")).containsExactly(two, three, two);
            assertThat(missed).extracting(SseClient.Event::type).containsExactly("order.placed", "order.placed", "order.approved");
            assertThat(missed).extracting(e -> Long.parseLong(e.id())).isSorted().allMatch(id -> id > Long.parseLong(last));
            given().post("/api/v1/orders/" + three + "/approve").then().statusCode(200);
            List<SseClient.Event> live = client.next(1, WAIT);
            assertThat(live.get(0).data().getLong("orderId")).isEqualTo(three);
            assertThat(live.get(0).type()).isEqualTo("order.approved");
            assertThat(client.rest(Duration.ofMillis(500))).isEmpty();
        }
    }

    @Test
    void anIdleStreamSaysItIsAliveWithCommentsThatAreNoEvents() throws Exception {
        long latest = orders.count("SELECT coalesce(max(seq), 0) FROM order_event");
        try (SseClient client = SseClient.connect(events + "?after=" + latest, OwnerApi.TOKEN, null)) {
            assertThat(client.status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> client.comments() >= 2);
            assertThat(client.rest(Duration.ofMillis(200))).as("a heartbeat is no event").isEmpty();
        }
    }

    @Test
    void oneOrdersStreamHasOnlyItsEventsAndABadLastEventIdIsRefused() throws Exception {
        String chat = orders.customer("en", "One");
        long mine = waitingOrder(chat, 1);
        waitingOrder(chat, 1);
        try (SseClient client = SseClient.connect(events.toString().replace("/events", "/" + mine + "/events"), OwnerApi.TOKEN, null)) {
            given().post("/api/v1/orders/" + mine + "/approve").then().statusCode(200);
            List<SseClient.Event> got = client.next(2, WAIT);
            assertThat(got).extracting(e -> e.data().getLong("orderId")).containsOnly(mine);
            assertThat(got).extracting(SseClient.Event::type).containsExactly("order.placed", "order.approved");
        }
        given().header("Last-Event-ID", "yesterday").get("/api/v1/orders/events").then().statusCode(400);
        given().get("/api/v1/orders/999999999/events").then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/v1/orders/events").then().statusCode(401);
    }
}
