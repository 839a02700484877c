package dev.parley.runtime.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.parley.runtime.message.OutboundMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Delivers what the router put in the outbox. Each round takes, per chat, the oldest pending message that is due,
 * locks it ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work and never take the same row), sends it and
 * records the outcome in the same transaction. It only takes messages of the channels it has senders for: a replica
 * without a channel (an older version during a rollout) leaves them to the others. A crash between a send and its
 * commit sends that message again after the restart: at least once, and once in normal operation.
 *
 * <p>A round walks each open channel's pending messages in id order and stops when it has enough, so it costs what
 * it sends, not the size of the backlog. The chat's head is a scalar subquery on purpose: written as NOT EXISTS, the
 * planner may make it an anti-join, which on a table without statistics yet was probed by channel alone and took
 * seconds per round.
 *
 * <p>Limits hold across replicas because their state is in PostgreSQL:
 * <ul>
 * <li>a chat's messages go out in order, one at a time: a later one waits while an earlier one is pending;</li>
 * <li>a chat is not sent to again within its channel's spacing (Telegram: 1 s, 3 s for a group), measured from the
 * recorded {@code sent_at} of its last message;</li>
 * <li>each channel has a token bucket ({@code channel_rate}): a round takes tokens for what it is about to send in a
 * short transaction of its own, and leaves the rest for a later round;</li>
 * <li>when a channel says to wait (a 429's {@code retry_after}), nothing goes out on it until then
 * ({@code channel_pause}).</li>
 * </ul>
 */
public final class OutboxDispatcher {

    /** Attempts before a message that keeps failing transiently is given up as FAILED. */
    static final int MAX_ATTEMPTS = 10;

    /** What one round did: messages sent, and messages due that waited for a rate limit's tokens. */
    public record Round(int sent, int deferred) {
    }

    private final Pool pool;
    private final Map<String, ChannelSender> senders;
    private final String[] channels;
    private final Double[] chatSpacing;
    private final Double[] groupSpacing;
    private final MeterRegistry registry;
    private final Counter rateLimited;

    public OutboxDispatcher(Pool pool, List<ChannelSender> senders, MeterRegistry registry) {
        this.pool = pool;
        this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        this.channels = senders.stream().map(ChannelSender::channel).toArray(String[]::new);
        this.chatSpacing = senders.stream().map(s -> seconds(s.limits().chatSpacing())).toArray(Double[]::new);
        this.groupSpacing = senders.stream().map(s -> seconds(s.limits().groupSpacing())).toArray(Double[]::new);
        this.registry = registry;
        this.rateLimited = Counter.builder("parley.outbox.rate.limited")
                .description("Messages that were due but waited for the channel's rate limit").register(registry);
    }

    /** One round over at most {@code limit} chats. */
    public Uni<Round> deliverDue(int limit) {
        return pool.withTransaction(connection -> Outbox.due(connection, limit, channels, chatSpacing, groupSpacing)
                .flatMap(rows -> {
                    Map<String, List<Row>> byChannel = new LinkedHashMap<>();
                    rows.forEach(row -> byChannel.computeIfAbsent(row.getString("channel"), c -> new ArrayList<>()).add(row));
                    return Multi.createFrom().iterable(byChannel.entrySet())
                            .onItem().transformToUniAndMerge(e -> deliverWithinLimit(connection, e.getKey(), e.getValue()))
                            .collect().asList()
                            .map(rounds -> rounds.stream().reduce(new Round(0, 0), (a, b) -> new Round(a.sent() + b.sent(), a.deferred() + b.deferred())));
                }));
    }

    private Uni<Round> deliverWithinLimit(SqlConnection connection, String channel, List<Row> due) {
        ChannelSender sender = senders.get(channel);
        Uni<Integer> granted = sender.limits().bucket()
                ? takeTokens(channel, sender.limits(), due.size()) : Uni.createFrom().item(due.size());
        return granted.flatMap(tokens -> {
            int deferred = due.size() - tokens;
            rateLimited.increment(deferred);
            return Multi.createFrom().iterable(due.subList(0, tokens))
                    .onItem().transformToUniAndMerge(row -> deliver(connection, row))
                    .collect().asList()
                    .map(sent -> new Round((int) sent.stream().filter(Boolean::booleanValue).count(), deferred));
        });
    }

    /**
     * Takes up to {@code wanted} whole tokens from the channel's bucket, in a transaction of its own that commits
     * at once: the bucket row is locked only for that moment, never while sending.
     */
    private Uni<Integer> takeTokens(String channel, ChannelSender.Limits limits, int wanted) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                INSERT INTO channel_rate (channel, tokens, refilled_at) VALUES ($1, $2, clock_timestamp())
                ON CONFLICT (channel) DO NOTHING""").execute(Tuple.of(channel, (double) limits.burst()))
                .flatMap(ignored -> tx.preparedQuery("""
                        WITH current AS (
                            SELECT channel, least($2::float8, tokens + extract(epoch FROM clock_timestamp() - refilled_at) * $3::float8) AS available
                            FROM channel_rate WHERE channel = $1 FOR UPDATE)
                        UPDATE channel_rate r SET tokens = c.available - least($4::int, floor(c.available)), refilled_at = clock_timestamp()
                        FROM current c WHERE r.channel = c.channel
                        RETURNING least($4::int, floor(c.available))::int AS granted""")
                        .execute(Tuple.of(channel, (double) limits.burst(), limits.perSecond(), wanted)))
                .map(rows -> rows.iterator().next().getInteger("granted")));
    }

    private Uni<Boolean> deliver(SqlConnection connection, Row row) {
        long id = row.getLong("id");
        String channel = row.getString("channel");
        ChannelSender sender = senders.get(channel);
        String chatId = row.getString("chat_id");
        OutboundMessage message = OutboundMessage.fromJson(row.getJsonObject("payload"));
        boolean slotted = message.slot() != null && sender.edits();
        Uni<ChannelSender.Result> result = (slotted && !message.slot().fresh()
                ? slotHolder(connection, channel, chatId, message.slot().name()).flatMap(holder -> holder == null
                        ? sender.send(chatId, message) : sender.replace(chatId, holder, message))
                : sender.send(chatId, message))
                .onFailure().recoverWithItem(e -> new ChannelSender.Retry(String.valueOf(e.getMessage()), null));
        int attempts = row.getInteger("attempts") + 1;
        return result.call(outcome -> slotted && outcome instanceof ChannelSender.Sent sent
                        ? holdSlot(connection, channel, chatId, message, sent.messageId()) : Uni.createFrom().voidItem())
                .flatMap(outcome -> record(connection, id, attempts, outcome)
                .invoke(status -> registry.counter("parley.outbox.sends", "channel", channel, "status", status).increment())
                .flatMap(ignored -> outcome instanceof ChannelSender.Retry retry && retry.after() != null
                        ? pause(connection, channel, retry) : Uni.createFrom().voidItem())
                .replaceWith(outcome instanceof ChannelSender.Sent));
    }

    /** The channel's id of the message that holds the chat's slot, or null when none does. */
    private static Uni<String> slotHolder(SqlConnection connection, String channel, String chatId, String slot) {
        return connection.preparedQuery("SELECT channel_message_id FROM outbox_slot WHERE channel = $1 AND chat_id = $2 AND slot = $3")
                .execute(Tuple.of(channel, chatId, slot))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("channel_message_id"));
    }

    /**
     * Records which message holds the slot now. Only a plain text message can be edited into the next screen (a
     * photo or a document cannot become text), so after one of those the slot is free and the next message for it
     * is sent anew.
     */
    private static Uni<Void> holdSlot(SqlConnection connection, String channel, String chatId, OutboundMessage message, String messageId) {
        if (messageId == null || message.document() != null || message.photoUrl() != null) {
            return connection.preparedQuery("DELETE FROM outbox_slot WHERE channel = $1 AND chat_id = $2 AND slot = $3")
                    .execute(Tuple.of(channel, chatId, message.slot().name())).replaceWithVoid();
        }
        return connection.preparedQuery("""
                INSERT INTO outbox_slot (channel, chat_id, slot, channel_message_id) VALUES ($1, $2, $3, $4)
                ON CONFLICT (channel, chat_id, slot) DO UPDATE SET channel_message_id = EXCLUDED.channel_message_id, updated_at = now()""")
                .execute(Tuple.of(channel, chatId, message.slot().name(), messageId)).replaceWithVoid();
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

    /** Records the outcome; returns the status for the send counter: sent, retry or failed. */
    private static Uni<String> record(SqlConnection connection, long id, int attempts, ChannelSender.Result outcome) {
        if (outcome instanceof ChannelSender.Sent sent) {
            return Outbox.markSent(connection, id, attempts, sent.messageId()).replaceWith("sent");
        }
        if (outcome instanceof ChannelSender.Retry retry && attempts < MAX_ATTEMPTS) {
            Duration after = retry.after() != null ? retry.after() : backoff(attempts);
            return Outbox.retryLater(connection, id, attempts, retry.reason(), after).replaceWith("retry");
        }
        String reason = outcome instanceof ChannelSender.Failed failed ? failed.reason()
                : "gave up after " + attempts + " attempts: " + ((ChannelSender.Retry) outcome).reason();
        return Outbox.markFailed(connection, id, attempts, reason).replaceWith("failed");
    }

    /** 1 s, 2 s, 4 s ... capped at 5 minutes. */
    static Duration backoff(int attempts) {
        long seconds = Math.min(300, 1L << Math.min(attempts - 1, 9));
        return Duration.ofSeconds(seconds);
    }

    private static Double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
