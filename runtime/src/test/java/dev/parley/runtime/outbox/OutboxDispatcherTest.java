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

import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.testing.Concurrently;
import dev.parley.runtime.testing.PostgresResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
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
        final List<long[]> times = Collections.synchronizedList(new ArrayList<>());
        final Map<String, List<Long>> timesByChat = new ConcurrentHashMap<>();
        final String channel;
        final BiFunction<String, String, Result> outcome;
        final Limits limits;

        RecordingSender(String channel, BiFunction<String, String, Result> outcome) {
            this(channel, outcome, Limits.NONE);
        }

        RecordingSender(String channel, BiFunction<String, String, Result> outcome, Limits limits) {
            this.channel = channel;
            this.outcome = outcome;
            this.limits = limits;
        }

        @Override
        public Limits limits() {
            return limits;
        }

        @Override
        public String channel() {
            return channel;
        }

        @Override
        public Uni<Result> send(String chatId, OutboundMessage message) {
            Result result = outcome.apply(chatId, message.text());
            if (result instanceof Sent) {
                long now = System.nanoTime();
                times.add(new long[] {now});
                timesByChat.computeIfAbsent(chatId, c -> Collections.synchronizedList(new ArrayList<>())).add(now);
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
    void twoReplicasTogetherKeepTheBotRateAndEachChatsSpacing() throws Exception {
        // Three times what the limits let through in the time it takes: 20 chats with 2 messages, a group with 3.
        for (int i = 1; i <= 2; i++) {
            for (int chat = 1; chat <= 20; chat++) {
                queue("limited-rate", "rate-" + chat, "m" + i);
            }
        }
        for (int i = 1; i <= 3; i++) {
            queue("limited-rate", "-100777", "group m" + i);
        }
        ChannelSender.Limits limits = new ChannelSender.Limits(10, 10, Duration.ofSeconds(1), Duration.ofSeconds(3));
        RecordingSender sender = new RecordingSender("limited-rate", (chat, text) -> new ChannelSender.Sent(), limits);
        List<OutboxDispatcher> replicas = List.of(new OutboxDispatcher(pool, List.of(sender), registry),
                new OutboxDispatcher(pool, List.of(sender), registry));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Concurrently.run(2, i -> {
            while (pendingOn("limited-rate") > 0 && System.nanoTime() < deadline) {
                replicas.get(i).deliverDue(50).await().indefinitely();
                Thread.sleep(10);
            }
            return null;
        });

        assertThat(sender.times).hasSize(43);
        List<Long> sends = sender.times.stream().map(t -> t[0]).sorted().toList();
        long start = sends.get(0);
        for (int k = 0; k < sends.size(); k++) {
            double allowed = limits.burst() + limits.perSecond() * (sends.get(k) - start) / 1e9;
            assertThat(k + 1.0).as("sends by the %d-th, %.2f s in", k + 1, (sends.get(k) - start) / 1e9).isLessThanOrEqualTo(allowed + 1);
        }
        double seconds = (sends.get(sends.size() - 1) - start) / 1e9;
        assertThat((sends.size() - limits.burst()) / seconds).as("rate beyond the burst").isLessThanOrEqualTo(limits.perSecond() * 1.05);
        sender.timesByChat.forEach((chat, times) -> {
            long spacing = chat.startsWith("-") ? 3000 : 1000;
            for (int i = 1; i < times.size(); i++) {
                assertThat((times.get(i) - times.get(i - 1)) / 1_000_000).as("spacing in chat " + chat).isGreaterThanOrEqualTo(spacing - 10);
            }
        });
        assertThat(sender.delivered.get("-100777")).containsExactly("group m1", "group m2", "group m3");
        assertThat(registry.counter("parley.outbox.rate.limited").count()).as("waits were counted").isPositive();
    }

    @Test
    void aChannelThisReplicaHasNoSenderForIsLeftToTheOthers() {
        queue("not-here", "elsewhere", "for a replica that has this channel");
        OutboxDispatcher dispatcher = new OutboxDispatcher(pool, List.of(new RecordingSender("here", (chat, text) -> new ChannelSender.Sent())), registry);

        deliverAll(dispatcher);

        assertThat(row("elsewhere", "for a replica that has this channel").getString("status")).isEqualTo("PENDING");
        assertThat(row("elsewhere", "for a replica that has this channel").getInteger("attempts")).isZero();
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

    /**
     * A round reads about what it sends, not the backlog: with 20,000 messages pending for 1,000 chats, and before
     * any statistics exist, finding 10 chats' oldest messages reads a few dozen rows. (Sorting the whole backlog each
     * round once cost 64 ms a round; an anti-join form read the backlog once per candidate and took 0.8 s.)
     */
    @Test
    void aRoundReadsWhatItSendsNotTheBacklog() {
        pool.query("""
                INSERT INTO outbox_message (channel, chat_id, payload)
                SELECT 'backlog', 'chat-' || (i % 1000), jsonb_build_object('text', 'm' || (i / 1000 + 1))
                FROM generate_series(0, 19999) i""").execute().await().indefinitely();

        JsonArray plan = pool.preparedQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + Outbox.DUE)
                .execute(Tuple.of(10, new String[] {"backlog"}, new Double[] {0.0}, new Double[] {0.0}))
                .await().indefinitely().iterator().next().getJsonArray(0);
        assertThat(rowsRead(plan.getJsonObject(0).getJsonObject("Plan"))).as("outbox rows read for one round of 10").isLessThan(500);

        RecordingSender sender = new RecordingSender("backlog", (chat, text) -> new ChannelSender.Sent());
        assertThat(new OutboxDispatcher(pool, List.of(sender), registry).deliverDue(10).await().indefinitely().sent()).isEqualTo(10);
        assertThat(sender.delivered).hasSize(10).allSatisfy((chat, texts) -> assertThat(texts).as(chat).containsExactly("m1"));
    }

    /** Rows the plan's nodes on outbox_message returned or filtered out, over all their loops. */
    private static long rowsRead(JsonObject node) {
        long read = 0;
        if ("outbox_message".equals(node.getString("Relation Name"))) {
            read += (node.getLong("Actual Rows") + node.getLong("Rows Removed by Filter", 0L)) * node.getLong("Actual Loops");
        }
        JsonArray children = node.getJsonArray("Plans", new JsonArray());
        for (int i = 0; i < children.size(); i++) {
            read += rowsRead(children.getJsonObject(i));
        }
        return read;
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

    private long pendingOn(String channel) {
        return pool.preparedQuery("SELECT count(*) FROM outbox_message WHERE status = 'PENDING' AND channel = $1")
                .execute(Tuple.of(channel)).await().indefinitely().iterator().next().getLong(0);
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
