package dev.parley.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.api.v1alpha1.storage.StorageBackend;
import dev.parley.testing.KubeApiServer;
import dev.parley.testing.PostgresServer;
import dev.parley.testing.RedisServer;
import dev.parley.testing.TestCertificates;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The operator connects to real PostgreSQL and Redis servers to say whether a StorageBackend is reachable. */
@QuarkusTest
@QuarkusTestResource(KubeApiServerResource.class)
class StorageBackendCheckTest {

    private static final Duration CHECKED = Duration.ofSeconds(60);

    private static KubernetesClient client;
    private static String namespace;

    @BeforeAll
    static void createNamespace() {
        client = KubeApiServer.shared().adminClient();
        namespace = "storage-" + UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void reachableServersReportTheirVersions() {
        secret("pg", Map.of("username", PostgresServer.USER, "password", PostgresServer.PASSWORD));
        secret("cache", Map.of("password", RedisServer.PASSWORD));
        storage("both", "pg", """
                  redis:
                    url: %s
                    passwordSecretRef: {name: cache, key: password}
                """.formatted(RedisServer.shared().url()));

        await().atMost(CHECKED).untilAsserted(() -> {
            StorageBackend sb = get("both");
            assertThat(reachable(sb).getStatus()).isEqualTo("True");
            assertThat(sb.getStatus().getPostgresVersion()).startsWith("17.");
            assertThat(sb.getStatus().getRedisVersion()).matches("\\d+\\.\\d+\\.\\d+");
            assertThat(sb.getStatus().getObservedGeneration()).isEqualTo(sb.getMetadata().getGeneration());
        });
    }

    @Test
    void wrongCredentialsAreReportedAndFixingTheSecretRecovers() {
        // The embedded server trusts local connections whatever the password, so the wrong credential is the user.
        secret("bad-pg", Map.of("username", "nobody", "password", "wrong-password-value"));
        storage("wrong-password", "bad-pg", "");

        await().atMost(CHECKED).untilAsserted(() -> {
            Condition condition = reachable(get("wrong-password"));
            assertThat(condition.getStatus()).isEqualTo("False");
            assertThat(condition.getReason()).isEqualTo("ConnectionFailed");
            assertThat(condition.getMessage()).contains("role \"nobody\" does not exist").doesNotContain("wrong-password-value");
        });

        secret("bad-pg", Map.of("username", PostgresServer.USER, "password", PostgresServer.PASSWORD));

        await().atMost(CHECKED).untilAsserted(() -> assertThat(reachable(get("wrong-password")).getStatus()).isEqualTo("True"));
    }

    @Test
    void aMissingSecretAndADeadRedisAreNamed() {
        storage("no-secret", "does-not-exist", "  redis: {url: 'redis://127.0.0.1:1'}\n");

        await().atMost(CHECKED).untilAsserted(() -> {
            Condition condition = reachable(get("no-secret"));
            assertThat(condition.getStatus()).isEqualTo("False");
            assertThat(condition.getMessage()).contains("Secret does-not-exist not found", "Redis 127.0.0.1:1");
        });
    }

    @Test
    void tlsServersWithAPrivateCaAreVerifiedAgainstTheCaTheStorageBackendNames() {
        TestCertificates certificates = TestCertificates.make("operator");
        PostgresServer postgres = PostgresServer.dedicatedWithTls("operator-tls", certificates);
        RedisServer redis = RedisServer.dedicatedWithTls("operator-tls", certificates);
        try {
            secret("pg", Map.of("username", PostgresServer.USER, "password", PostgresServer.PASSWORD));
            secret("cache", Map.of("password", RedisServer.PASSWORD));
            secret("store-ca", Map.of("ca.crt", certificates.caPem()));
            String spec = """
                    apiVersion: parley.dev/v1alpha1
                    kind: StorageBackend
                    metadata: {name: %s}
                    spec:
                      postgres: {host: %s, port: %d, database: postgres, sslMode: %s, credentialsSecretRef: {name: pg}%s}
                      redis: {url: 'redis://localhost:%d', tls: true, passwordSecretRef: {name: cache, key: password}%s}
                    """;
            String ca = ", caSecretRef: {name: store-ca, key: ca.crt}";
            apply(spec.formatted("tls-verified", "localhost", postgres.port(), "verify-full", ca, redis.port(), ca));
            // the certificate names localhost only: verify-full refuses 127.0.0.1; and without the CA nothing verifies
            apply(spec.formatted("tls-wrong-name", "127.0.0.1", postgres.port(), "verify-full", ca, redis.port(), ca));
            apply(spec.formatted("tls-no-ca", "localhost", postgres.port(), "verify-ca", "", redis.port(), ""));
            apply(spec.formatted("tls-ca-missing", "localhost", postgres.port(), "verify-ca",
                    ", caSecretRef: {name: store-ca, key: other.crt}", redis.port(), ""));

            await().atMost(CHECKED).untilAsserted(() -> {
                assertThat(reachable(get("tls-verified")).getStatus()).as(reachable(get("tls-verified")).getMessage()).isEqualTo("True");
                assertThat(reachable(get("tls-wrong-name")).getMessage()).contains("PostgreSQL 127.0.0.1").containsIgnoringCase("hostname")
                        .doesNotContain("Redis");
                assertThat(reachable(get("tls-no-ca")).getMessage()).contains("PostgreSQL localhost", "Redis localhost");
                assertThat(reachable(get("tls-ca-missing")).getMessage()).contains("Secret store-ca with key 'other.crt'");
            });
        } finally {
            postgres.stop();
            redis.stop();
        }
    }

    private static void apply(String yaml) {
        client.resource(Serialization.unmarshal(yaml, StorageBackend.class)).inNamespace(namespace)
                .fieldManager("parley-tests").forceConflicts().serverSideApply();
    }

    private static void secret(String name, Map<String, String> values) {
        client.resource(new SecretBuilder().withNewMetadata().withName(name).endMetadata().withStringData(values).build())
                .inNamespace(namespace).fieldManager("parley-tests").forceConflicts().serverSideApply();
    }

    private static void storage(String name, String secret, String extraSpec) {
        StorageBackend sb = Serialization.unmarshal("""
                apiVersion: parley.dev/v1alpha1
                kind: StorageBackend
                metadata: {name: %s}
                spec:
                  postgres: {host: 127.0.0.1, port: %d, database: postgres, sslMode: disable, credentialsSecretRef: {name: %s}}
                """.formatted(name, PostgresServer.shared().port(), secret) + extraSpec, StorageBackend.class);
        client.resource(sb).inNamespace(namespace).fieldManager("parley-tests").forceConflicts().serverSideApply();
    }

    private static StorageBackend get(String name) {
        return client.resources(StorageBackend.class).inNamespace(namespace).withName(name).get();
    }

    private static Condition reachable(StorageBackend sb) {
        assertThat(sb.getStatus()).as("status").isNotNull();
        return sb.getStatus().getConditions().stream().filter(c -> StorageBackend.REACHABLE.equals(c.getType())).findFirst().orElseThrow();
    }
}
