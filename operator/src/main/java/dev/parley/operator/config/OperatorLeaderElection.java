package dev.parley.operator.config;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkus.runtime.Quarkus;

/**
 * Several operator replicas are safe: they compete for this Lease in the operator's own namespace (the chart's
 * leader-election Role), and only the holder reconciles; when it stops, another takes over within the lease
 * duration. Each replica needs its own identity: the chart passes the pod name. Active in the prod profile, where
 * the SDK looks for this bean; {@code @QuarkusTest}s run a single instance.
 */
@Singleton
public class OperatorLeaderElection extends LeaderElectionConfiguration {

    public static final String LEASE_NAME = "parley-operator-leader";
    public static final Duration LEASE_DURATION = Duration.ofSeconds(15);

    public OperatorLeaderElection() {
        super(LEASE_NAME, null, LEASE_DURATION, Duration.ofSeconds(10), Duration.ofSeconds(2), identity(),
                new LeaderCallbacks(() -> { }, OperatorLeaderElection::exitAfterLosingTheLease, leader -> { }), false);
    }

    /**
     * A replica that lost the Lease exits so that Kubernetes restarts it as a follower. Not with System.exit, which
     * blocks forever when leadership ends because the application is already shutting down (SIGTERM).
     */
    private static void exitAfterLosingTheLease() {
        Quarkus.asyncExit(1);
    }

    private static String identity() {
        return Optional.ofNullable(System.getenv("PARLEY_OPERATOR_IDENTITY")).filter(s -> !s.isBlank())
                .orElseGet(() -> "parley-operator-" + UUID.randomUUID());
    }
}
