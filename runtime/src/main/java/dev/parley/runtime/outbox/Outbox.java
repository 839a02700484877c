package dev.parley.runtime.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.parley.runtime.message.OutboundMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The owner of {@code outbox_message}. Messages are written in the caller's transaction: they are delivered only if
 * it commits, and then in the order written (the router writes a turn's replies here; approval writes the customer's
 * invoice). The dispatcher takes the due ones, and records what each send did; a channel records the delivery
 * statuses it reports later.
 */
public final class Outbox {

    private Outbox() {
    }

    /** One message into the outbox; the runtime-intake benchmark runs this statement too. */
    public static final String ENQUEUE = "INSERT INTO outbox_message (channel, chat_id, payload) VALUES ($1, $2, $3)";

    /**
     * Per chat the oldest pending message that is due, on the channels ($2) that are not paused, up to $1: each
     * channel's pending messages in id order, so that the walk stops at the limit.
     */
    static final String DUE = """
        WITH limits (channel, chat_spacing, group_spacing) AS (SELECT * FROM unnest($2::text[], $3::float8[], $4::float8[])),
             open AS (SELECT * FROM limits l
                      WHERE NOT EXISTS (SELECT 1 FROM channel_pause p WHERE p.channel = l.channel AND p.until > now()))
        SELECT m.id, m.channel, m.chat_id, m.payload, m.attempts
        FROM open l CROSS JOIN LATERAL (
            SELECT m.* FROM outbox_message m
            WHERE m.status = 'PENDING' AND m.channel = l.channel
              AND m.next_attempt_at <= now()
              AND m.id = (SELECT min(head.id) FROM outbox_message head
                          WHERE head.status = 'PENDING' AND head.channel = m.channel AND head.chat_id = m.chat_id)
              AND NOT EXISTS (SELECT 1 FROM outbox_message s
                              WHERE s.status = 'SENT' AND s.channel = m.channel AND s.chat_id = m.chat_id
                                AND s.sent_at > clock_timestamp() - make_interval(secs =>
                                    CASE WHEN m.chat_id LIKE '-%' THEN l.group_spacing ELSE l.chat_spacing END))
            ORDER BY m.id LIMIT $1
            FOR UPDATE OF m SKIP LOCKED) m
        ORDER BY m.id LIMIT $1""";

    /**
     * Records a delivery status, moving forward only: sent, then delivered, then read. Failed ranks with read: it
     * replaces sent or delivered, never read, and nothing replaces it. A status that arrives late (delivered after
     * read; WhatsApp does not promise the order) matches no row and changes nothing, as does one of an unknown wamid.
     */
    static final String RECORD_STATUS = """
            UPDATE outbox_message
               SET delivery_status = $2::text, delivery_status_at = $3,
                   last_error = CASE WHEN $2::text = 'failed' THEN $4 ELSE last_error END
             WHERE channel = $5 AND channel_message_id = $1
               AND CASE $2::text WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 3 END
                 > CASE delivery_status WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 3 ELSE 0 END""";

    /**
     * The channel of a customer the bot has no chat with (an order from another system that named only the customer):
     * what would be said to them is not written, since no sender could ever deliver it.
     */
    public static final String NO_CHAT = "none";

    public static Uni<Void> enqueue(SqlConnection tx, String channel, String chatId, List<OutboundMessage> messages) {
        if (messages.isEmpty() || NO_CHAT.equals(channel)) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(messages.size());
        for (OutboundMessage message : messages) {
            rows.add(Tuple.of(channel, chatId, message.toJson()));
        }
        return tx.preparedQuery(ENQUEUE).executeBatch(rows).replaceWithVoid();
    }

    /**
     * A message written to a chat: its text and buttons, the name of the document it carried (null for none), when it
     * was written, and whether it has gone out.
     */
    public record Written(OutboundMessage message, String documentName, Instant at, String status) {
    }

