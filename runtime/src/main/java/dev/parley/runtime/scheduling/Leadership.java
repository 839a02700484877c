package dev.parley.runtime.scheduling;

import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Which replica of a bot runs its scheduled jobs: a Kubernetes Lease in a cluster ({@link KubernetesLease}), a
 * PostgreSQL lease outside one ({@link PostgresLease}).
 */
public interface Leadership {

    String name();

    /**
     * Takes or renews leadership where that is this object's job, and says whether this replica leads: its token
     * (positive, larger for every new leader), or empty.
     */
    Uni<Optional<Long>> acquireOrRenew();

    /**
     * Claims one period of a job in the caller's transaction: true when this replica may run it. Never true twice
     * for one period, whichever replica asks.
     */
    Uni<Boolean> claim(SqlConnection connection, long token, String job, String period);

    /** Gives leadership up on shutdown, so that another replica need not wait for it to expire. */
    Uni<Void> release();
}
