package dev.parley.runtime.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.flow.orderagent.OrderAgentBot;
import dev.parley.runtime.testing.FakeWhatsApp;
import dev.parley.runtime.testing.PostgresResource;
import dev.parley.runtime.testing.TelegramResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/** The order agent under a burst of chats at several times the pool size (see {@link BurstOfChats}). */
@QuarkusTest
@TestProfile(OrderAgentBot.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = TelegramResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeWhatsApp.Resource.class, restrictToAnnotatedClass = true)
class OrderAgentBurstTest {

    @Inject
    Pool pool;

    @Test
    void everyOrderOfABurstIsTakenOnceAndNoneWaitsForThePool() throws Exception {
        int chats = BurstOfChats.TIMES_THE_POOL * BurstOfChats.poolSize();
        String[] orders = {"10m blue cotton", "5m red polyester aur 2m green silk", "do than laal silk", "hello"};

        Map<Integer, Long> answers = BurstOfChats.send(8_100_000, chats, i -> orders[i % orders.length]);

        assertThat(answers).as("webhook answers by status").containsExactly(Map.entry(200, (long) chats));
        BurstOfChats.assertEachProcessedOnce(pool, 8_100_000, chats);
    }
}
