package dev.parley.runtime.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.FakeTelegram;
import dev.parley.runtime.testing.Replicas;
import dev.parley.runtime.testing.SseClient;
import dev.parley.testing.PostgresServer;
import dev.parley.testing.RuntimeProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Two packaged runtime processes on one database: a client following the order events on one replica sees, promptly
 * (LISTEN/NOTIFY, not a poll), the events of orders placed and approved through the other; disconnected and resumed
 * with Last-Event-ID, it gets exactly what it missed, none twice, then what follows.
 */
class OrderEventsAcrossReplicasIT {

    private static final String OWNER = "replicas-owner-token";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static FakeTelegram telegram;
    static RuntimeProcess a;
    static RuntimeProcess b;

    @BeforeAll
    static void startReplicas() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("order_events_replicas");
        telegram = new FakeTelegram();
        Map<String, String> env = Replicas.env(postgres, database, telegram);
        env.put("PARLEY_FLOW", "orderAgent");
        env.put("PARLEY_DEMO_CATALOG", "true");
        env.put("PARLEY_OWNER_TOKEN", OWNER);
        // A starts first, so that only one replica fills the empty catalog.
        a = RuntimeProcess.start(Replicas.jar(), "events-a", env);
        a.awaitReady(Duration.ofSeconds(90));
        b = RuntimeProcess.start(Replicas.jar(), "events-b", env);
        b.awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopReplicas() throws Exception {
        for (RuntimeProcess replica : new RuntimeProcess[] {a, b}) {
            if (replica != null && replica.isAlive()) {
                replica.stop();
            }
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    /** Places an order for 1 m of blue cotton through {@code replica}: its id. */
    private static long place(RuntimeProcess replica, String customer) throws Exception {
        JsonObject body = new JsonObject().put("customer", new JsonObject().put("name", customer))
                .put("lines", new JsonArray().add(new JsonObject().put("material", "cotton").put("color", "blue").put("meters", 1)));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(replica.url() + "/api/v1/orders"))
                .header("Authorization", "Bearer " + OWNER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new JsonObject(response.body()).getLong("id");
    }

    private static void approve(RuntimeProcess replica, long id) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(replica.url() + "/api/v1/orders/" + id + "/approve"))
                .header("Authorization", "Bearer " + OWNER).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static List<String> described(List<SseClient.Event> events) {
        List<String> described = new ArrayList<>();
        events.forEach(e -> described.add(e.type() + " " + e.data().getLong("orderId")));
        return described;
    }

    @Test
    void aFollowerOnOneReplicaSeesTheOthersEventsAndResumesWithoutLossOrRepeat() throws Exception {
        String events = a.url() + "/api/v1/orders/events";
        String last;
        try (SseClient client = SseClient.connect(events, OWNER, null)) {
            assertThat(client.status()).isEqualTo(200);
            long one = place(b, "Replica customer 1");
            long two = place(b, "Replica customer 2");
            List<SseClient.Event> seen = client.next(2, WAIT);
            assertThat(described(seen)).containsExactly("order.placed " + one, "order.placed " + two);
            last = seen.get(1).id();
        }
        // Disconnected: these are made on B meanwhile.
        long three = place(b, "Replica customer 3");
        approve(b, three);
        long four = place(b, "Replica customer 4");

        try (SseClient client = SseClient.connect(events, OWNER, last)) {
            List<SseClient.Event> missed = client.next(3, WAIT);
            assertThat(described(missed)).containsExactly("order.placed " + three, "order.approved " + three, "order.placed " + four);
            assertThat(missed).extracting(e -> Long.parseLong(e.id())).isSorted().doesNotHaveDuplicates()
                    .allMatch(id -> id > Long.parseLong(last));
            approve(b, four);
            assertThat(described(client.next(1, WAIT))).containsExactly("order.approved " + four);
            assertThat(client.rest(Duration.ofSeconds(1))).isEmpty();
        }
    }
}
