package dev.parley.runtime.scheduling;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Leadership in a cluster: the bot's own Lease (the operator names it in {@code PARLEY_LEASE_NAME} and grants the
 * runtime just that), run by fabric8's leader elector, which judges expiry by its own clock from when it last saw
 * the record change, as client-go does. The token is the Lease's transition count plus one, larger for every new
 * leader. Job periods are claimed by their unique key in PostgreSQL.
 */
public final class KubernetesLease implements Leadership {

    private static final Logger LOG = Logger.getLogger(KubernetesLease.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final AtomicLong token = new AtomicLong(0);
    private final LeaderElector elector;
    private CompletableFuture<?> running;

    public KubernetesLease(KubernetesClient client, String namespace, String name, String holder, Duration duration) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        LeaderElectionConfig config = new LeaderElectionConfig(new LeaseLock(namespace, name, holder), duration,
                duration.multipliedBy(2).dividedBy(3), duration.dividedBy(5),
                new LeaderCallbacks(this::startedLeading, this::stoppedLeading, leader -> { }), true, name);
        this.elector = new LeaderElector(client, config, Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "lease-" + name);
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** Starts competing; the elector renews in the background until {@link #release()}. */
    public synchronized KubernetesLease start() {
        if (running == null) {
            running = elector.start();
        }
        return this;
    }

    private void startedLeading() {
        Lease lease = client.leases().inNamespace(namespace).withName(name).get();
        Integer transitions = lease == null || lease.getSpec().getLeaseTransitions() == null ? 0 : lease.getSpec().getLeaseTransitions();
        token.set(transitions + 1L);
        LOG.infof("leading: Lease %s/%s (token %d)", namespace, name, token.get());
    }

    private void stoppedLeading() {
        token.set(0);
        LOG.infof("no longer leading: Lease %s/%s", namespace, name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Uni<Optional<Long>> acquireOrRenew() {
        long current = token.get();
        return Uni.createFrom().item(current > 0 ? Optional.of(current) : Optional.empty());
    }

    @Override
    public Uni<Boolean> claim(SqlConnection connection, long token, String job, String period) {
        return JobRuns.claimOnce(connection, token, job, period);
    }

    /** Stops competing; a leader hands the Lease back at once. */
    @Override
    public synchronized Uni<Void> release() {
        if (running != null) {
            running.cancel(true);
            running = null;
        }
        return Uni.createFrom().voidItem();
    }
}
