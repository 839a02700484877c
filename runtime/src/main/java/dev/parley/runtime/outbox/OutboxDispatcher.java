package dev.parley.runtime.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.parley.runtime.conversation.OutboundMessage;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Delivers what the router put in the outbox. Each round takes, per chat, the oldest pending message that is due,
 * locks it ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work and never take the same row), sends it and
 * records the outcome in the same transaction. A chat's messages go out in order: a later one waits while an
 * earlier one is pending. A crash between a send and its commit sends that message again after the restart: at
 * least once, and once in normal operation. When a channel says to wait (a 429's {@code retry_after}), the whole
 * channel pauses on every replica ({@code channel_pause}).
 */
public final class OutboxDispatcher {

    /** Attempts before a message that keeps failing transiently is given up as FAILED. */
    static final int MAX_ATTEMPTS = 10;

    private final Pool pool;
    private final Map<String, ChannelSender> senders;

    public OutboxDispatcher(Pool pool, List<ChannelSender> senders) {
        this.pool = pool;
        this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
    }

    /** One round over at most {@code limit} chats; the number of messages sent. */
    public Uni<Integer> deliverDue(int limit) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                SELECT id, channel, chat_id, payload, attempts FROM outbox_message
                WHERE id IN (SELECT min(id) FROM outbox_message WHERE status = 'PENDING' GROUP BY channel, chat_id)
                  AND next_attempt_at <= now()
                  AND NOT EXISTS (SELECT 1 FROM channel_pause p WHERE p.channel = outbox_message.channel AND p.until > now())
                ORDER BY id LIMIT $1
                FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(limit))
                .flatMap(rows -> {
                    List<Row> due = new ArrayList<>();
                    rows.forEach(due::add);
                    return Multi.createFrom().iterable(due)
                            .onItem().transformToUniAndMerge(row -> deliver(connection, row))
                            .collect().asList()
                            .map(sent -> (int) sent.stream().filter(Boolean::booleanValue).count());
                }));
    }

    private Uni<Boolean> deliver(SqlConnection connection, Row row) {
        long id = row.getLong("id");
        ChannelSender sender = senders.get(row.getString("channel"));
        Uni<ChannelSender.Result> result = sender == null
                ? Uni.createFrom().item(new ChannelSender.Failed("no sender for channel " + row.getString("channel")))
                : sender.send(row.getString("chat_id"), row.getJsonObject("payload").mapTo(OutboundMessage.class))
                        .onFailure().recoverWithItem(e -> new ChannelSender.Retry(String.valueOf(e.getMessage()), null));
        int attempts = row.getInteger("attempts") + 1;
        return result.flatMap(outcome -> record(connection, id, attempts, outcome)
                .flatMap(ignored -> outcome instanceof ChannelSender.Retry retry && retry.after() != null
                        ? pause(connection, row.getString("channel"), retry) : Uni.createFrom().voidItem())
                .replaceWith(outcome instanceof ChannelSender.Sent));
    }

    /**
     * The channel asked to wait (a rate limit): nothing more goes out on it, from any replica, until then. The
     * pause is a row, so every replica sees it once this round commits.
     */
    private static Uni<Void> pause(SqlConnection connection, String channel, ChannelSender.Retry retry) {
        return connection.preparedQuery("""
                INSERT INTO channel_pause (channel, until, reason) VALUES ($1, now() + make_interval(secs => $2), $3)
                ON CONFLICT (channel) DO UPDATE SET until = greatest(channel_pause.until, EXCLUDED.until), reason = EXCLUDED.reason""")
                .execute(Tuple.of(channel, retry.after().toMillis() / 1000.0, retry.reason())).replaceWithVoid();
    }

    private static Uni<Void> record(SqlConnection connection, long id, int attempts, ChannelSender.Result outcome) {
        if (outcome instanceof ChannelSender.Sent) {
            return connection.preparedQuery("UPDATE outbox_message SET status = 'SENT', attempts = $2, sent_at = now(), last_error = NULL WHERE id = $1")
                    .execute(Tuple.of(id, attempts)).replaceWithVoid();
        }
        if (outcome instanceof ChannelSender.Retry retry && attempts < MAX_ATTEMPTS) {
            Duration after = retry.after() != null ? retry.after() : backoff(attempts);
            return connection.preparedQuery("""
                    UPDATE outbox_message SET attempts = $2, last_error = $3,
                           next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1""")
                    .execute(Tuple.of(id, attempts, retry.reason(), after.toMillis() / 1000.0)).replaceWithVoid();
        }
        String reason = outcome instanceof ChannelSender.Failed failed ? failed.reason()
                : "gave up after " + attempts + " attempts: " + ((ChannelSender.Retry) outcome).reason();
        return connection.preparedQuery("UPDATE outbox_message SET status = 'FAILED', attempts = $2, last_error = $3 WHERE id = $1")
                .execute(Tuple.of(id, attempts, reason)).replaceWithVoid();
    }

    /** 1 s, 2 s, 4 s ... capped at 5 minutes. */
    static Duration backoff(int attempts) {
        long seconds = Math.min(300, 1L << Math.min(attempts - 1, 9));
        return Duration.ofSeconds(seconds);
    }
}
