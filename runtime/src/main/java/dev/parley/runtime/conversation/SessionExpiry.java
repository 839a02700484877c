package dev.parley.runtime.conversation;

import java.time.Duration;
import java.time.Instant;

import java.util.List;

import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.Outbox;
import dev.parley.runtime.scheduling.ScheduledJob;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

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
        return Conversations.endIdle(connection, idle).flatMap(ended -> {
            Uni<Void> told = Uni.createFrom().voidItem();
            for (Conversations.Ended conversation : ended) {
                List<OutboundMessage> messages = flow.expired(conversation.state(), conversation.language());
                told = told.flatMap(ignored -> Outbox.enqueue(connection, conversation.channel(), conversation.chatId(), messages));
            }
            return told;
        });
    }
}
