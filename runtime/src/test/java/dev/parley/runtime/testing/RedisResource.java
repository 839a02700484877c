package dev.parley.runtime.testing;

import java.util.Map;

import dev.parley.testing.RedisServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the runtime's Redis client at the real test redis-server, password included. */
public class RedisResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        RedisServer server = RedisServer.shared();
        return Map.of(
                "quarkus.redis.hosts", server.url(),
                "quarkus.redis.password", RedisServer.PASSWORD);
    }

    @Override
    public void stop() {
        // Shared per JVM; stopped when the JVM exits.
    }
}
