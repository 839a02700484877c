package dev.parley.runtime.conversation;

import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Which failures of a message mean "try again later" (the channel delivers it again: 503) and which mean the
 * message cannot be handled at all (a dead letter: recorded, answered 200). Only the first kind is worth a
 * redelivery: the database or Redis cannot be reached, a connection broke, the server is shutting down or out of
 * resources, or a transaction lost a race (a deadlock or serialization failure). Anything else, tried again, would
 * fail again, and hold up every later message of a Telegram bot for a day.
 */
public final class Failures {

    /** SQLSTATE classes and codes that pass: connection, resources, operator intervention, transaction rollback, lock not available. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57", "40");
    private static final Set<String> TRANSIENT_CODES = Set.of("55P03", "58000", "58030");

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                String state = pg.getSqlState() == null ? "" : pg.getSqlState();
                return state.length() == 5 && (TRANSIENT_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_CODES.contains(state));
            }
            String name = t.getClass().getName();
            if (t instanceof ConnectException || t instanceof SocketException || t instanceof ClosedChannelException
                    || t instanceof ClosedConnectionException || t instanceof TimeoutException || name.startsWith("io.netty.")) {
                return true;
            }
            // The pool's "Timeout" waiting for a connection, and Redis's connection failures, come as these.
            if (name.equals("io.vertx.core.impl.NoStackTraceThrowable") || name.startsWith("io.vertx.redis.")
                    || name.equals("io.vertx.core.http.ConnectionPoolTooBusyException")) {
                return true;
            }
        }
        return false;
    }
}
