package dev.parley.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.conversation.Conversation;
import dev.parley.runtime.conversation.ConversationRouter;
import dev.parley.runtime.conversation.Flow;
import dev.parley.runtime.conversation.SessionStore;
import dev.parley.runtime.testing.CountingFlow;
import dev.parley.runtime.testing.PostgresResource;
import dev.parley.runtime.testing.RedisResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The session contract with state in a real Redis, and what docs/adr/0004-redis-sessions.md promises on top: a turn
 * whose commit fails after Redis was written is invisible to the next turn; a late write never lowers the version;
 * a lost session restarts the conversation, counted.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RedisResource.class, restrictToAnnotatedClass = true)
class RedisSessionsTest extends SessionStoreContract {

    /** Each test class run gets keys of its own: the Redis server is shared by the JVM. */
    private static final String PREFIX = "parley:test-" + UUID.randomUUID().toString().substring(0, 8) + ":session:";

    @Inject
    ReactiveRedisDataSource redis;

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Override
    SessionStore store() {
        return new RedisSessions(redis, PREFIX, Duration.ofHours(1), registry);
    }

    @Test
    void theStateLivesInRedisNotInTheRow() {
        new ConversationRouter(pool, new CountingFlow(), store()).route(message("where", "1", "hello")).await().indefinitely();

        String data = redis.execute("HGET", PREFIX + "telegram:where", "data").await().indefinitely().toString();
        assertThat(new JsonObject(data).getInteger("count")).isEqualTo(1);
        var row = pool.query("SELECT data, version FROM conversation WHERE chat_id = 'where'").execute().await().indefinitely().iterator().next();
        assertThat(row.getJsonObject("data")).as("PostgreSQL keeps the lock and the version only").isEqualTo(new JsonObject());
        assertThat(row.getLong("version")).isEqualTo(1);
    }

    @Test
    void aTurnWhoseCommitFailsAfterRedisWasWrittenIsNotSeenByTheNext() {
        ConversationRouter router = new ConversationRouter(pool, new CountingFlow(), store());
        router.route(message("commit", "1", "first")).await().indefinitely();
        // The outbox insert, the last statement before the commit, fails for this one message: Redis is written by then.
        // A serialization failure, which the channel's redelivery may cure: the update fails (a 503), not a dead letter.
        pool.query("""
                CREATE OR REPLACE FUNCTION refuse_boom() RETURNS trigger AS $$
                BEGIN IF NEW.payload->>'text' LIKE '%boom' THEN
                    RAISE EXCEPTION USING ERRCODE = '40001', MESSAGE = 'refused for the test'; END IF; RETURN NEW; END $$
                LANGUAGE plpgsql""").execute().await().indefinitely();
        pool.query("CREATE TRIGGER refuse_boom BEFORE INSERT ON outbox_message FOR EACH ROW EXECUTE FUNCTION refuse_boom()")
                .execute().await().indefinitely();
        try {
            assertThatThrownBy(() -> router.route(message("commit", "2", "boom")).await().indefinitely()).hasMessageContaining("refused for the test");
            assertThat(redis.execute("HGET", PREFIX + "telegram:commit", "version").await().indefinitely().toInteger())
                    .as("Redis was written before the commit failed").isEqualTo(2);
        } finally {
            pool.query("DROP TRIGGER refuse_boom ON outbox_message").execute().await().indefinitely();
        }

        router.route(message("commit", "3", "third")).await().indefinitely();

        Conversation conversation = pool.withTransaction(tx -> store().load(tx, "telegram", "commit", "counting")).await().indefinitely();
        assertThat(conversation.data().getJsonArray("seen")).isEqualTo(new JsonArray().add("first").add("third"));
        assertThat(conversation.version()).isEqualTo(2);
    }

    @Test
    void aLateWriteNeverLowersTheVersion() {
        ConversationRouter router = new ConversationRouter(pool, new CountingFlow(), store());
        router.route(message("late", "1", "first")).await().indefinitely();
        router.route(message("late", "2", "second")).await().indefinitely();

        // A turn from version 0 whose connection died (so PostgreSQL rolled it back) and whose Redis write lands only now.
        Conversation stale = new Conversation("telegram", "late", "counting", new JsonObject(), 0);
        assertThatThrownBy(() -> pool.withTransaction(tx -> store().save(tx, stale, new Flow.Turn("counting", new JsonObject().put("count", 99), java.util.List.of()))
                .flatMap(written -> io.smallrye.mutiny.Uni.createFrom().failure(new IllegalStateException("connection lost"))))
                .await().indefinitely()).hasMessageContaining("connection lost");

        assertThat(redis.execute("HGET", PREFIX + "telegram:late", "data").await().indefinitely().toString()).doesNotContain("99");
        assertThat(registry.counter("parley.sessions.stale.writes").count()).isEqualTo(1);
        router.route(message("late", "3", "third")).await().indefinitely();
        Conversation conversation = pool.withTransaction(tx -> store().load(tx, "telegram", "late", "counting")).await().indefinitely();
        assertThat(conversation.data().getJsonArray("seen")).isEqualTo(new JsonArray().add("first").add("second").add("third"));
    }

    @Test
    void aLostSessionRestartsTheConversationAndIsCounted() {
        ConversationRouter router = new ConversationRouter(pool, new CountingFlow(), store());
        router.route(message("lost", "1", "first")).await().indefinitely();
        redis.execute("DEL", PREFIX + "telegram:lost").await().indefinitely();

        router.route(message("lost", "2", "again")).await().indefinitely();

        Conversation conversation = pool.withTransaction(tx -> store().load(tx, "telegram", "lost", "counting")).await().indefinitely();
        assertThat(conversation.data().getJsonArray("seen")).isEqualTo(new JsonArray().add("again"));
        assertThat(registry.counter("parley.sessions.lost").count()).isEqualTo(1);
    }
}
