package dev.parley.runtime.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.FakeTelegram;
import dev.parley.runtime.testing.Replicas;
import dev.parley.testing.PostgresServer;
import dev.parley.testing.RuntimeProcess;
import dev.parley.testing.TestServers;
import io.vertx.core.json.JsonObject;

/** The packaged runtime through a crash, a database outage, and a start without a required setting. */
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
