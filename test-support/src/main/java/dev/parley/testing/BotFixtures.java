package dev.parley.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * What a Bot in the operator's tests and benchmark stands on, and a Bot that uses it, as a user would write them.
 * YAML rather than the API types: this module is built before the API's.
 */
public final class BotFixtures {

    private BotFixtures() {
    }

    /**
     * Applies (server-side) the Secrets {@code tg} (Telegram token and webhook secret) and {@code db-app}, the
     * StorageBackend {@code db} on the shared test PostgreSQL, and the ScalingPolicy {@code standard} (2 to 5).
     */
    public static void applyPrerequisites(KubernetesClient client, String namespace) {
        apply(client, namespace, new SecretBuilder().withNewMetadata().withName("tg").endMetadata()
                .withStringData(Map.of("token", "123:abc", "webhook-secret", "hook")).build());
        apply(client, namespace, new SecretBuilder().withNewMetadata().withName("db-app").endMetadata()
                .withStringData(Map.of("username", PostgresServer.USER, "password", PostgresServer.PASSWORD)).build());
        for (HasMetadata resource : client.load(new ByteArrayInputStream("""
                apiVersion: parley.dev/v1alpha1
                kind: StorageBackend
                metadata: {name: db}
                spec:
                  postgres: {host: 127.0.0.1, port: %d, database: postgres, sslMode: disable, credentialsSecretRef: {name: db-app}}
                ---
                apiVersion: parley.dev/v1alpha1
                kind: ScalingPolicy
                metadata: {name: standard}
                spec: {minReplicas: 2, maxReplicas: 5}
                """.formatted(PostgresServer.shared().port()).getBytes(StandardCharsets.UTF_8))).items()) {
            apply(client, namespace, resource);
        }
    }

    /**
     * A Bot on Telegram using the StorageBackend {@code db}; {@code extraSpec} lines, indented by two spaces (such
     * as {@code "  scalingPolicyRef: {name: standard}\n"}), are added to its spec.
     */
    public static String telegramBot(String name, String extraSpec) {
        return """
                apiVersion: parley.dev/v1alpha1
                kind: Bot
                metadata: {name: %s}
                spec:
                  flow: orderAgent
                  publicUrl: https://bots.example.com
                  channels:
                    telegram:
                      tokenSecretRef: {name: tg, key: token}
                      webhookSecretTokenSecretRef: {name: tg, key: webhook-secret}
                  storageRef: {name: db}
                """.formatted(name) + extraSpec;
    }

    private static void apply(KubernetesClient client, String namespace, HasMetadata resource) {
        client.resource(resource).inNamespace(namespace).fieldManager("parley-tests").forceConflicts().serverSideApply();
    }
}
