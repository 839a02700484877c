package dev.parley.seams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.storage.StorageBackend;
import dev.parley.operator.config.OperatorConfig;
import dev.parley.operator.dependent.BotDeployment;
import dev.parley.operator.dependent.BotInputs;
import dev.parley.runtime.config.StoreTls;
import dev.parley.testing.BotFixtures;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The other half of the seam: a StorageBackend's TLS as the operator's {@link BotDeployment} passes it in the
 * runtime's environment, read by the runtime's own {@link StoreTls}. A variable renamed on one side only fails here.
 */
class StorageEnvironmentContractTest {

    private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    private static final OperatorConfig CONFIG = new OperatorConfig() {
        @Override
        public String runtimeImage() {
            return "registry.example/parley-runtime:0.1.0";
        }

        @Override
        public String runtimeCpuRequest() {
            return "250m";
        }

        @Override
        public String runtimeMemory() {
            return "384Mi";
        }

        @Override
        public Optional<String> runtimeImagePullPolicy() {
            return Optional.empty();
        }
    };

    @Test
    void verifyFullWithACaAndRedisOverTlsReachTheRuntimesClients() {
        Map<String, String> settings = runtimeSettings("""
                  postgres:
                    host: db-rw
                    database: app
                    sslMode: verify-full
                    caSecretRef: {name: db-ca, key: ca.crt}
                    credentialsSecretRef: {name: db-app}
                  redis:
                    url: redis://cache:6379
                    tls: true
                    caSecretRef: {name: cache-ca, key: ca.crt}
                """);

        assertThat(settings).containsEntry("quarkus.datasource.reactive.trust-certificate-pem", "true")
                .containsEntry("quarkus.datasource.reactive.trust-certificate-pem.certs", "/written/postgres-ca.pem")
                .containsEntry("quarkus.datasource.jdbc.additional-jdbc-properties.sslrootcert", "/written/postgres-ca.pem")
                .containsEntry("quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS")
                .containsEntry("quarkus.redis.hosts", "rediss://cache:6379")
                .containsEntry("quarkus.tls.parley-redis.trust-store.pem.certs", "/written/redis-ca.pem");
    }

    @Test
    void requireWithoutTlsForRedisEncryptsPostgresOnly() {
        Map<String, String> settings = runtimeSettings("""
                  postgres: {host: db-rw, database: app, sslMode: require, credentialsSecretRef: {name: db-app}}
                  redis: {url: 'redis://cache:6379'}
                """);

        assertThat(settings).isEqualTo(Map.of("quarkus.datasource.reactive.trust-all", "true"));
    }

    /** The Deployment the operator makes for a Bot on this StorageBackend, its environment resolved, read by the runtime. */
    private static Map<String, String> runtimeSettings(String storageSpec) {
        StorageBackend storage = Serialization.unmarshal("""
                apiVersion: parley.dev/v1alpha1
                kind: StorageBackend
                metadata: {name: db, namespace: shop}
                spec:
                """ + storageSpec, StorageBackend.class);
        Bot bot = Serialization.unmarshal(BotFixtures.telegramBot("tls", ""), Bot.class);
        bot.getMetadata().setNamespace("shop");
        bot.getSpec().getStorageRef().setName("db");
        Map<String, Secret> secrets = new HashMap<>();
        secrets.put("db-app", secret("db-app", Map.of("username", "app", "password", "pw")));
        secrets.put("db-ca", secret("db-ca", Map.of("ca.crt", CA)));
        secrets.put("cache-ca", secret("cache-ca", Map.of("ca.crt", CA)));
        secrets.put("tg", secret("tg", Map.of("token", "123:abc", "webhook-secret", "hook")));

        Map<String, String> env = new HashMap<>();
        for (EnvVar variable : BotDeployment.desired(new BotInputs(bot, Optional.of(storage), Optional.empty(), secrets, CONFIG))
                .getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            if (variable.getValue() != null) {
                env.put(variable.getName(), variable.getValue());
            } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                env.put(variable.getName(), secrets.get(ref.getName()).getStringData().get(ref.getKey()));
            }
        }
        return StoreTls.settings(StoreTls.Environment.read(env::get), name -> Path.of("/written", name));
    }

    private static Secret secret(String name, Map<String, String> data) {
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata().withStringData(data).build();
    }
}