    /**
     * What was written to a chat between {@code from} and {@code to}, oldest first, at most {@code limit} messages
     * (a conversation's bot side, {@code conversation.Transcript}); the times are indexed by a BRIN index (V42). A
     * document is read by its name only: its content (an invoice's PDF) stays in the database.
     */
    public static Uni<List<Written>> writtenTo(SqlClient client, String channel, String chatId, Instant from, Instant to, int limit) {
        return client.preparedQuery("""
                SELECT payload - 'document' AS payload, payload->'document'->>'fileName' AS document, created_at, status FROM outbox_message
                 WHERE channel = $1 AND chat_id = $2 AND created_at >= $3 AND created_at <= $4 ORDER BY id LIMIT $5""")
                .execute(Tuple.of(channel, chatId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), limit))
                .map(rows -> {
                    List<Written> written = new ArrayList<>();
                    rows.forEach(row -> written.add(new Written(OutboundMessage.fromJson(row.getJsonObject("payload")), row.getString("document"),
                            row.getOffsetDateTime("created_at").toInstant(), row.getString("status"))));
                    return written;
                });
    }

    /** The round's messages, locked until its transaction ends (see {@link #DUE}). */
    static Uni<RowSet<Row>> due(SqlConnection connection, int limit, String[] channels, Double[] chatSpacing, Double[] groupSpacing) {
        return connection.preparedQuery(DUE).execute(Tuple.of(limit, channels, chatSpacing, groupSpacing));
    }

    static Uni<Void> markSent(SqlConnection connection, long id, int attempts, String channelMessageId) {
        return connection.preparedQuery("""
                UPDATE outbox_message SET status = 'SENT', attempts = $2, sent_at = clock_timestamp(), last_error = NULL,
                       channel_message_id = $3 WHERE id = $1""")
                .execute(Tuple.of(id, attempts, channelMessageId)).replaceWithVoid();
    }

    static Uni<Void> retryLater(SqlConnection connection, long id, int attempts, String reason, Duration after) {
        return connection.preparedQuery("""
                UPDATE outbox_message SET attempts = $2, last_error = $3,
                       next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1""")
                .execute(Tuple.of(id, attempts, reason, after.toMillis() / 1000.0)).replaceWithVoid();
    }

    static Uni<Void> markFailed(SqlConnection connection, long id, int attempts, String reason) {
        return connection.preparedQuery("UPDATE outbox_message SET status = 'FAILED', attempts = $2, last_error = $3 WHERE id = $1")
                .execute(Tuple.of(id, attempts, reason)).replaceWithVoid();
    }

    /** How many messages wait to be sent, on every channel. */
    static Uni<Long> backlog(SqlClient client) {
        return client.query("SELECT count(*) FROM outbox_message WHERE status = 'PENDING'").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** What a channel said became of a message it had accepted: sent, delivered, read or failed (with the error). */
    public record DeliveryStatus(String channelMessageId, String status, Instant at, String error) {
    }

    /** Records delivery statuses of {@code channel}'s messages, each moving forward only (see {@link #RECORD_STATUS}). */
    public static Uni<Void> recordDeliveryStatuses(SqlConnection connection, String channel, List<DeliveryStatus> statuses) {
        List<Tuple> rows = statuses.stream()
                .map(s -> Tuple.of(s.channelMessageId(), s.status(), s.at().atOffset(ZoneOffset.UTC), s.error(), channel))
                .toList();
        return connection.preparedQuery(RECORD_STATUS).executeBatch(rows).replaceWithVoid();
    }

    /**
     * How delivery goes for each chat of {@code channel} (a webhook subscriber is a chat of the webhook channel): messages
     * waiting, the attempts and last error of the oldest one waiting, and how many were given up as FAILED.
     */
    public record ChatHealth(String chatId, long pending, int headAttempts, String headError, long failed) {
    }

    public static Uni<List<ChatHealth>> health(SqlClient client, String channel) {
        return client.preparedQuery("""
                SELECT chat_id,
                       count(*) FILTER (WHERE status = 'PENDING') AS pending,
                       count(*) FILTER (WHERE status = 'FAILED') AS failed,
                       (array_agg(attempts ORDER BY id) FILTER (WHERE status = 'PENDING'))[1] AS head_attempts,
                       (array_agg(last_error ORDER BY id) FILTER (WHERE status = 'PENDING'))[1] AS head_error
                FROM outbox_message WHERE channel = $1 AND status <> 'SENT' GROUP BY chat_id""")
                .execute(Tuple.of(channel))
                .map(rows -> {
                    List<ChatHealth> health = new ArrayList<>();
                    rows.forEach(row -> health.add(new ChatHealth(row.getString("chat_id"), row.getLong("pending"),
                            row.getInteger("head_attempts") == null ? 0 : row.getInteger("head_attempts"), row.getString("head_error"),
                            row.getLong("failed"))));
                    return health;
                });
    }
}
