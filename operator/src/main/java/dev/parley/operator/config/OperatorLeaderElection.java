package dev.parley.operator.config;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;

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
        super(LEASE_NAME, null, LEASE_DURATION, Duration.ofSeconds(10), Duration.ofSeconds(2), identity(), null, true);
    }

    private static String identity() {
        return Optional.ofNullable(System.getenv("PARLEY_OPERATOR_IDENTITY")).filter(s -> !s.isBlank())
                .orElseGet(() -> "parley-operator-" + UUID.randomUUID());
    }
}
