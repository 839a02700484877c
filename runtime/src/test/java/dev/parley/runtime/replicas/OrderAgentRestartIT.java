package dev.parley.runtime.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.FakeTelegram;
import dev.parley.runtime.testing.Replicas;
import dev.parley.testing.PostgresServer;
import dev.parley.testing.RuntimeProcess;

/** The packaged runtime with the order agent, killed in the middle of a negotiation: the next replica goes on. */
class OrderAgentRestartIT {

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
    void aNegotiationGoesOnAfterTheRuntimeIsKilled() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("orderagent");
        Map<String, String> env = Replicas.env(postgres, database, telegram);
        env.put("PARLEY_FLOW", "orderAgent");
        env.put("PARLEY_DEMO_CATALOG", "true");
        runtime = RuntimeProcess.start(Replicas.jar(), "order-1", env);
        runtime.awaitReady(Duration.ofSeconds(90));

        // The demo stock has 6 m of green silk, and red silk as the first alternative.
        assertThat(Replicas.postText(runtime.url(), 1, 8101, "100m green silk")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> telegram.textsTo("8101").size() == 1);
        assertThat(telegram.textsTo("8101").get(0)).contains("green silk: you asked for 100.00 m, we have only 6.00 m");
        runtime.kill();

        runtime = RuntimeProcess.start(Replicas.jar(), "order-2", env);
        runtime.awaitReady(Duration.ofSeconds(90));
        assertThat(Replicas.postText(runtime.url(), 2, 8101, "1")).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> telegram.textsTo("8101").size() == 2);
        assertThat(telegram.textsTo("8101").get(1)).contains("red silk instead of green silk").contains("1. red silk: 100.00 m");
    }
}
