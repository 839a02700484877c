package dev.parley.runtime.conversation;

import java.time.Duration;
import java.time.Instant;

import java.util.List;

import dev.parley.runtime.conversation.Flow;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import dev.parley.runtime.scheduling.ScheduledJob;

/**
 * Ends conversations idle for longer than the configured time: the chat's next message starts afresh in the
 * flow's initial state, and the customer is told what the flow says about an unfinished conversation
 * ({@link Flow#expired}), in the same transaction. Runs once per {@code every}.
 */
public final class SessionExpiry implements ScheduledJob {

    private final Duration idle;
    private final Duration every;
    private final Flow flow;

    public SessionExpiry(Duration idle, Duration every, Flow flow) {
        if (idle.isNegative() || idle.isZero() || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("session expiry needs positive durations, got idle " + idle + " every " + every);
        }
        this.idle = idle;
        this.every = every;
        this.flow = flow;
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
        return connection.preparedQuery("""
                WITH gone AS (
                    DELETE FROM conversation WHERE updated_at < now() - make_interval(secs => $1)
                    RETURNING channel, chat_id, flow_state)
                SELECT gone.channel, gone.chat_id, gone.flow_state, customer.language
                FROM gone LEFT JOIN customer USING (channel, chat_id)""")
                .execute(Tuple.of(idle.toMillis() / 1000.0))
                .flatMap(rows -> {
                    Uni<Void> told = Uni.createFrom().voidItem();
                    for (Row row : rows) {
                        List<OutboundMessage> messages = flow.expired(row.getString("flow_state"), row.getString("language"));
                        told = told.flatMap(ignored -> Outbox.enqueue(connection, row.getString("channel"), row.getString("chat_id"), messages));
                    }
                    return told;
                });
    }
}
