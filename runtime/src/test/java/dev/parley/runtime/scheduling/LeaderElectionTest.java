package dev.parley.runtime.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.conversation.Conversation;
import dev.parley.runtime.conversation.Flow;
import dev.parley.runtime.conversation.SessionExpiry;
import dev.parley.runtime.flow.echo.EchoFlow;
import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.testing.Concurrently;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The PostgreSQL lease, its fencing token and the once-per-period job record, against real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class LeaderElectionTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void theFirstContenderLeadsTheOthersWaitAndRenewingKeepsTheToken() {
        PostgresLease a = new PostgresLease(pool, "first", "a", LEASE);
        PostgresLease b = new PostgresLease(pool, "first", "b", LEASE);

        assertThat(acquire(a)).contains(1L);
        assertThat(acquire(b)).isEmpty();
        assertThat(acquire(a)).as("renewal").contains(1L);
    }

    @Test
    void anExpiredLeaseGoesToTheNextContenderWithALargerToken() {
        PostgresLease a = new PostgresLease(pool, "expiring", "a", LEASE);
        PostgresLease b = new PostgresLease(pool, "expiring", "b", LEASE);
        long first = acquire(a).orElseThrow();

        expire("expiring"); // a stopped renewing: paused, partitioned or dead

        assertThat(acquire(b)).contains(first + 1);
        assertThat(acquire(a)).as("the old leader, back").isEmpty();
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        PostgresLease a = new PostgresLease(pool, "released", "a", LEASE);
        PostgresLease b = new PostgresLease(pool, "released", "b", LEASE);
        acquire(a);

        a.release().await().indefinitely();

        assertThat(acquire(b)).contains(2L);
    }

    @Test
    void aPausedLeadersLateClaimIsRefusedAndItsWritesWithIt() {
        PostgresLease a = new PostgresLease(pool, "fenced", "a", LEASE);
        PostgresLease b = new PostgresLease(pool, "fenced", "b", LEASE);
        long old = acquire(a).orElseThrow();
        expire("fenced");
        long current = acquire(b).orElseThrow();

        // The old leader wakes up and tries to run the job, writing a marker row only if its claim holds.
        assertThat(claimAndMark("fenced", old, "p1", "late write")).isFalse();
        assertThat(claimAndMark("fenced", current, "p1", "leader's write")).isTrue();
        assertThat(claimAndMark("fenced", current, "p1", "second run")).as("the same period again").isFalse();
        assertThat(markers()).containsExactly("leader's write");
    }

    @Test
    void manyContendersAtOnceMakeExactlyOneLeader() throws Exception {
        int contenders = 8;
        List<Optional<Long>> tokens = Concurrently.run(contenders,
                i -> acquire(new PostgresLease(pool, "crowded", "holder-" + i, LEASE)));

        assertThat(tokens.stream().filter(Optional::isPresent).toList()).containsExactly(Optional.of(1L));
    }

    @Test
    void twoReplicasTickingTogetherRunEachPeriodOnceAlsoAcrossAChangeOfLeader() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        CountingJob job = new CountingJob("counting");
        AtomicInteger runs = job.runs;
        JobScheduler one = new JobScheduler(pool, new PostgresLease(pool, "replicas", "one", LEASE), List.of(job), clock);
        JobScheduler two = new JobScheduler(pool, new PostgresLease(pool, "replicas", "two", LEASE), List.of(job), clock);

        for (int minute = 0; minute < 3; minute++) {
            Concurrently.run(6, i -> (i % 2 == 0 ? one : two).tick().await().indefinitely());
            now.set(now.get().plusSeconds(60));
        }
        assertThat(runs).as("one run per minute").hasValue(3);
        assertThat(one.isLeader() ^ two.isLeader()).as("exactly one leads").isTrue();

        // The leader stops; the other takes over within the same minute and must not run that minute again.
        JobScheduler leader = one.isLeader() ? one : two;
        JobScheduler follower = leader == one ? two : one;
        leader.tick().await().indefinitely();
        assertThat(runs).hasValue(4);
        expire("replicas");
        assertThat(follower.tick().await().indefinitely()).as("same minute, new leader").isEmpty();
        assertThat(follower.isLeader()).isTrue();
        now.set(now.get().plusSeconds(60));
        assertThat(follower.tick().await().indefinitely()).containsExactly(job.name());
        assertThat(runs).hasValue(5);
    }

    @Test
    void sessionExpiryEndsIdleConversationsOnly() {
        pool.query("""
                INSERT INTO conversation (channel, chat_id, flow_state, updated_at) VALUES
                  ('telegram', 'idle-chat', 'ordering', now() - interval '2 hours'),
                  ('telegram', 'busy-chat', 'ordering', now() - interval '10 minutes')""").execute().await().indefinitely();

        pool.withTransaction(connection -> new SessionExpiry(Duration.ofHours(1), Duration.ofMinutes(5), new EchoFlow()).run(connection))
                .await().indefinitely();

        List<String> left = new ArrayList<>();
        pool.query("SELECT chat_id FROM conversation WHERE chat_id IN ('idle-chat', 'busy-chat')").execute().await().indefinitely()
                .forEach(row -> left.add(row.getString(0)));
        assertThat(left).containsExactly("busy-chat");
    }

    @Test
    void anExpiredConversationHearsWhatItsFlowSaysInTheCustomersLanguage() {
        pool.query("""
                INSERT INTO customer (channel, chat_id, language) VALUES ('telegram', 'idle-hi', 'hi'), ('telegram', 'idle-done', NULL);
                INSERT INTO conversation (channel, chat_id, flow_state, updated_at) VALUES
                  ('telegram', 'idle-hi', 'FINAL_CUSTOMER_CONFIRMATION', now() - interval '2 hours'),
                  ('telegram', 'idle-done', 'COLLECTING_ITEMS', now() - interval '2 hours')""").execute().await().indefinitely();
        Flow.Pure flow = new Flow.Pure() {
            @Override
            public String initialState() {
                return "COLLECTING_ITEMS";
            }

            @Override
            public Flow.Turn turn(Conversation conversation, InboundMessage message) {
                throw new UnsupportedOperationException("only expiry is tested");
            }

            @Override
            public List<OutboundMessage> expired(String state, String language) {
                return state.equals("COLLECTING_ITEMS") ? List.of() : List.of(OutboundMessage.text(language + ": " + state + " expired"));
            }
        };

        pool.withTransaction(connection -> new SessionExpiry(Duration.ofHours(1), Duration.ofMinutes(5), flow).run(connection))
                .await().indefinitely();

        List<String> told = new ArrayList<>();
        pool.query("SELECT chat_id, payload->>'text' FROM outbox_message WHERE chat_id IN ('idle-hi', 'idle-done')").execute()
                .await().indefinitely().forEach(row -> told.add(row.getString(0) + " " + row.getString(1)));
        assertThat(told).containsExactly("idle-hi hi: FINAL_CUSTOMER_CONFIRMATION expired");
    }

    @Test
    void theRuntimeAloneLeadsItsBotsSchedulingAndSaysSoInItsMetrics() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                RestAssured.get("/q/metrics").then().statusCode(200).extract().asString()).contains("parley_scheduler_leader 1.0"));
    }

    private Optional<Long> acquire(PostgresLease lease) {
        return lease.acquireOrRenew().await().indefinitely();
    }

    private void expire(String lease) {
        pool.preparedQuery("UPDATE leader_lease SET expires_at = now() - interval '1 second' WHERE name = $1")
                .execute(Tuple.of(lease)).await().indefinitely();
    }

    private boolean claimAndMark(String lease, long token, String period, String marker) {
        return pool.withTransaction(connection -> JobRuns.claim(connection, lease, token, "fenced-job", period)
                .flatMap(claimed -> !claimed ? Uni.createFrom().item(false)
                        : connection.query("CREATE TABLE IF NOT EXISTS test_marker (text text)").execute()
                                .flatMap(x -> connection.preparedQuery("INSERT INTO test_marker VALUES ($1)").execute(Tuple.of(marker)))
                                .replaceWith(true)))
                .await().indefinitely();
    }

    private List<String> markers() {
        List<String> texts = new ArrayList<>();
        pool.query("SELECT text FROM test_marker").execute().await().indefinitely().forEach(row -> texts.add(row.getString(0)));
        return texts;
    }
}
