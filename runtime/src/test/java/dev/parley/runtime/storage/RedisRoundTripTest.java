package dev.parley.runtime.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.PostgresResource;
import dev.parley.runtime.testing.RedisResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The runtime's Redis client, configured as the operator configures it, talks to a real password-protected server. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RedisResource.class, restrictToAnnotatedClass = true)
class RedisRoundTripTest {

    @Inject
    RedisDataSource redis;

    @Test
    void valueWrittenIsReadBackAndExpires() {
        var values = redis.value(String.class);
        values.set("parley:test:greeting", "namaste", new SetArgs().px(Duration.ofMinutes(1)));

        assertThat(values.get("parley:test:greeting")).isEqualTo("namaste");
        assertThat(redis.key().pttl("parley:test:greeting")).isBetween(1L, 60_000L);
        assertThat(redis.execute("PING").toString()).isEqualTo("PONG");
    }

    @Test
    void setIfAbsentAdmitsOnlyTheFirstWriter() {
        var values = redis.value(String.class);
        assertThat(values.setnx("parley:test:lock", "replica-a")).isTrue();
        assertThat(values.setnx("parley:test:lock", "replica-b")).isFalse();
        assertThat(values.get("parley:test:lock")).isEqualTo("replica-a");
    }
}
