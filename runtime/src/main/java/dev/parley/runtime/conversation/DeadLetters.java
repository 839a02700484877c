package dev.parley.runtime.conversation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.message.Messages;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The owner of {@code dead_letter}: messages the runtime could not handle for a reason other than the database being
 * unavailable. Each is recorded with the reason, and its customer is told politely, in one transaction of its own,
 * so that the webhook can answer 200 and the channel does not deliver it again for days (Telegram) or a week
 * (WhatsApp) while the chat's later messages wait behind it. A redelivery is handled afresh; one that fails again finds
 * its record and is neither recorded nor answered twice.
 */
public final class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Messages SAY = new Messages("runtime");
    /** A reason is for a person to read; a stack of causes can be long. */
    private static final int MAX_REASON = 2000;

    private DeadLetters() {
    }

    /** A message that could not be handled, as the owner API shows it. */
    public record DeadLetter(long id, String channel, String updateId, String chatId, JsonObject content, String reason,
            OffsetDateTime at) {
    }

    /**
     * Records the message and queues the customer's apology; true when it was new, false for a redelivery. Fails
     * only when the database cannot take it, and then the channel should deliver the message again.
     */
    public static Uni<Boolean> record(Pool pool, InboundMessage message, Throwable failure) {
        String reason = reason(failure);
        JsonObject content = message.text() != null ? new JsonObject().put("text", message.text())
                : new JsonObject().put("button", message.buttonId());
        return pool.withTransaction(tx -> tx.preparedQuery("""
                INSERT INTO dead_letter (channel, external_id, chat_id, content, reason) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT ON CONSTRAINT dead_letter_once DO NOTHING RETURNING id""")
                .execute(Tuple.of(message.channel(), message.updateId(), message.chatId(), content, reason))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    LOG.errorf(failure, "update %s of %s chat %s could not be handled; recorded as dead letter %d and the customer told",
                            message.updateId(), message.channel(), message.chatId(), rows.iterator().next().getLong("id"));
                    return Customers.contact(tx, message.channel(), message.chatId())
                            .map(contact -> Messages.language(contact.language() != null ? contact.language() : message.sender().language()))
                            .flatMap(language -> Outbox.enqueue(tx, message.channel(), message.chatId(),
                                    List.of(OutboundMessage.text(SAY.get(language, "unreadable")))))
                            .replaceWith(true);
                }));
    }

    /** The newest dead letters first, at most {@code limit}. */
    public static Uni<List<DeadLetter>> newest(Pool pool, int limit) {
        return pool.preparedQuery("SELECT id, channel, external_id, chat_id, content, reason, at FROM dead_letter ORDER BY id DESC LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<DeadLetter> letters = new ArrayList<>();
                    rows.forEach(row -> letters.add(new DeadLetter(row.getLong("id"), row.getString("channel"), row.getString("external_id"),
                            row.getString("chat_id"), row.getJsonObject("content"), row.getString("reason"), row.getOffsetDateTime("at"))));
                    return letters;
                });
    }

    /** The failure and its causes, one line each: what an owner or an engineer reads first. */
    static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = failure; t != null && reason.length() < MAX_REASON; t = t.getCause() == t ? null : t.getCause()) {
            if (reason.length() > 0) {
                reason.append("\ncaused by: ");
            }
            reason.append(t.getClass().getName());
            if (t.getMessage() != null) {
                reason.append(": ").append(t.getMessage());
            }
        }
        String text = reason.toString().replace('\u0000', ' ');
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text;
    }
}
