package dev.parley.runtime.scheduling;

import java.time.Instant;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** A job the leader runs once per period. */
public interface ScheduledJob {

    /** Unique among jobs; the key of its runs in {@code job_run}. */
    String name();

    /** The period that {@code now} falls in, as a key: the job runs once per distinct key. */
    String period(Instant now);

    /** The job's work, in the transaction that claimed the period: it commits only if the claim does. */
    Uni<Void> run(SqlConnection connection);
}
