package dev.parley.runtime.session;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import dev.parley.runtime.conversation.Conversation;
import dev.parley.runtime.conversation.Conversations;
import dev.parley.runtime.conversation.Flow;
import dev.parley.runtime.conversation.SessionStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Sessions in Redis, one hash per chat, written while the chat's PostgreSQL row is locked and before the
 * transaction commits (docs/adr/0004-redis-sessions.md):
 * <ul>
 * <li>The hash keeps the new state under {@code version} and the state it replaced under {@code prev_version}. A
 * turn whose transaction then fails to commit leaves Redis one version ahead of PostgreSQL; the next turn reads the
 * previous state, so it always sees the state of the last <em>committed</em> turn.</li>
 * <li>A write never lowers the version: a late write from a turn that lost its lock is ignored.</li>
 * <li>A Redis failure fails the turn (nothing is committed, the webhook gets a 503 and the channel redelivers).</li>
 * <li>Redis losing a session (eviction, a restart without persistence) restarts that conversation, counted as
 * {@code parley_sessions_lost_total}.</li>
 * </ul>
 */
public final class RedisSessions implements SessionStore {

    private static final Logger LOG = Logger.getLogger(RedisSessions.class);

    /** KEYS[1] the hash; ARGV new version, state, data, base version, time to live in ms. */
    private static final String SAVE = """
            local stored = redis.call('HGET', KEYS[1], 'version')
            if stored and tonumber(stored) > tonumber(ARGV[1]) then return 0 end
            if stored and tonumber(stored) == tonumber(ARGV[4]) then
              local current = redis.call('HMGET', KEYS[1], 'state', 'data')
              redis.call('HSET', KEYS[1], 'prev_version', stored, 'prev_state', current[1], 'prev_data', current[2])
            elseif redis.call('HGET', KEYS[1], 'prev_version') ~= ARGV[4] then
              redis.call('HDEL', KEYS[1], 'prev_version', 'prev_state', 'prev_data')
            end
            redis.call('HSET', KEYS[1], 'version', ARGV[1], 'state', ARGV[2], 'data', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return 1
            """;

    private final ReactiveRedisDataSource redis;
    private final String prefix;
    private final Duration ttl;
    private final Counter lost;
    private final Counter staleWrites;

    /**
     * @param prefix keys are {@code prefix + channel + ":" + chatId}; one prefix per bot
     * @param ttl    a session untouched this long disappears (the idle expiry)
     */
    public RedisSessions(ReactiveRedisDataSource redis, String prefix, Duration ttl, MeterRegistry registry) {
        this.redis = redis;
        this.prefix = prefix;
        this.ttl = ttl;
        this.lost = Counter.builder("parley.sessions.lost")
                .description("Conversations restarted because their Redis session was missing").register(registry);
        this.staleWrites = Counter.builder("parley.sessions.stale.writes")
                .description("Redis session writes ignored because a newer version was stored").register(registry);
    }

    String key(String channel, String chatId) {
        return prefix + channel + ":" + chatId;
    }

    @Override
    public Uni<Conversation> load(SqlConnection transaction, String channel, String chatId, String initialState) {
        String key = key(channel, chatId);
        return Conversations.lock(transaction, channel, chatId, initialState)
                .map(row -> row.getLong("version"))
                .flatMap(version -> redis.execute("HGETALL", key).flatMap(response -> {
                    Map<String, String> hash = toMap(response);
                    Conversation fresh = new Conversation(channel, chatId, initialState, new JsonObject(), version);
                    if (String.valueOf(version).equals(hash.get("version"))) {
                        return Uni.createFrom().item(conversation(channel, chatId, hash.get("state"), hash.get("data"), version));
                    }
                    if (String.valueOf(version).equals(hash.get("prev_version"))) {
                        return Uni.createFrom().item(conversation(channel, chatId, hash.get("prev_state"), hash.get("prev_data"), version));
                    }
                    if (version == 0) {
                        // A new or expired conversation: whatever Redis still holds belongs to an earlier one.
                        return hash.isEmpty() ? Uni.createFrom().item(fresh) : redis.execute("DEL", key).replaceWith(fresh);
                    }
                    lost.increment();
                    LOG.warnf("the Redis session of %s chat %s (version %d) is missing; the conversation starts afresh", channel, chatId, version);
                    return Uni.createFrom().item(fresh);
                }));
    }

    @Override
    public Uni<Void> save(SqlConnection transaction, Conversation before, Flow.Turn turn) {
        long next = before.version() + 1;
        JsonObject data = turn.data() == null ? new JsonObject() : turn.data();
        return Conversations.saveState(transaction, before.channel(), before.chatId(), turn.state())
                .flatMap(ignored -> redis.execute("EVAL", SAVE, "1", key(before.channel(), before.chatId()),
                        String.valueOf(next), turn.state(), data.encode(), String.valueOf(before.version()), String.valueOf(ttl.toMillis())))
                .invoke(written -> {
                    if (written.toInteger() == 0) {
                        staleWrites.increment();
                    }
                })
                .replaceWithVoid();
    }

    private static Conversation conversation(String channel, String chatId, String state, String data, long version) {
        return new Conversation(channel, chatId, state, data == null ? new JsonObject() : new JsonObject(data), version);
    }

    /** HGETALL's answer as a map: RESP3 gives a map, RESP2 a flat list of field, value, field, value. */
    private static Map<String, String> toMap(Response response) {
        Map<String, String> map = new HashMap<>();
        if (response == null || response.size() == 0) {
            return map;
        }
        if (response.type() == io.vertx.redis.client.ResponseType.MULTI && !response.getKeys().isEmpty()) {
            response.getKeys().forEach(field -> map.put(field, response.get(field).toString()));
            return map;
        }
        for (int i = 0; i + 1 < response.size(); i += 2) {
            map.put(response.get(i).toString(), response.get(i + 1).toString());
        }
        return map;
    }
}
