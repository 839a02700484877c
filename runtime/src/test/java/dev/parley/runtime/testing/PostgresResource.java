package dev.parley.runtime.testing;

import java.util.Map;
import java.util.UUID;

import dev.parley.testing.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the runtime at a fresh database on the real test PostgreSQL, with a bot schema of its own, so each test
 * class that uses it starts from an empty database as a new deployment would.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String SCHEMA = "bot_test";

    @Override
    public Map<String, String> start() {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase("parley_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        return Map.of(
                "parley.db.host", "localhost",
                "parley.db.port", String.valueOf(server.port()),
                "parley.db.name", database,
                "parley.db.user", PostgresServer.USER,
                "parley.db.password", PostgresServer.PASSWORD,
                "parley.bot.schema", SCHEMA);
    }

    @Override
    public void stop() {
        // The database stays until the JVM's server stops; its name is unique per start.
    }
}
