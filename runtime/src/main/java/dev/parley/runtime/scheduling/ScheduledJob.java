package dev.parley.runtime.scheduling;

import java.time.Instant;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A job the leader runs once per period. Jobs register themselves: every CDI bean of this type is scheduled
 * ({@link SchedulingService}), so the scheduler knows no feature.
 */
public interface ScheduledJob {

    /** Unique among jobs; the key of its runs in {@code job_run}. */
    String name();

    /** The period that {@code now} falls in, as a key: the job runs once per distinct key. */
    String period(Instant now);

    /** The job's work, in the transaction that claimed the period: it commits only if the claim does. */
    Uni<Void> run(SqlConnection connection);

    /**
     * Whether this bot has the job's feature at all (a bot without Telegram registers no Telegram webhook); the
     * scheduler leaves out a job that says no.
     */
    default boolean enabled() {
        return true;
    }
}
