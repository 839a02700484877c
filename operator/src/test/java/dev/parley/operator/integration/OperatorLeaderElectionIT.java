package dev.parley.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.operator.config.OperatorLeaderElection;
import dev.parley.testing.Chart;
import dev.parley.testing.KubeApiServer;
import dev.parley.testing.PostgresServer;
import dev.parley.testing.TestServers;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Two packaged operators against one API server: only the Lease holder reconciles, and when it is killed the other
 * takes over within the lease duration.
 */
class OperatorLeaderElectionIT {

    private final List<Process> operators = new ArrayList<>();

    @AfterEach
    void stopOperators() {
        operators.forEach(Process::destroyForcibly);
    }

    @Test
    void onlyTheLeaderReconcilesAndTheOtherTakesOverWhenItDies() throws Exception {
        Path jar = Path.of(System.getProperty("parley.operatorJar", "target/quarkus-app/quarkus-run.jar"));
        assertThat(jar).as("packaged operator").exists();
        KubeApiServer server = KubeApiServer.shared();
        try (KubernetesClient admin = server.adminClient()) {
            Chart.installCrds(admin);
            String token = Chart.installRbacAndGetToken(admin);
            Config config = Config.fromKubeconfig(server.kubeConfigYaml());
            String namespace = "leader-test";
            admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
            apply(admin, namespace, new SecretBuilder().withNewMetadata().withName("tg").endMetadata()
                    .withStringData(Map.of("token", "1:a", "webhook-secret", "s")).build());
            apply(admin, namespace, new SecretBuilder().withNewMetadata().withName("db-app").endMetadata()
                    .withStringData(Map.of("username", PostgresServer.USER, "password", PostgresServer.PASSWORD)).build());
            apply(admin, namespace, Serialization.unmarshal("""
                    apiVersion: parley.dev/v1alpha1
                    kind: StorageBackend
                    metadata: {name: db}
                    spec:
                      postgres: {host: 127.0.0.1, port: %d, database: postgres, sslMode: disable, credentialsSecretRef: {name: db-app}}
                    """.formatted(PostgresServer.shared().port()), dev.parley.api.v1alpha1.storage.StorageBackend.class));

            int portA = freePort();
            int portB = freePort();
            operators.add(start(jar, "operator-a", portA, config, token));
            operators.add(start(jar, "operator-b", portB, config, token));

            Lease lease = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> admin.leases().inNamespace(Chart.OPERATOR_NAMESPACE)
                            .withName(OperatorLeaderElection.LEASE_NAME).get(), l -> l != null && l.getSpec().getHolderIdentity() != null);
            String leader = lease.getSpec().getHolderIdentity();
            int leaderIndex = leader.equals("operator-a") ? 0 : 1;
            int followerPort = leaderIndex == 0 ? portB : portA;
            int leaderPort = leaderIndex == 0 ? portA : portB;

            apply(admin, namespace, bot("first"));
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.apps().deployments().inNamespace(namespace).withName("first").get() != null);
            assertThat(reconciliations(leaderPort)).as("leader's reconciliations").isPositive();
            assertThat(reconciliations(followerPort)).as("follower's reconciliations").isZero();

            operators.get(leaderIndex).destroyForcibly().waitFor();
            long killedAt = System.nanoTime();
            String other = leaderIndex == 0 ? "operator-b" : "operator-a";
            await().atMost(OperatorLeaderElection.LEASE_DURATION.plusSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> other.equals(admin.leases().inNamespace(Chart.OPERATOR_NAMESPACE)
                            .withName(OperatorLeaderElection.LEASE_NAME).get().getSpec().getHolderIdentity()));
            System.out.printf("takeover after %.1f s (lease duration %d s)%n", (System.nanoTime() - killedAt) / 1e9,
                    OperatorLeaderElection.LEASE_DURATION.toSeconds());

            apply(admin, namespace, bot("second"));
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.apps().deployments().inNamespace(namespace).withName("second").get() != null);
        }
    }

    private Process start(Path jar, String identity, int port, Config config, String token) throws IOException {
        Path log = TestServers.workDir("operator").resolve(identity + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PARLEY_OPERATOR_IDENTITY", identity);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", config.getMasterUrl());
        if (config.getCaCertData() != null) {
            env.put("QUARKUS_KUBERNETES_CLIENT_CA_CERT_DATA", config.getCaCertData());
        } else {
            env.put("QUARKUS_KUBERNETES_CLIENT_CA_CERT_FILE", config.getCaCertFile());
        }
        env.put("QUARKUS_KUBERNETES_CLIENT_TOKEN", token);
        env.put("QUARKUS_KUBERNETES_CLIENT_NAMESPACE", Chart.OPERATOR_NAMESPACE);
        env.put("QUARKUS_OPERATOR_SDK_NAMESPACES", "JOSDK_ALL_NAMESPACES");
        return builder.start();
    }

    /** Bot reconciles counted on one operator's /q/metrics. */
    private static double reconciliations(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return response.body().lines()
                .filter(line -> line.startsWith("parley_operator_reconcile_seconds_count{") && line.contains("kind=\"Bot\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static Bot bot(String name) {
        return Serialization.unmarshal("""
                apiVersion: parley.dev/v1alpha1
                kind: Bot
                metadata: {name: %s}
                spec:
                  flow: shop
                  publicUrl: https://bots.example.com
                  channels:
                    telegram:
                      tokenSecretRef: {name: tg, key: token}
                      webhookSecretTokenSecretRef: {name: tg, key: webhook-secret}
                  storageRef: {name: db}
                """.formatted(name), Bot.class);
    }

    private static void apply(KubernetesClient client, String namespace, io.fabric8.kubernetes.api.model.HasMetadata resource) {
        client.resource(resource).inNamespace(namespace).fieldManager("parley-tests").forceConflicts().serverSideApply();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
