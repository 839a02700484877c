package dev.parley.runtime.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.PostgresResource;
import dev.parley.testing.KubeApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** The bot's Kubernetes Lease against the real kube-apiserver, job claims against the real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class KubernetesLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(4);

    @Inject
    Pool pool;

    private KubernetesClient clientA;
    private KubernetesClient clientB;
    private KubernetesLease a;
    private KubernetesLease b;

    @AfterEach
    void stop() {
        for (KubernetesLease lease : new KubernetesLease[] {a, b}) {
            if (lease != null) {
                lease.release().await().indefinitely();
            }
        }
        for (KubernetesClient client : new KubernetesClient[] {clientA, clientB}) {
            if (client != null) {
                client.close();
            }
        }
    }

    @Test
    void oneReplicaLeadsAndWhenItDiesTheOtherTakesOverWithALargerTokenAndNoPeriodRunsTwice() {
        KubeApiServer server = KubeApiServer.shared();
        String namespace = "lease-" + System.nanoTime() % 100_000;
        try (KubernetesClient admin = server.adminClient()) {
            admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        }
        clientA = server.adminClient();
        clientB = server.adminClient();
        a = new KubernetesLease(clientA, namespace, "shop-bot-leader", "pod-a", LEASE).start();
        b = new KubernetesLease(clientB, namespace, "shop-bot-leader", "pod-b", LEASE).start();

        await().atMost(Duration.ofSeconds(20)).until(() -> token(a).isPresent() || token(b).isPresent());
        KubernetesLease leader = token(a).isPresent() ? a : b;
        KubernetesLease other = leader == a ? b : a;
        long first = token(leader).orElseThrow();
        assertThat(token(other)).as("the other replica while the first leads").isEmpty();

        CountingJob job = new CountingJob("k8s-counting");
        Clock sameMinute = Clock.fixed(Instant.parse("2026-11-22T10:00:30Z"), ZoneOffset.UTC);
        assertThat(new JobScheduler(pool, leader, List.of(job), sameMinute).tick().await().indefinitely()).containsExactly("k8s-counting");

        // The leader's process dies: its client is gone, nothing renews or releases the Lease.
        (leader == a ? clientA : clientB).close();
        long died = System.nanoTime();

        await().atMost(LEASE.multipliedBy(4)).until(() -> token(other).isPresent());
        System.out.printf("takeover after %.1f s (lease %d s)%n", (System.nanoTime() - died) / 1e9, LEASE.toSeconds());
        assertThat(token(other).orElseThrow()).isGreaterThan(first);
        assertThat(new JobScheduler(pool, other, List.of(job), sameMinute).tick().await().indefinitely())
                .as("the minute the old leader ran").isEmpty();
        assertThat(job.runs).hasValue(1);
    }

    private static Optional<Long> token(KubernetesLease lease) {
        return lease.acquireOrRenew().await().indefinitely();
    }
}
