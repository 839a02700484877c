package dev.parley.runtime.scheduling;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The record that makes a scheduled job run once per period: a row per (job, period) in {@code job_run}, inserted
 * only while the fencing token is the lease's current one.
 */
public final class JobRuns {

    private JobRuns() {
    }

    /**
     * Claims one period of a job inside the caller's transaction. True when this leader may run it: its token is
     * still the lease's current one and the lease has not expired, and nobody has run this period. The job's own
     * writes go in the same transaction, so a refused claim writes nothing. The lease row stays share-locked
     * until that transaction ends: another replica cannot take the lease while this one is running a job.
     */
    static Uni<Boolean> claim(SqlConnection connection, String lease, long fencingToken, String job, String period) {
        return connection.preparedQuery("""
                INSERT INTO job_run (job, period, fencing_token)
                SELECT $1, $2, $3
                WHERE EXISTS (SELECT 1 FROM leader_lease
                              WHERE name = $4 AND fencing_token = $3 AND expires_at > now()
                              FOR SHARE)
                ON CONFLICT (job, period) DO NOTHING""")
                .execute(Tuple.of(job, period, fencingToken, lease))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Claims one period of a job by its unique key alone, for leadership held outside the database (a Kubernetes
     * Lease): two leaders can never both run a period, though the database cannot check who leads.
     */
    static Uni<Boolean> claimOnce(SqlConnection connection, long token, String job, String period) {
        return connection.preparedQuery("""
                INSERT INTO job_run (job, period, fencing_token) VALUES ($1, $2, $3)
                ON CONFLICT (job, period) DO NOTHING""")
                .execute(Tuple.of(job, period, token))
                .map(rows -> rows.rowCount() == 1);
    }
}
