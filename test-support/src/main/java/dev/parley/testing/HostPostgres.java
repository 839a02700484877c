package dev.parley.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL for the Bots, on the host: the real server the other tiers use (zonky's binaries), listening on
 * loopback and on the node-facing address only, with TLS on (a self-signed certificate, so {@code sslMode: require}
 * works as the samples write it) and password authentication for the node's subnet. Pods reach it through a
 * Service without a selector whose endpoint is the host.
 */
public final class HostPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private HostPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static HostPostgres start(String hostIp, String nodeSubnet) throws IOException, InterruptedException {
        Path dir = TestServers.workDir("host-postgres");
        Path tls = Files.createDirectories(dir.resolve("tls"));
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=" + hostIp, "-keyout", tls.resolve("server.key").toString(),
                "-out", tls.resolve("server.crt").toString()).redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IllegalStateException("openssl could not make the server certificate");
        }
        Files.setPosixFilePermissions(tls.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        Path hba = dir.resolve("pg_hba.conf");
        Files.writeString(hba, """
                local all all trust
                host all all 127.0.0.1/32 trust
                host all all ::1/128 trust
                host all all %s scram-sha-256
                """.formatted(nodeSubnet));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "localhost," + hostIp)
                .setServerConfig("hba_file", hba.toString())
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", tls.resolve("server.crt").toString())
                .setServerConfig("ssl_key_file", tls.resolve("server.key").toString())
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_connections", "200")
                .start();
        return new HostPostgres(postgres);
    }

    public int port() {
        return postgres.getPort();
    }

    /** A login role with a password and a database it owns. */
    public void createUserAndDatabase(String user, String password, String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            statement.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + user + "/" + database, e);
        }
    }

    /** Another database owned by an existing role. */
    public void createDatabase(String database, String owner) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + owner + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + database, e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
