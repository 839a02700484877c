package dev.parley.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (the zonky binaries of PostgreSQL 17) in a fresh data directory under {@code target/},
 * one per test JVM. Tests that need isolation create a database of their own with {@link #createDatabase(String)}.
 *
 * <p>Not durable, on purpose: fsync and synchronous_commit are off ({@link #builder}), which makes commits cheap and
 * loses the last ones in a crash of the machine (and, for synchronous_commit, of the server). That is fine for a
 * server that only tests and benchmarks use and that is thrown away with {@code target/}; it is not the product.
 * The database the runtime starts for itself ({@code dev.parley.runtime.local.LocalDatabase}) keeps every commit
 * it acknowledged, and a test that crashes a database to check what survives uses that one.
 */
public final class PostgresServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static PostgresServer shared;

    private EmbeddedPostgres postgres;
    private final java.nio.file.Path dataDir;
    private final int port;

    private PostgresServer(EmbeddedPostgres postgres, java.nio.file.Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.port = postgres.getPort();
    }

    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                java.nio.file.Path dataDir = TestServers.workDir("postgres");
                EmbeddedPostgres postgres = builder(dataDir)
                        .setCleanDataDirectory(true)
                        .start();
                shared = new PostgresServer(postgres, dataDir);
            } catch (IOException | RuntimeException e) {
                throw TestServers.unavailable("PostgreSQL", "the embedded server did not start: " + e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "postgres-stop"));
        }
        return shared;
    }

    /**
     * A server of its own, for a test that stops and restarts it (a database outage); the caller stops it with
     * {@link #stop()}.
     */
    public static PostgresServer dedicated(String name) {
        java.nio.file.Path dataDir = TestServers.workDir("postgres-" + name);
        try {
            // Not cleaned on stop (zonky deletes the data directory then): a restart finds the data where it was.
            return new PostgresServer(builder(dataDir).setCleanDataDirectory(false).start(), dataDir);
        } catch (IOException | RuntimeException e) {
            throw TestServers.unavailable("PostgreSQL", "the embedded server did not start: " + e);
        }
    }

    /**
     * A server of its own with TLS on, presenting {@code certificates}' server certificate; it still accepts plain
     * connections, as a server with {@code ssl = on} and the default pg_hba does. The caller stops it with
     * {@link #stop()}.
     */
    public static PostgresServer dedicatedWithTls(String name, TestCertificates certificates) {
        java.nio.file.Path dataDir = TestServers.workDir("postgres-" + name);
        try {
            return new PostgresServer(builder(dataDir).setCleanDataDirectory(true)
                    .setServerConfig("ssl", "on")
                    .setServerConfig("ssl_cert_file", certificates.serverCertificate().toString())
                    .setServerConfig("ssl_key_file", certificates.serverKey().toString())
                    .start(), dataDir);
        } catch (IOException | RuntimeException e) {
            throw TestServers.unavailable("PostgreSQL", "the embedded server did not start with TLS: " + e);
        }
    }

    /** Stops the server, as an outage would; {@link #restart()} brings it back with its data on the same port. */
    public void stop() {
        close();
    }

    public void restart() throws IOException {
        postgres = builder(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    /**
     * zonky's defaults for test servers, said here rather than left implicit: fsync off (zonky also passes
     * {@code -F}) and synchronous_commit off. Fast, not durable; see the class comment.
     */
    private static EmbeddedPostgres.Builder builder(java.nio.file.Path dataDir) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off");
    }

    public int port() {
        return port;
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
