package dev.parley.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.config.StoreTls.Environment;

/**
 * The StorageBackend's TLS as Quarkus settings. That the settings do what they say against a real server with a
 * private CA is {@code replicas/StoreTlsIT}'s part.
 */
class StoreTlsTest {

    private final List<String> written = new ArrayList<>();

    private Map<String, String> settings(String sslMode, String caPem) {
        return StoreTls.settings(new Environment(sslMode, caPem, null, false, null), this::write);
    }

    private Path write(String name) {
        written.add(name);
        return Path.of("/tmp/parley-tls", name);
    }

    @Test
    void modesThatDoNotVerifyTrustTheServersCertificate() {
        for (String mode : new String[] {"require", "prefer", "allow", "REQUIRE"}) {
            assertThat(settings(mode, null)).as(mode).isEqualTo(Map.of(StoreTls.TRUST_ALL, "true"));
        }
        assertThat(settings("disable", null)).isEmpty();
        assertThat(settings(null, null)).as("no sslmode: the runtime's default, disable").isEmpty();
    }

    @Test
    void verifyingModesTrustTheStorageBackendsCaAndOnlyVerifyFullChecksTheName() {
        Map<String, String> ca = settings("verify-ca", "-----BEGIN CERTIFICATE-----");
        assertThat(ca).containsEntry(StoreTls.TRUST_PEM, "true")
                .containsEntry(StoreTls.TRUST_PEM_CERTS, "/tmp/parley-tls/postgres-ca.pem")
                .containsEntry(StoreTls.JDBC_ROOT_CERT, "/tmp/parley-tls/postgres-ca.pem")
                .containsEntry(StoreTls.HOSTNAME_VERIFICATION, "NONE")
                .doesNotContainKey(StoreTls.TRUST_ALL);
        assertThat(settings("verify-full", "-----BEGIN CERTIFICATE-----"))
                .containsEntry(StoreTls.HOSTNAME_VERIFICATION, "HTTPS")
                .containsEntry(StoreTls.JDBC_ROOT_CERT, "/tmp/parley-tls/postgres-ca.pem");
        assertThat(written).containsOnly("postgres-ca.pem");
    }

    @Test
    void verifyingWithoutACaUsesTheJvmsTrustStoreForJdbcToo() {
        assertThat(settings("verify-full", null))
                .containsEntry(StoreTls.JDBC_SSL_FACTORY, "org.postgresql.ssl.DefaultJavaSSLFactory")
                .doesNotContainKeys(StoreTls.TRUST_PEM, StoreTls.JDBC_ROOT_CERT, StoreTls.TRUST_ALL);
        assertThat(written).isEmpty();
    }

    @Test
    void redisTlsMakesTheUrlRedissAndTrustsItsCa() {
        Map<String, String> tls = StoreTls.settings(new Environment("disable", null, "redis://cache:6379/1", true,
                "-----BEGIN CERTIFICATE-----"), this::write);
        assertThat(tls).containsEntry(StoreTls.REDIS_HOSTS, "rediss://cache:6379/1")
                .containsEntry(StoreTls.REDIS_TLS_CONFIGURATION, "parley-redis")
                .containsEntry(StoreTls.REDIS_TLS_CERTS, "/tmp/parley-tls/redis-ca.pem")
                .containsEntry(StoreTls.REDIS_HOSTNAME_VERIFICATION, "HTTPS");
        assertThat(StoreTls.settings(new Environment("disable", null, "redis://cache:6379", false, null), this::write))
                .as("plain Redis").isEmpty();
        assertThat(StoreTls.settings(new Environment("disable", null, "rediss://cache:6379", false, null), this::write))
                .as("rediss:// without a CA: the JVM's").containsEntry(StoreTls.REDIS_HOSTS, "rediss://cache:6379")
                .containsEntry(StoreTls.REDIS_HOSTNAME_VERIFICATION, "HTTPS").doesNotContainKey(StoreTls.REDIS_TLS_CERTS);
    }

    @Test
    void quarkusEnvironmentNamesAreTheOnesItReads() {
        assertThat(StoreTls.environmentName(StoreTls.TRUST_ALL)).isEqualTo("QUARKUS_DATASOURCE_REACTIVE_TRUST_ALL");
    }
}
