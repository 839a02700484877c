package dev.parley.runtime.scheduling;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * One replica's part in scheduling: on every tick it takes or renews the lease and, while it leads, runs each job
 * whose current period nobody has run yet. Any number of replicas tick; the lease picks the one that runs jobs
 * and {@code job_run} makes each period run at most once, even across a change of leader.
 */
public final class JobScheduler {

    private final Pool pool;
    private final Leadership lease;
    private final List<ScheduledJob> jobs;
    private final Clock clock;
    private final AtomicLong fencingToken = new AtomicLong(0);

    public JobScheduler(Pool pool, Leadership lease, List<ScheduledJob> jobs, Clock clock) {
        this.pool = pool;
        this.lease = lease;
        this.jobs = List.copyOf(jobs);
        this.clock = clock;
    }

    /** One round: the names of the jobs this replica ran (empty when it does not lead or nothing was due). */
    public Uni<List<String>> tick() {
        return lease.acquireOrRenew().flatMap(token -> {
            fencingToken.set(token.orElse(0L));
            if (token.isEmpty()) {
                return Uni.createFrom().item(List.<String>of());
            }
            return Multi.createFrom().iterable(jobs)
                    .onItem().transformToUniAndConcatenate(job -> runIfDue(job, token.get()))
                    .collect().asList()
                    .map(ran -> ran.stream().flatMap(Optional::stream).toList());
        });
    }

    private Uni<Optional<String>> runIfDue(ScheduledJob job, long token) {
        String period = job.period(clock.instant());
        return pool.withTransaction(connection -> lease.claim(connection, token, job.name(), period)
                .flatMap(claimed -> claimed
                        ? job.run(connection).replaceWith(Optional.of(job.name()))
                        : Uni.createFrom().item(Optional.<String>empty())));
    }

    /** Whether the last tick found this replica leading. */
    public boolean isLeader() {
        return fencingToken.get() > 0;
    }

    /** The fencing token of the last tick, 0 when not leading. */
    public long fencingToken() {
        return fencingToken.get();
    }

    public Leadership lease() {
        return lease;
    }
}
