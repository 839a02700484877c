package dev.parley.runtime.scheduling;

import java.time.Duration;
import java.time.Instant;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Ends conversations idle for longer than the configured time: the chat's next message starts afresh in the
 * flow's initial state. Runs once per {@code every}.
 */
public final class SessionExpiry implements ScheduledJob {

    private final Duration idle;
    private final Duration every;

    public SessionExpiry(Duration idle, Duration every) {
        if (idle.isNegative() || idle.isZero() || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("session expiry needs positive durations, got idle " + idle + " every " + every);
        }
        this.idle = idle;
        this.every = every;
    }

    @Override
    public String name() {
        return "session-expiry";
    }

    @Override
    public String period(Instant now) {
        return Instant.ofEpochSecond(now.getEpochSecond() / every.toSeconds() * every.toSeconds()).toString();
    }

    @Override
    public Uni<Void> run(SqlConnection connection) {
        return connection.preparedQuery("DELETE FROM conversation WHERE updated_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of(idle.toMillis() / 1000.0))
                .replaceWithVoid();
    }
}
