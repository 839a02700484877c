package dev.parley.runtime.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.FakeTelegram;
import dev.parley.runtime.testing.Replicas;
import dev.parley.testing.PostgresServer;
import dev.parley.testing.RedisServer;
import dev.parley.testing.RuntimeProcess;
import dev.parley.testing.TestCertificates;

/**
 * The packaged runtime against a PostgreSQL and a Redis with TLS on and a private CA, configured as the operator
 * configures it from a StorageBackend ({@code PARLEY_DB_SSLMODE}, {@code PARLEY_DB_CA_PEM}, {@code PARLEY_REDIS_TLS},
 * {@code PARLEY_REDIS_CA_PEM}): each sslMode does what it does in libpq, for Flyway's JDBC connection and for the
 * reactive client that serves the messages. The server certificate names only {@code localhost}.
 */
class StoreTlsIT {

    static TestCertificates certificates;
    static TestCertificates otherCa;
    static PostgresServer postgres;

    private final FakeTelegram telegram = new FakeTelegram();
    private RuntimeProcess runtime;

    @BeforeAll
    static void servers() {
        certificates = TestCertificates.make("store");
        otherCa = TestCertificates.make("other");
        postgres = PostgresServer.dedicatedWithTls("tls", certificates);
    }

    @AfterAll
    static void stopServers() {
        if (postgres != null) {
            postgres.stop();
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (runtime != null && runtime.isAlive()) {
            runtime.stop();
        }
        telegram.close();
    }

    @Test
    void requireEncryptsWithoutVerifyingAsInLibpq() throws Exception {
        String database = postgres.createDatabase("require");
        start("require", env(database, "127.0.0.1", "require", null));
        assertThat(encryptedConnections(database)).as("every connection of the runtime is encrypted").isTrue();
        assertThat(replyArrives(9101)).isTrue();
    }

    @Test
    void verifyFullTrustsTheStorageBackendsCaAndTheNameItGives() throws Exception {
        String database = postgres.createDatabase("verify_full");
        start("verify-full", env(database, TestCertificates.SERVER_NAME, "verify-full", certificates.caPem()));
        assertThat(encryptedConnections(database)).isTrue();
        assertThat(replyArrives(9201)).isTrue();
    }

    @Test
    void verifyCaDoesNotCheckTheNameButVerifyFullDoes() throws Exception {
        String database = postgres.createDatabase("verify_ca");
        // 127.0.0.1 is not a name on the certificate: verify-ca does not look
        start("verify-ca", env(database, "127.0.0.1", "verify-ca", certificates.caPem()));
        assertThat(encryptedConnections(database)).isTrue();
        runtime.stop();

        // verify-full does: Flyway's JDBC connection refuses at startup, and the runtime exits saying why
        runtime = RuntimeProcess.start(Replicas.jar(), "wrong-name", env(database, "127.0.0.1", "verify-full", certificates.caPem()));
        assertThat(runtime.awaitExit(Duration.ofSeconds(90))).isNotZero();
        assertThat(runtime.log()).containsIgnoringCase("hostname");

        // and so does the reactive client, with the schema migrated already and Flyway not running
        Map<String, String> reactiveOnly = env(database, "127.0.0.1", "verify-full", certificates.caPem());
        reactiveOnly.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
        runtime = RuntimeProcess.start(Replicas.jar(), "wrong-name-reactive", reactiveOnly);
        assertNeverReady();
        assertThat(runtime.log()).containsIgnoringCase("127.0.0.1");
    }

    @Test
    void aCertificateFromAnotherCaOrNoCaAtAllIsRefused() throws Exception {
        String database = postgres.createDatabase("other_ca");
        runtime = RuntimeProcess.start(Replicas.jar(), "other-ca", env(database, TestCertificates.SERVER_NAME, "verify-ca", otherCa.caPem()));
        assertThat(runtime.awaitExit(Duration.ofSeconds(90))).as("JDBC refuses a certificate the CA did not sign").isNotZero();
        assertThat(runtime.log()).containsIgnoringCase("certificat");

        runtime = RuntimeProcess.start(Replicas.jar(), "no-ca", env(database, TestCertificates.SERVER_NAME, "verify-full", null));
        assertThat(runtime.awaitExit(Duration.ofSeconds(90))).as("the JVM's trust store does not know a private CA").isNotZero();

        // the reactive client alone: migrate with a good configuration first, then start with the wrong CA
        start("migrate", env(database, TestCertificates.SERVER_NAME, "verify-ca", certificates.caPem()));
        runtime.stop();
        Map<String, String> reactiveOnly = env(database, TestCertificates.SERVER_NAME, "verify-ca", otherCa.caPem());
        reactiveOnly.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
        runtime = RuntimeProcess.start(Replicas.jar(), "other-ca-reactive", reactiveOnly);
        assertNeverReady();
    }

    @Test
    void redisTlsReachesTheRuntimeAndItsSessionsLiveThere() throws Exception {
        RedisServer redis = RedisServer.dedicatedWithTls("tls", certificates);
        try {
            String database = postgres.createDatabase("redis_tls");
            Map<String, String> env = env(database, "localhost", "require", null);
            env.put("PARLEY_SESSIONS", "redis");
            env.put("PARLEY_REDIS_URL", "redis://localhost:" + redis.port());
            env.put("PARLEY_REDIS_PASSWORD", RedisServer.PASSWORD);
            env.put("PARLEY_REDIS_TLS", "true");
            env.put("PARLEY_REDIS_CA_PEM", certificates.caPem());
            start("redis-tls", env);
            // the echo flow keeps each chat's count in its session: two replies in order mean Redis kept it
            assertThat(Replicas.postText(runtime.url(), 1, 9301, "one")).isEqualTo(200);
            assertThat(Replicas.postText(runtime.url(), 2, 9301, "two")).isEqualTo(200);
            await().atMost(Duration.ofSeconds(15)).until(() -> telegram.sentTo("9301").size() == 2);
            assertThat(telegram.textsTo("9301")).containsExactly("#1 you said: one", "#2 you said: two");
            runtime.stop();

            // a plain connection to the TLS-only port gets no answer: without tls the session store fails the turn
            Map<String, String> plain = new HashMap<>(env);
            plain.remove("PARLEY_REDIS_TLS");
            plain.remove("PARLEY_REDIS_CA_PEM");
            start("redis-plain", plain);
            assertThat(Replicas.postText(runtime.url(), 3, 9302, "three")).as("not taken: Telegram delivers it again").isEqualTo(503);
        } finally {
            redis.stop();
        }
    }

    private Map<String, String> env(String database, String host, String sslMode, String caPem) {
        Map<String, String> env = Replicas.env(postgres, database, telegram);
        env.put("PARLEY_DB_HOST", host);
        env.put("PARLEY_DB_SSLMODE", sslMode);
        if (caPem != null) {
            env.put("PARLEY_DB_CA_PEM", caPem);
        }
        return env;
    }

    private void start(String name, Map<String, String> env) throws Exception {
        runtime = RuntimeProcess.start(Replicas.jar(), name, env);
        runtime.awaitReady(Duration.ofSeconds(90));
    }

    private void assertNeverReady() throws Exception {
        await().atMost(Duration.ofSeconds(90)).until(() -> !runtime.isAlive() || status(runtime.url() + "/q/health/live") == 200);
        Thread.sleep(5000); // the pool's connection attempts have failed by now
        assertThat(runtime.isAlive() ? status(runtime.url() + "/q/health/ready") : 503).as("not ready").isEqualTo(503);
    }

    private boolean replyArrives(long chat) throws Exception {
        assertThat(Replicas.postText(runtime.url(), 1, chat, "hello")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> !telegram.sentTo(String.valueOf(chat)).isEmpty());
        return telegram.textsTo(String.valueOf(chat)).contains("#1 you said: hello");
    }

    /** Whether the runtime has connections to {@code database} and every one of them is encrypted. */
    private static boolean encryptedConnections(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD);
                ResultSet row = connection.createStatement().executeQuery("""
                        SELECT count(*) AS connections, count(*) FILTER (WHERE s.ssl) AS encrypted
                        FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
                        WHERE a.datname = '%s' AND a.backend_type = 'client backend'""".formatted(database))) {
            row.next();
            return row.getInt("connections") > 0 && row.getInt("connections") == row.getInt("encrypted");
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
