package dev.parley.runtime.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.PostgresResource;
import dev.parley.runtime.testing.TelegramResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** The echo flow under a burst of chats at several times the pool size (see {@link BurstOfChats}). */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = TelegramResource.class, restrictToAnnotatedClass = true)
class EchoBurstTest {

    @Inject
    Pool pool;

    @Test
    void everyMessageOfABurstIsTakenOnceAndNoneWaitsForThePool() throws Exception {
        int chats = BurstOfChats.TIMES_THE_POOL * BurstOfChats.poolSize();

        Map<Integer, Long> answers = BurstOfChats.send(8_200_000, chats, i -> "hello " + i);

        assertThat(answers).as("webhook answers by status").containsExactly(Map.entry(200, (long) chats));
        BurstOfChats.assertEachProcessedOnce(pool, 8_200_000, chats);
    }
}
