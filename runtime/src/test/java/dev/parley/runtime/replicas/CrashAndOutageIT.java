package dev.parley.runtime.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.FakeTelegram;
import dev.parley.runtime.testing.Replicas;
import dev.parley.testing.PostgresServer;
import dev.parley.testing.RuntimeProcess;
import dev.parley.testing.TestServers;
import io.vertx.core.json.JsonObject;

/**
 * The packaged runtime through a crash, a database outage, and a start without a required setting; and the local
 * run (no {@code PARLEY_DB_HOST}, its own PostgreSQL) through the death of its database and through a machine crash.
 */
class CrashAndOutageIT {

    private final FakeTelegram telegram = new FakeTelegram();
    private RuntimeProcess runtime;

    @AfterEach
    void stop() throws Exception {
        if (runtime != null && runtime.isAlive()) {
            runtime.stop();
        }
        telegram.close();
    }

    @Test
    void aReplyCommittedButNotDeliveredWhenTheRuntimeIsKilledIsDeliveredOnceAfterTheRestart() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("crash");
        Map<String, String> env = Replicas.env(postgres, database, telegram);
        // Telegram is failing when the reply is first tried, so the reply is committed and not yet delivered.
        telegram.answer("sendMessage", call -> FakeTelegram.Answer.error(502, "Bad Gateway", null));
        runtime = RuntimeProcess.start(Replicas.jar(), "crash-1", env);
        runtime.awaitReady(Duration.ofSeconds(90));

        assertThat(Replicas.postText(runtime.url(), 1, 8001, "before the crash")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !telegram.sentTo("8001").isEmpty());
        // The failed attempt is on record: the reply is committed, pending, and not delivered.
        await().atMost(Duration.ofSeconds(10)).until(() -> failedAttempts(postgres, database) >= 1);
        runtime.kill();
        telegram.reset(); // Telegram is back
        runtime = RuntimeProcess.start(Replicas.jar(), "crash-2", env);
        runtime.awaitReady(Duration.ofSeconds(90));

