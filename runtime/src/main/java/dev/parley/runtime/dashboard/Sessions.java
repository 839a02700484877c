package dev.parley.runtime.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Which dashboard sessions are open ({@code dashboard_session}): the signed cookie proves who issued it, this table
 * says whether it still counts. Any replica reads it, so signing out on one ends the session on all of them. The
 * dashboard's only table: what the owner does through it is written by the commerce services.
 */
@ApplicationScoped
public class Sessions {

    private final Pool pool;

    public Sessions(Pool pool) {
        this.pool = pool;
    }

    /** Records a new session, and forgets those that have expired. */
    Uni<Void> record(SessionCookie.Session session) {
        return pool.withTransaction(connection -> connection.preparedQuery("DELETE FROM dashboard_session WHERE expires_at < now()").execute()
                .flatMap(ignored -> connection.preparedQuery("INSERT INTO dashboard_session (nonce, expires_at) VALUES ($1, $2)")
                        .execute(Tuple.of(session.nonce(), OffsetDateTime.ofInstant(session.expires(), ZoneOffset.UTC)))))
                .replaceWithVoid();
    }

    /** Whether the session is open: recorded, not signed out, not expired. */
    Uni<Boolean> isOpen(String nonce, Instant now) {
        return pool.preparedQuery("SELECT 1 FROM dashboard_session WHERE nonce = $1 AND expires_at > $2")
                .execute(Tuple.of(nonce, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .map(rows -> rows.size() == 1);
    }

    /** Signs one session out. */
    Uni<Void> close(String nonce) {
        return pool.preparedQuery("DELETE FROM dashboard_session WHERE nonce = $1").execute(Tuple.of(nonce)).replaceWithVoid();
    }

    /** Signs every session out, on every device: how many there were. */
    Uni<Integer> closeAll() {
        return pool.preparedQuery("DELETE FROM dashboard_session").execute().map(rows -> rows.rowCount());
    }
}
