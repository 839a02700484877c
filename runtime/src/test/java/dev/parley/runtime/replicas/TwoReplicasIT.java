package dev.parley.runtime.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.parley.runtime.testing.FakeTelegram;
import dev.parley.runtime.testing.Replicas;
import dev.parley.testing.PostgresServer;
import dev.parley.testing.RuntimeProcess;
import io.vertx.core.json.JsonObject;

/**
 * Two packaged runtime processes on one database, as two pods of a bot: any replica takes any message, each chat's
 * order holds across them, and the scheduling lease moves when its holder is killed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT {

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration TICK = Duration.ofSeconds(1);

    static PostgresServer postgres;
    static String database;
    static FakeTelegram telegram;
    static RuntimeProcess a;
    static RuntimeProcess b;

    @BeforeAll
    static void startReplicas() throws Exception {
        postgres = PostgresServer.shared();
        database = postgres.createDatabase("two_replicas");
        telegram = new FakeTelegram();
        Map<String, String> env = Replicas.env(postgres, database, telegram);
        env.put("PARLEY_SCHEDULING_TICK", TICK.toSeconds() + "s");
        env.put("PARLEY_SCHEDULING_LEASE_DURATION", LEASE.toSeconds() + "s");
        env.put("PARLEY_SESSION_EXPIRY_CHECK_EVERY", "2s");
        // Telegram's per-chat spacing is 1 s; a tenth keeps the burst short without changing what is tested.
        env.put("PARLEY_TELEGRAM_CHAT_SPACING", "100ms");
        a = RuntimeProcess.start(Replicas.jar(), "replica-a", env);
        b = RuntimeProcess.start(Replicas.jar(), "replica-b", env);
        a.awaitReady(Duration.ofSeconds(90));
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

    @Test
    @Order(1)
    void aBurstFromManyChatsOverBothReplicasKeepsEveryChatsOrder() throws Exception {
        int chats = 20;
        int perChat = 5;
        AtomicInteger updateIds = new AtomicInteger(10_000);
        ExecutorService customers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < chats; c++) {
                long chat = 7000 + c;
                all.add(customers.submit(() -> {
                    for (int m = 1; m <= perChat; m++) {
                        // Alternate replicas: every conversation continues on the replica that did not start it.
                        RuntimeProcess replica = (chat + m) % 2 == 0 ? a : b;
                        assertThat(Replicas.postText(replica.url(), updateIds.incrementAndGet(), chat, "m" + m)).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> customer : all) {
                customer.get();
            }
        } finally {
            customers.shutdown();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> telegram.calls("sendMessage").size() >= chats * perChat);
        for (int c = 0; c < chats; c++) {
            List<String> expected = new ArrayList<>();
            for (int m = 1; m <= perChat; m++) {
                expected.add("#" + m + " you said: m" + m);
            }
            assertThat(telegram.textsTo(String.valueOf(7000 + c))).as("chat " + (7000 + c)).isEqualTo(expected);
        }
        assertThat(a.metric("parley_updates_processed_total")).as("replica a took its share").isPositive();
        assertThat(b.metric("parley_updates_processed_total")).as("replica b took its share").isPositive();
        assertThat(a.metric("parley_outbox_sends_total") + b.metric("parley_outbox_sends_total")).isEqualTo(chats * perChat);
    }

    @Test
    @Order(2)
    void killingTheLeaderMovesTheScheduledJobsToTheOtherReplicaWithinTheLease() throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> a.metric("parley_scheduler_leader") + b.metric("parley_scheduler_leader") == 1);
        RuntimeProcess leader = a.metric("parley_scheduler_leader") == 1 ? a : b;
        RuntimeProcess survivor = leader == a ? b : a;
        long tokenBefore = maxFencingToken();
        assertThat(tokenBefore).as("the leader has run jobs").isPositive();

        leader.kill();

        // The lease runs out at most LEASE after the last renewal; the survivor tries every TICK.
        await().atMost(LEASE.plus(TICK.multipliedBy(2)).plusSeconds(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> survivor.metric("parley_scheduler_leader") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> maxFencingToken() > tokenBefore);
        try (Connection connection = connect(); ResultSet twice = connection.createStatement().executeQuery(
                "SELECT count(*) FROM (SELECT job, period FROM bot_shop.job_run GROUP BY job, period HAVING count(*) > 1) t")) {
            twice.next();
            assertThat(twice.getInt(1)).as("no job period ran twice").isZero();
        }
        assertThat(telegram.calls("setWebhook")).as("the webhook was registered once, by the first leader").hasSize(1);
    }

    @Test
    @Order(3)
    void logsAreJsonLinesAndNeverCarryTheTokenOrTheSecret() throws Exception {
        for (RuntimeProcess replica : List.of(a, b)) {
            String log = replica.log();
            assertThat(log).doesNotContain(Replicas.TOKEN).doesNotContain(Replicas.SECRET);
            List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).isNotEmpty();
            for (String line : lines) {
                assertThat(line).as("a JSON log line").startsWith("{");
                assertThat(new JsonObject(line).getString("message")).isNotNull();
            }
        }
    }

    private static long maxFencingToken() throws SQLException {
        try (Connection connection = connect();
                ResultSet rows = connection.createStatement().executeQuery("SELECT coalesce(max(fencing_token), 0) FROM bot_shop.job_run")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
