package dev.parley.operator.unit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.scaling.ScalingPolicy;
import dev.parley.api.v1alpha1.storage.StorageBackend;
import dev.parley.operator.config.OperatorConfig;
import dev.parley.operator.dependent.BotInputs;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Bots and what they reference, as a user would write them. */
final class Fixtures {

    static final String TELEGRAM_TOKEN = "123456:AAE-very-secret-token";
    static final String DB_PASSWORD = "s3cr3t-db-password";

    static final OperatorConfig CONFIG = new OperatorConfig() {
        @Override
        public String runtimeImage() {
            return "registry.example/parley-runtime:1.2.3";
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

    private Fixtures() {
    }

    static Bot bot(String extraSpec) {
        return Serialization.unmarshal("""
                apiVersion: parley.dev/v1alpha1
                kind: Bot
                metadata: {name: textile-orders, namespace: shop, generation: 3}
                spec:
                  flow: orderAgent
                  publicUrl: https://textile.example.com/
                  channels:
                    telegram:
                      tokenSecretRef: {name: tg, key: token}
                      webhookSecretTokenSecretRef: {name: tg, key: webhook-secret}
                      maxConnections: 40
                  storageRef: {name: db}
                  ownerApiTokenSecretRef: {name: owner-api, key: token}
                  commerce: {currency: INR, taxRatePercent: 5, invoicePrefix: TEX-}
                  paused: false
                """ + extraSpec, Bot.class);
    }

    static StorageBackend storage() {
        return Serialization.unmarshal("""
                apiVersion: parley.dev/v1alpha1
                kind: StorageBackend
                metadata: {name: db, namespace: shop}
                spec:
                  postgres:
                    host: db-rw
                    port: 5432
                    database: app
                    sslMode: require
                    poolSize: 10
                    credentialsSecretRef: {name: db-app}
                  redis:
                    url: redis://cache:6379
                    passwordSecretRef: {name: cache, key: password}
                  sessions: redis
                """, StorageBackend.class);
    }

    static ScalingPolicy policy() {
        return Serialization.unmarshal("""
                apiVersion: parley.dev/v1alpha1
                kind: ScalingPolicy
                metadata: {name: standard, namespace: shop}
                spec:
                  minReplicas: 2
                  maxReplicas: 10
                  targetCPUUtilizationPercent: 70
                  targetInflightUpdatesPerPod: 20
                  scaleUp: {stabilizationWindowSeconds: 0, maxPodsPerPeriod: 4, periodSeconds: 60}
                  scaleDown: {stabilizationWindowSeconds: 300, maxPercentPerPeriod: 50}
                  podDisruptionBudget: {minAvailable: 1}
                """, ScalingPolicy.class);
    }

    static Secret secret(String name, Map<String, String> values) {
        Map<String, String> data = new TreeMap<>();
        values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata().withData(data).build();
    }

    static Map<String, Secret> allSecrets() {
        return Map.of(
                "tg", secret("tg", Map.of("token", TELEGRAM_TOKEN, "webhook-secret", "hook-secret-value")),
                "db-app", secret("db-app", Map.of("username", "textile_app_user", "password", DB_PASSWORD)),
                "cache", secret("cache", Map.of("password", "redis-password-value")),
                "owner-api", secret("owner-api", Map.of("token", "owner-api-token-value")));
    }

    static BotInputs inputs(Bot bot, Optional<ScalingPolicy> policy) {
        return new BotInputs(bot, Optional.of(storage()), policy, allSecrets(), CONFIG);
    }
}