        await().atMost(Duration.ofSeconds(20)).until(() -> !telegram.sentTo("8001").isEmpty());
        Thread.sleep(3000); // long enough for a second delivery, were there one
        assertThat(telegram.textsTo("8001")).containsExactly("#1 you said: before the crash");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
                ResultSet row = connection.createStatement().executeQuery("SELECT status, attempts FROM bot_shop.outbox_message WHERE chat_id = '8001'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("status")).isEqualTo("SENT");
            assertThat(row.getInt("attempts")).isGreaterThanOrEqualTo(2);
            assertThat(row.next()).as("one reply queued").isFalse();
        }
    }

    @Test
    void whileTheDatabaseIsDownWebhooksGet503AndAfterItReturnsNothingIsLost() throws Exception {
        PostgresServer postgres = PostgresServer.dedicated("outage");
        try {
            runtime = RuntimeProcess.start(Replicas.jar(), "outage", Replicas.env(postgres, "postgres", telegram));
            runtime.awaitReady(Duration.ofSeconds(90));
            assertThat(Replicas.postText(runtime.url(), 1, 8101, "one")).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> telegram.sentTo("8101").size() == 1);

            postgres.stop();

            assertThat(Replicas.postText(runtime.url(), 2, 8101, "two")).as("not taken: Telegram will deliver it again").isEqualTo(503);
            assertThat(status(runtime.url() + "/q/health/ready")).isEqualTo(503);
            assertThat(status(runtime.url() + "/q/health/live")).as("alive: a restart would not help").isEqualTo(200);

            postgres.restart();
            runtime.awaitReady(Duration.ofSeconds(30));
            assertThat(Replicas.postText(runtime.url(), 2, 8101, "two")).as("the redelivery").isEqualTo(200);
            assertThat(Replicas.postText(runtime.url(), 3, 8101, "three")).isEqualTo(200);

            await().atMost(Duration.ofSeconds(15)).until(() -> telegram.sentTo("8101").size() == 3);
            assertThat(telegram.textsTo("8101")).containsExactly("#1 you said: one", "#2 you said: two", "#3 you said: three");
            JsonObject refusal = runtime.log().lines().filter(l -> l.contains("not taken")).map(JsonObject::new).findFirst().orElseThrow();
            assertThat(refusal.getJsonObject("mdc").getMap()).containsEntry("update", "2").containsEntry("chat", "8101")
                    .containsEntry("bot", "shop").containsEntry("channel", "telegram");
        } finally {
            if (runtime != null) {
                runtime.stop();
            }
            postgres.stop();
        }
    }

    @Test
    void aChannelWithoutItsSecretStopsTheRuntimeWithAnErrorNamingTheSetting() throws Exception {
        Path config = TestServers.workDir("bot-config").resolve("bot.json");
        Files.writeString(config, new JsonObject().put("name", "shop").put("flow", "echo")
                .put("channels", new JsonObject().put("telegram", true).put("whatsapp", false)).encode());
        Map<String, String> env = Replicas.env(PostgresServer.shared(), "postgres", telegram);
        env.remove("PARLEY_TELEGRAM_TOKEN");
        env.put("PARLEY_BOT_CONFIG", config.toString());

        runtime = RuntimeProcess.start(Replicas.jar(), "misconfigured", env);

        assertThat(runtime.awaitExit(Duration.ofSeconds(90))).isNotZero();
        assertThat(runtime.log()).contains("Missing setting PARLEY_TELEGRAM_TOKEN").contains("spec.channels.telegram.tokenSecretRef");
    }

    @Test
    void whenTheLocalDatabaseIsKilledMidBurstTheRuntimeStartsItAgainAndKeepsEveryUpdateItAcknowledged() throws Exception {
        Path dataDir = TestServers.workDir("local-db-kill").resolve("postgres");
        int dbPort = freePort();
        runtime = RuntimeProcess.start(Replicas.jar(), "local-db-kill", localEnv(dataDir, dbPort, telegram));
        runtime.awaitReady(Duration.ofSeconds(90));
        long killed = postmasterPid(dataDir);

        Burst burst = new Burst(runtime.url(), 8);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> burst.acknowledged.size() >= 150);
            ProcessHandle.of(killed).orElseThrow().destroyForcibly(); // SIGKILL, mid-burst
            int acknowledgedAtTheKill = burst.acknowledged.size();
            // Nobody starts it again but the runtime itself; the burst goes on meanwhile, and is taken again.
            await().atMost(Duration.ofSeconds(90)).until(() -> burst.acknowledged.size() >= acknowledgedAtTheKill + 150);
        } finally {
            burst.stop();
        }

        System.out.printf("local database killed mid-burst: %d updates sent, %d answered 200, %d not taken%n",
                burst.sent.get(), burst.acknowledged.size(), burst.refused.get());
        assertThat(burst.refused.get()).as("updates not taken while the database was gone").isPositive();
        assertThat(postmasterPid(dataDir)).as("a new postmaster").isNotEqualTo(killed);
        assertThat(runtime.log()).contains("Started the local PostgreSQL again after it died");
        assertThat(storedUpdateIds(dbPort)).as("every update answered 200 is in the database").containsAll(burst.acknowledged);
        assertThat(runtime.metric("parley_local_database_restarts_total")).isEqualTo(1.0);
    }

    @Test
    void afterAMachineCrashRightAfterABurstEveryUpdateTheLocalRuntimeAcknowledgedIsThere() throws Exception {
        Path dataDir = TestServers.workDir("local-machine-crash").resolve("postgres");
        int dbPort = freePort();
        Map<String, String> env = localEnv(dataDir, dbPort, telegram);
        runtime = RuntimeProcess.start(Replicas.jar(), "local-crash-1", env);
        runtime.awaitReady(Duration.ofSeconds(90));

        Burst burst = new Burst(runtime.url(), 8);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> burst.acknowledged.size() >= 300);
        } finally {
            burst.stop();
        }
        // As a power cut would, as closely as processes allow: everything dies at once, the moment the last
        // update has been answered, with no shutdown of anything. Only a server that flushed its WAL before
        // answering has these last commits on disk.
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid(dataDir)).orElseThrow();
        postmaster.destroyForcibly();
        runtime.kill();
        // After a machine crash nothing of the old server is left when the machine starts again.
        postmaster.onExit().get(30, TimeUnit.SECONDS);

        runtime = RuntimeProcess.start(Replicas.jar(), "local-crash-2", env);
        runtime.awaitReady(Duration.ofSeconds(90));

        System.out.printf("machine crash right after a burst: %d updates sent, %d answered 200%n", burst.sent.get(), burst.acknowledged.size());
        Set<Integer> stored = storedUpdateIds(dbPort);
        Set<Integer> lost = new HashSet<>(burst.acknowledged);
        lost.removeAll(stored);
        assertThat(lost).as("updates answered 200 and lost in the crash").isEmpty();
    }

    @Test
    void aLocalRuntimeKilledAloneLeavesItsDatabaseRunningAndTheNextStartTakesItOver() throws Exception {
        Path dataDir = TestServers.workDir("local-runtime-kill").resolve("postgres");
        int dbPort = freePort();
        Map<String, String> env = localEnv(dataDir, dbPort, telegram);
        runtime = RuntimeProcess.start(Replicas.jar(), "local-kill-1", env);
        runtime.awaitReady(Duration.ofSeconds(90));
        assertThat(Replicas.postText(runtime.url(), 1, 9100, "before the crash")).isEqualTo(200);
        ProcessHandle left = ProcessHandle.of(postmasterPid(dataDir)).orElseThrow();
        runtime.kill();
        try {
            assertThat(left.isAlive()).as("the database outlives its runtime").isTrue();

            runtime = RuntimeProcess.start(Replicas.jar(), "local-kill-2", env);
            runtime.awaitReady(Duration.ofSeconds(90));

            // Not used as it is (zonky would: it ignores pg_ctl's failure and takes whatever answers on the port),
            // with whatever settings an earlier version started it with: stopped, and started by this runtime.
            assertThat(postmasterPid(dataDir)).as("a postmaster of this runtime").isNotEqualTo(left.pid());
            assertThat(runtime.log()).contains("was left running");
            await("the server left running was stopped").atMost(Duration.ofSeconds(10)).until(() -> !left.isAlive());
            assertThat(Replicas.postText(runtime.url(), 2, 9100, "after the crash")).isEqualTo(200);
            assertThat(storedUpdateIds(dbPort)).contains(1, 2);
        } finally {
            left.destroyForcibly(); // when the start failed to take it over
        }
    }

    /** The environment of a runtime run locally: no PARLEY_DB_HOST, so it starts its own PostgreSQL in dataDir. */
    private static Map<String, String> localEnv(Path dataDir, int dbPort, FakeTelegram telegram) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_BOT_NAME", "shop");
        env.put("PARLEY_DATA_DIR", dataDir.toString());
        env.put("PARLEY_LOCAL_DB_PORT", String.valueOf(dbPort));
        env.put("PARLEY_DB_SCHEMA", "bot_shop");
        env.put("PARLEY_FLOW", "echo");
        env.put("PARLEY_DEMO_CATALOG", "false");
        env.put("PARLEY_TELEGRAM_TOKEN", Replicas.TOKEN);
        env.put("PARLEY_TELEGRAM_WEBHOOK_SECRET", Replicas.SECRET);
        env.put("PARLEY_TELEGRAM_API_URL", telegram.url());
        env.put("PARLEY_PUBLIC_URL", "https://shop.example.com");
        env.put("PARLEY_CONSOLE_ENABLED", "false");
        return env;
    }

    /** The local server's postmaster, from the first line of its postmaster.pid. */
    private static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    /** The Telegram update ids the runtime recorded (it records each in the transaction it answers 200 after). */
    private static Set<Integer> storedUpdateIds(int dbPort) throws Exception {
        Set<Integer> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres",
                PostgresServer.USER, PostgresServer.PASSWORD);
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT external_id FROM bot_shop.inbound_update WHERE channel = 'telegram'")) {
            while (rows.next()) {
                ids.add(Integer.parseInt(rows.getString(1)));
            }
        }
        return ids;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Senders posting Telegram text updates, each with a fresh update id, from 50 chats, until stopped; noting which
     * ids were answered 200. An update not taken (503, or no answer) is not sent again: only the 200s are promises.
     */
    private static final class Burst {

        final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger nextId = new AtomicInteger(1);
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final ExecutorService senders;

        Burst(String url, int concurrency) {
            senders = Executors.newFixedThreadPool(concurrency);
            for (int i = 0; i < concurrency; i++) {
                senders.execute(() -> {
                    while (!stopped.get()) {
                        int id = nextId.getAndIncrement();
                        sent.incrementAndGet();
                        try {
                            if (Replicas.postText(url, id, 9000 + id % 50, "burst " + id) == 200) {
                                acknowledged.add(id);
                                continue;
                            }
                        } catch (IOException e) {
                            // No answer: not taken.
                        } catch (InterruptedException e) {
                            return;
                        }
                        refused.incrementAndGet();
                        try {
                            Thread.sleep(20); // the runtime is without its database: no need to hammer it
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
        }

        /** Stops sending and waits for the answers of the updates in flight. */
        void stop() throws InterruptedException {
            stopped.set(true);
            senders.shutdown();
            if (!senders.awaitTermination(60, TimeUnit.SECONDS)) {
                senders.shutdownNow();
                throw new IllegalStateException("senders still waiting for answers after 60 s");
            }
        }
    }

    private static int failedAttempts(PostgresServer postgres, String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
                ResultSet row = connection.createStatement().executeQuery(
                        "SELECT attempts FROM bot_shop.outbox_message WHERE chat_id = '8001' AND status = 'PENDING' AND last_error LIKE '502%'")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
