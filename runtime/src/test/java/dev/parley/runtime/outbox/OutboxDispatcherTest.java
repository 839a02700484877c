package dev.parley.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.conversation.OutboundMessage;
import dev.parley.runtime.testing.Concurrently;
import dev.parley.runtime.testing.PostgresResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The outbox against the real PostgreSQL, with a sender defined here that records what it was given. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class OutboxDispatcherTest {

    @Inject
    Pool pool;

    final MeterRegistry registry = new SimpleMeterRegistry();

    /**
     * Records each delivery per chat; answers with what {@code outcome} says. Each test uses a channel of its own:
     * a rate limit pauses a whole channel.
     */
    static final class RecordingSender implements ChannelSender {
        final Map<String, List<String>> delivered = new ConcurrentHashMap<>();
        final String channel;
        final BiFunction<String, String, Result> outcome;

        RecordingSender(String channel, BiFunction<String, String, Result> outcome) {
            this.channel = channel;
            this.outcome = outcome;
        }

        @Override
        public String channel() {
            return channel;
        }

        @Override
        public Uni<Result> send(String chatId, OutboundMessage message) {
            Result result = outcome.apply(chatId, message.text());
            if (result instanceof Sent) {
                delivered.computeIfAbsent(chatId, c -> Collections.synchronizedList(new ArrayList<>())).add(message.text());
            }
            // A little latency, so that concurrent dispatchers overlap.
            return Uni.createFrom().item(result).onItem().delayIt().by(Duration.ofMillis(5));
        }
    }

    @Test
    void twoReplicasDeliverEveryMessageOnceAndEachChatInOrder() throws Exception {
        List<String> chats = List.of("order-1", "order-2", "order-3", "order-4");
        for (int i = 1; i <= 5; i++) {
            for (String chat : chats) {
                queue("ordered", chat, "m" + i);
            }
        }
        RecordingSender sender = new RecordingSender("ordered", (chat, text) -> new ChannelSender.Sent());
        OutboxDispatcher one = new OutboxDispatcher(pool, List.of(sender), registry);
        OutboxDispatcher two = new OutboxDispatcher(pool, List.of(sender), registry);

        for (int round = 0; round < 40 && pending("order-%") > 0; round++) {
            Concurrently.run(2, i -> (i == 0 ? one : two).deliverDue(10).await().indefinitely());
        }

        assertThat(pending("order-%")).isZero();
        for (String chat : chats) {
            assertThat(sender.delivered.get(chat)).as(chat).containsExactly("m1", "m2", "m3", "m4", "m5");
        }
    }

    @Test
    void aTransientFailureIsRetriedAndItsChatWaitsMeanwhile() {
        queue("retrying", "retry-chat", "first");
        queue("retrying", "retry-chat", "second");
        Map<String, Integer> tries = new ConcurrentHashMap<>();
        RecordingSender sender = new RecordingSender("retrying", (chat, text) -> tries.merge(text, 1, Integer::sum) == 1 && text.equals("first")
                ? new ChannelSender.Retry("HTTP 502", Duration.ZERO) : new ChannelSender.Sent());
        OutboxDispatcher dispatcher = new OutboxDispatcher(pool, List.of(sender), registry);

        assertThat(dispatcher.deliverDue(10).await().indefinitely().sent()).isZero();
        assertThat(sender.delivered.get("retry-chat")).as("second waits for first").isNull();
        assertThat(row("retry-chat", "first").getString("last_error")).isEqualTo("HTTP 502");

        deliverAll(dispatcher);

        assertThat(sender.delivered.get("retry-chat")).containsExactly("first", "second");
        assertThat(row("retry-chat", "first").getInteger("attempts")).isEqualTo(2);
    }

    @Test
    void aRetryAfterIsHonouredBeforeTheNextAttempt() {
        queue("limited", "limited-chat", "hello");
        RecordingSender sender = new RecordingSender("limited", (chat, text) -> new ChannelSender.Retry("429 retry after 3600", Duration.ofHours(1)));
        OutboxDispatcher dispatcher = new OutboxDispatcher(pool, List.of(sender), registry);

        dispatcher.deliverDue(10).await().indefinitely();
        dispatcher.deliverDue(10).await().indefinitely();

        assertThat(row("limited-chat", "hello").getInteger("attempts")).as("not tried again within the hour").isEqualTo(1);
        assertThat(row("limited-chat", "hello").getString("status")).isEqualTo("PENDING");
    }

    @Test
    void aRateLimitPausesTheWholeChannelOnEveryReplicaUntilItEnds() {
        queue("paused", "busy-1", "first");
        queue("paused", "busy-2", "other chat");
        RecordingSender limited = new RecordingSender("paused", (chat, text) -> chat.equals("busy-1")
                ? new ChannelSender.Retry("Too Many Requests: retry after 30", Duration.ofSeconds(30)) : new ChannelSender.Sent());
        RecordingSender other = new RecordingSender("paused", (chat, text) -> new ChannelSender.Sent());
        OutboxDispatcher replicaOne = new OutboxDispatcher(pool, List.of(limited), registry);
        OutboxDispatcher replicaTwo = new OutboxDispatcher(pool, List.of(other), registry);

        // busy-1 meets the rate limit; after that round nothing goes out on the channel, from either replica.
        replicaOne.deliverDue(1).await().indefinitely();
        replicaTwo.deliverDue(10).await().indefinitely();
        replicaOne.deliverDue(10).await().indefinitely();

        assertThat(other.delivered).as("the other replica, during the pause").isEmpty();
        assertThat(limited.delivered).isEmpty();
        Row pause = pool.query("SELECT until > now() + interval '20 seconds' AS long_enough, reason FROM channel_pause WHERE channel = 'paused'")
                .execute().await().indefinitely().iterator().next();
        assertThat(pause.getBoolean("long_enough")).isTrue();
        assertThat(pause.getString("reason")).isEqualTo("Too Many Requests: retry after 30");

        // The pause is over.
        pool.query("UPDATE channel_pause SET until = now() WHERE channel = 'paused'").execute().await().indefinitely();
        replicaTwo.deliverDue(10).await().indefinitely();
        assertThat(other.delivered.get("busy-2")).containsExactly("other chat");
    }

    @Test
    void aPermanentFailureIsRecordedAndVisibleAndTheChatMovesOn() {
        queue("blocking", "blocked-chat", "to a chat that blocked the bot");
        queue("blocking", "blocked-chat", "next");
        RecordingSender sender = new RecordingSender("blocking", (chat, text) -> text.startsWith("to a chat")
                ? new ChannelSender.Failed("403 Forbidden: bot was blocked by the user") : new ChannelSender.Sent());
        OutboxDispatcher dispatcher = new OutboxDispatcher(pool, List.of(sender), registry);

        deliverAll(dispatcher);

        Row failed = row("blocked-chat", "to a chat that blocked the bot");
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("last_error")).isEqualTo("403 Forbidden: bot was blocked by the user");
        assertThat(sender.delivered.get("blocked-chat")).containsExactly("next");
    }

    @Test
    void transientFailuresBackOffAndEndAsFailedAfterTheLastAttempt() {
        assertThat(OutboxDispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxDispatcher.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(OutboxDispatcher.backoff(30)).isEqualTo(Duration.ofMinutes(5));

        queue("flaky", "flaky-chat", "never");
        pool.preparedQuery("UPDATE outbox_message SET attempts = $1 WHERE chat_id = 'flaky-chat'")
                .execute(Tuple.of(OutboxDispatcher.MAX_ATTEMPTS - 1)).await().indefinitely();
        new OutboxDispatcher(pool, List.of(new RecordingSender("flaky", (chat, text) -> new ChannelSender.Retry("timeout", Duration.ZERO))), registry)
                .deliverDue(10).await().indefinitely();

        assertThat(row("flaky-chat", "never").getString("status")).isEqualTo("FAILED");
        assertThat(row("flaky-chat", "never").getString("last_error")).startsWith("gave up after " + OutboxDispatcher.MAX_ATTEMPTS + " attempts: timeout");
    }

    private void deliverAll(OutboxDispatcher dispatcher) {
        for (int round = 0; round < 20; round++) {
            dispatcher.deliverDue(10).await().indefinitely();
        }
    }

    private void queue(String channel, String chat, String text) {
        pool.preparedQuery("INSERT INTO outbox_message (channel, chat_id, payload) VALUES ($1, $2, $3)")
                .execute(Tuple.of(channel, chat, JsonObject.mapFrom(OutboundMessage.text(text)))).await().indefinitely();
    }

    private long pending(String chatPattern) {
        return pool.preparedQuery("SELECT count(*) FROM outbox_message WHERE status = 'PENDING' AND chat_id LIKE $1")
                .execute(Tuple.of(chatPattern)).await().indefinitely().iterator().next().getLong(0);
    }

    private Row row(String chat, String text) {
        return pool.preparedQuery("SELECT status, attempts, last_error FROM outbox_message WHERE chat_id = $1 AND payload->>'text' = $2")
                .execute(Tuple.of(chat, text)).await().indefinitely().iterator().next();
    }
}
