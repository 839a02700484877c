package dev.parley.runtime.scheduling;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Leader election outside Kubernetes: a row per lease in {@code leader_lease}, taken and renewed by one atomic
 * upsert on the database's clock (replicas' clocks never matter). Every new holder gets a larger fencing token;
 * whatever the leader writes on the strength of its leadership checks that token in the same statement
 * ({@link JobRuns#claim}), so a leader that paused past its lease and wakes up late is refused.
 */
public final class PostgresLease implements Leadership {

    private final Pool pool;
    private final String name;
    private final String holder;
    private final Duration duration;

    /**
     * @param holder   this process: unique per start (a restarted process is a new holder with a new token)
     * @param duration how long a leader that stops renewing keeps the lease
     */
    public PostgresLease(Pool pool, String name, String holder, Duration duration) {
        this.pool = pool;
        this.name = name;
        this.holder = holder;
        this.duration = duration;
    }

    /**
     * Takes the lease if it is free or expired, renews it if this holder has it. The fencing token while this
     * process leads, or empty while another does.
     */
    @Override
    public Uni<Optional<Long>> acquireOrRenew() {
        return pool.preparedQuery("""
                INSERT INTO leader_lease (name, holder, fencing_token, expires_at)
                VALUES ($1, $2, 1, now() + make_interval(secs => $3))
                ON CONFLICT (name) DO UPDATE SET
                    fencing_token = CASE WHEN leader_lease.holder = EXCLUDED.holder
                                         THEN leader_lease.fencing_token ELSE leader_lease.fencing_token + 1 END,
                    holder = EXCLUDED.holder,
                    expires_at = EXCLUDED.expires_at
                WHERE leader_lease.holder = EXCLUDED.holder OR leader_lease.expires_at < now()
                RETURNING fencing_token""")
                .execute(Tuple.of(name, holder, duration.toMillis() / 1000.0))
                .map(rows -> rows.rowCount() == 0 ? Optional.<Long>empty() : Optional.of(rows.iterator().next().getLong(0)));
    }

    /** Fenced: refused unless {@code token} is still the lease's current one (see {@link JobRuns#claim}). */
    @Override
    public Uni<Boolean> claim(SqlConnection connection, long token, String job, String period) {
        return JobRuns.claim(connection, name, token, job, period);
    }

    @Override
    public Uni<Void> release() {
        return pool.preparedQuery("UPDATE leader_lease SET expires_at = now() WHERE name = $1 AND holder = $2")
                .execute(Tuple.of(name, holder)).replaceWithVoid();
    }

    @Override
    public String name() {
        return name;
    }
}
