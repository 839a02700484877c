package dev.parley.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.operator.config.OperatorLeaderElection;
import dev.parley.testing.BotFixtures;
import dev.parley.testing.Chart;
import dev.parley.testing.KubeApiServer;
import dev.parley.testing.OperatorProcess;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Two packaged operators against one API server: only the Lease holder reconciles, and when it is killed the other
 * takes over within the lease duration.
 */
class OperatorLeaderElectionIT {

    private final List<OperatorProcess> operators = new ArrayList<>();

    @AfterEach
    void stopOperators() throws InterruptedException {
        for (OperatorProcess operator : operators) {
            operator.kill();
        }
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
            BotFixtures.applyPrerequisites(admin, namespace);

            operators.add(OperatorProcess.start(jar, config, token, "operator-a"));
            operators.add(OperatorProcess.start(jar, config, token, "operator-b"));

            Lease lease = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> admin.leases().inNamespace(Chart.OPERATOR_NAMESPACE)
                            .withName(OperatorLeaderElection.LEASE_NAME).get(), l -> l != null && l.getSpec().getHolderIdentity() != null);
            String leader = lease.getSpec().getHolderIdentity();
            int leaderIndex = leader.equals("operator-a") ? 0 : 1;
            OperatorProcess leaderProcess = operators.get(leaderIndex);
            OperatorProcess follower = operators.get(1 - leaderIndex);

            apply(admin, namespace, bot("first"));
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.apps().deployments().inNamespace(namespace).withName("first").get() != null);
            assertThat(leaderProcess.reconciles("Bot")).as("leader's reconciles").isPositive();
            assertThat(follower.reconciles("Bot")).as("follower's reconciles").isZero();

            leaderProcess.kill();
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

    private static Bot bot(String name) {
        return Serialization.unmarshal(BotFixtures.telegramBot(name, ""), Bot.class);
    }

    private static void apply(KubernetesClient client, String namespace, io.fabric8.kubernetes.api.model.HasMetadata resource) {
        client.resource(resource).inNamespace(namespace).fieldManager("parley-tests").forceConflicts().serverSideApply();
    }
}
