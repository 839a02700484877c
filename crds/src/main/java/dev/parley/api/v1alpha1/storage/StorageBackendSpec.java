package dev.parley.api.v1alpha1.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.sessions != 'redis' || has(self.redis)",
        message = "spec.sessions is 'redis' but spec.redis is not set", fieldPath = ".sessions")
public class StorageBackendSpec {

    @Required
    @JsonPropertyDescription("The PostgreSQL server that holds the bot's authoritative state (orders, stock, ledger, outbox).")
    private PostgresSpec postgres;

    @JsonPropertyDescription("An optional Redis server, where the runtime keeps conversation sessions when sessions is redis. Chat locks, rate limits, carts and orders stay in PostgreSQL; nothing is cached in Redis.")
    private RedisSpec redis;

    @Default("postgres")
    @JsonPropertyDescription("Where conversation sessions live: 'postgres' (default) or 'redis' (requires spec.redis).")
    private SessionStore sessions = SessionStore.POSTGRES;

    public PostgresSpec getPostgres() {
        return postgres;
    }

    public void setPostgres(PostgresSpec postgres) {
        this.postgres = postgres;
    }

    public RedisSpec getRedis() {
        return redis;
    }

    public void setRedis(RedisSpec redis) {
        this.redis = redis;
    }

    public SessionStore getSessions() {
        return sessions;
    }

    public void setSessions(SessionStore sessions) {
        this.sessions = sessions;
    }
}
