package dev.parley.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (the zonky binaries of PostgreSQL 17) in a fresh data directory under {@code target/},
 * one per test JVM. Tests that need isolation create a database of their own with {@link #createDatabase(String)}.
 */
public final class PostgresServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static PostgresServer shared;

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(TestServers.workDir("postgres"))
                        .setCleanDataDirectory(true)
                        .start();
                shared = new PostgresServer(postgres);
            } catch (IOException | RuntimeException e) {
                throw TestServers.unavailable("PostgreSQL", "the embedded server did not start: " + e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "postgres-stop"));
        }
        return shared;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates an empty database owned by {@link #USER}; fails if it exists. */
    public String createDatabase(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    private void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // The JVM is exiting; the data directory lives under target/ and goes with the next clean.
        }
    }
}
