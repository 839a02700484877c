package dev.parley.runtime.catalogwatch;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * The owner of {@code catalog_sync_run} and {@code catalog_sync_failure}: every sync, its summary and the pages it
 * could not read. At most one run is {@code RUNNING} (a unique partial index), so two replicas or an owner's click
 * during the scheduled sync cannot write the catalog at once; a run whose replica died (no heartbeat for
 * {@link #STALE}) is abandoned by the next start.
 */
public final class SyncRuns {

    static final Duration STALE = Duration.ofMinutes(10);

    private SyncRuns() {
    }

    /** A sync could not start: another one is running. */
    public static final class AlreadyRunning extends Exception {
        public AlreadyRunning(long runId) {
            super("a catalog sync is already running (run " + runId + "); try again when it has finished");
        }
    }

    /** One run as the owner API shows it. */
    public record Run(long id, String kind, String trigger, String status, OffsetDateTime startedAt, OffsetDateTime finishedAt,
            int pagesFetched, int unchanged, int added, int updated, int delisted, int failed, String error) {

        /** How long it took, in milliseconds; null while it runs. */
        public Long durationMillis() {
            return finishedAt == null ? null : Duration.between(startedAt, finishedAt).toMillis();
        }
    }

    /** A page a run could not read. */
    public record Failure(String url, String reason) {
    }

    /** What a run did so far. */
    public record Summary(int pagesFetched, int unchanged, int added, int updated, int delisted, int failed) {
    }

    private static final String COLUMNS = "id, kind, trigger, status, started_at, finished_at, pages_fetched, unchanged, added, updated,"
            + " delisted, failed, error";

    /** Starts a run, or fails with {@link AlreadyRunning}. */
    public static Uni<Long> start(Pool pool, String kind, String trigger) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                UPDATE catalog_sync_run SET status = 'ABANDONED', finished_at = now(), error = 'no heartbeat: its replica stopped'
                WHERE status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => $1)""")
                .execute(Tuple.of((double) STALE.toSeconds()))
                .flatMap(ignored -> tx.preparedQuery("INSERT INTO catalog_sync_run (kind, trigger) VALUES ($1, $2) RETURNING id")
                        .execute(Tuple.of(kind, trigger))))
                .map(rows -> rows.iterator().next().getLong(0))
                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .recoverWithUni(e -> pool.query("SELECT id FROM catalog_sync_run WHERE status = 'RUNNING'").execute()
                        .flatMap(rows -> Uni.createFrom().failure(new AlreadyRunning(rows.size() == 0 ? 0 : rows.iterator().next().getLong(0)))));
    }

    public static Uni<Void> heartbeat(SqlClient client, long id, Summary summary) {
        return client.preparedQuery("""
                UPDATE catalog_sync_run SET heartbeat_at = now(), pages_fetched = $2, unchanged = $3, added = $4, updated = $5,
                       delisted = $6, failed = $7 WHERE id = $1""")
                .execute(Tuple.from(List.of(id, summary.pagesFetched(), summary.unchanged(), summary.added(), summary.updated(),
                        summary.delisted(), summary.failed())))
                .replaceWithVoid();
    }

    public static Uni<Void> failed(SqlClient client, long id, String url, String reason) {
        return client.preparedQuery("INSERT INTO catalog_sync_failure (run_id, url, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(id, url, reason.length() > 500 ? reason.substring(0, 500) : reason)).replaceWithVoid();
    }

    /** Ends a run: {@code SUCCEEDED}, or {@code FAILED} with {@code error}. */
    public static Uni<Void> finish(SqlClient client, long id, Summary summary, String error) {
        return heartbeat(client, id, summary).flatMap(ignored -> client.preparedQuery("""
                UPDATE catalog_sync_run SET status = $2, finished_at = now(), error = $3 WHERE id = $1""")
                .execute(Tuple.of(id, error == null ? "SUCCEEDED" : "FAILED", error)).replaceWithVoid());
    }

    public static Uni<List<Run>> newest(SqlClient client, int limit) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM catalog_sync_run ORDER BY id DESC LIMIT $1").execute(Tuple.of(limit))
                .map(rows -> {
                    List<Run> runs = new ArrayList<>();
                    rows.forEach(r -> runs.add(run(r)));
                    return runs;
                });
    }

    public static Uni<Optional<Run>> find(SqlClient client, long id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM catalog_sync_run WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(run(rows.iterator().next())));
    }

    public static Uni<List<Failure>> failures(SqlClient client, long id) {
        return client.preparedQuery("SELECT url, reason FROM catalog_sync_failure WHERE run_id = $1 ORDER BY url").execute(Tuple.of(id))
                .map(rows -> {
                    List<Failure> failures = new ArrayList<>();
                    rows.forEach(r -> failures.add(new Failure(r.getString(0), r.getString(1))));
                    return failures;
                });
    }

    private static Run run(Row r) {
        return new Run(r.getLong("id"), r.getString("kind"), r.getString("trigger"), r.getString("status"), r.getOffsetDateTime("started_at"),
                r.getOffsetDateTime("finished_at"), r.getInteger("pages_fetched"), r.getInteger("unchanged"), r.getInteger("added"),
                r.getInteger("updated"), r.getInteger("delisted"), r.getInteger("failed"), r.getString("error"));
    }
}
