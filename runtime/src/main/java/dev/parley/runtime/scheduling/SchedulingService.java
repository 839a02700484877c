package dev.parley.runtime.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.parley.runtime.config.RuntimeConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Ticks this replica's {@link JobScheduler} on a timer: every replica competes for leadership (the bot's Kubernetes
 * Lease when {@code PARLEY_LEASE_NAME} is set, else a PostgreSQL lease), the leader runs the jobs. Leadership is visible as the {@code parley_scheduler_leader} gauge (1 on the leader).
 */
@Singleton
public class SchedulingService {

    private static final Logger LOG = Logger.getLogger(SchedulingService.class);

    private final JobScheduler scheduler;
    private final Vertx vertx;
    private final Duration tick;
    private final boolean enabled;
    private long timer = -1;
    private volatile boolean wasLeader;

    public SchedulingService(Pool pool, Vertx vertx, MeterRegistry registry, Instance<KubernetesClient> kubernetes,
            Instance<ScheduledJob> registered, RuntimeConfig config) {
        Duration tick = config.scheduling().tick();
        Duration leaseDuration = config.scheduling().leaseDuration();
        Optional<String> kubernetesLease = config.kubernetesLease().filter(s -> !s.isBlank());
        Optional<String> namespace = config.bot().namespace().filter(s -> !s.isBlank());
        if (leaseDuration.compareTo(tick.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("parley.scheduling.lease-duration (" + leaseDuration
                    + ") must be at least twice parley.scheduling.tick (" + tick + ") so that a leader renews in time");
        }
        String holder = config.podName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Leadership leadership;
        if (kubernetesLease.isPresent()) {
            leadership = new KubernetesLease(kubernetes.get(), namespace.orElseThrow(() -> new IllegalStateException(
                    "PARLEY_LEASE_NAME is set but PARLEY_BOT_NAMESPACE is not: the Lease's namespace is needed")),
                    kubernetesLease.get(), holder, leaseDuration);
        } else {
            leadership = new PostgresLease(pool, "scheduler", holder, leaseDuration);
        }
        List<ScheduledJob> jobs = registered.stream().filter(ScheduledJob::enabled)
                .sorted(Comparator.comparing(ScheduledJob::name)).toList();
        this.scheduler = new JobScheduler(pool, leadership, jobs, Clock.systemUTC());
        this.vertx = vertx;
        this.tick = tick;
        this.enabled = config.scheduling().enabled();
        Gauge.builder("parley.scheduler.leader", scheduler, s -> s.isLeader() ? 1 : 0)
                .description("1 while this replica holds the bot's scheduling lease and runs its jobs")
                .strongReference(true)
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            if (scheduler.lease() instanceof KubernetesLease lease) {
                lease.start();
            }
            timer = vertx.setPeriodic(0, tick.toMillis(), id -> tick());
        }
    }

    private void tick() {
        scheduler.tick().subscribe().with(ran -> {
            if (scheduler.isLeader() != wasLeader) {
                wasLeader = scheduler.isLeader();
                LOG.infof("scheduling lease %s: %s (fencing token %d)", scheduler.lease().name(),
                        wasLeader ? "this replica leads" : "another replica leads", scheduler.fencingToken());
            }
            if (!ran.isEmpty()) {
                LOG.infof("ran scheduled jobs %s", ran);
            }
        }, failure -> LOG.warnf("scheduling tick failed, retrying next tick: %s", failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            scheduler.lease().release().await().atMost(Duration.ofSeconds(5));
        }
    }
}
