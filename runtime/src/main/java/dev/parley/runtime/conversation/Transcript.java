package dev.parley.runtime.conversation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A chat's conversation over a stretch of time, on any channel: what the customer said, as the intake recorded it
 * with the delivery ({@code inbound_update.text}/{@code button_id}, V42), and what the bot wrote to them (the
 * outbox), in the order it happened. A button press is shown by the label it had in the message that offered it.
 * The owner's dashboard reads it to show an order's conversation.
 */
public final class Transcript {

    /** How many lines of each side a transcript holds at most. */
    public static final int LIMIT = 300;

    /**
     * One line: the customer's ({@code customer}) or the bot's; its text (for a button press, the button's label in
     * brackets); a document's file name, if one was sent; when; and for the bot's, whether it has gone out.
     */
    public record Line(boolean customer, String text, String document, Instant at, String status) {
    }

    private Transcript() {
    }

    /** The chat's lines from {@code from} to {@code to}, oldest first. */
    public static Uni<List<Line>> between(SqlClient client, String channel, String chatId, Instant from, Instant to) {
        Uni<List<Said>> said = client.preparedQuery("""
                SELECT text, button_id, received_at FROM inbound_update
                 WHERE channel = $1 AND chat_id = $2 AND received_at >= $3 AND received_at <= $4
                   AND (text IS NOT NULL OR button_id IS NOT NULL) ORDER BY id LIMIT $5""")
                .execute(Tuple.of(channel, chatId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), LIMIT))
                .map(rows -> {
                    List<Said> lines = new ArrayList<>();
                    rows.forEach(row -> lines.add(new Said(row.getString("text"), row.getString("button_id"),
                            row.getOffsetDateTime("received_at").toInstant())));
                    return lines;
                });
        return said.flatMap(customer -> Outbox.writtenTo(client, channel, chatId, from, to, LIMIT).map(bot -> merge(customer, bot)));
    }

    /** What the customer said: a text, or a button's id. */
    record Said(String text, String buttonId, Instant at) {
    }

    /**
     * Both sides in time order (the customer's first at the same instant: the bot answers what it was told), a button
     * press by the label of the latest button with its id that the bot wrote before it.
     */
    static List<Line> merge(List<Said> customer, List<Outbox.Written> bot) {
        record Timed(Instant at, int side, int index) {
        }
        List<Timed> order = new ArrayList<>();
        for (int i = 0; i < customer.size(); i++) {
            order.add(new Timed(customer.get(i).at(), 0, i));
        }
        for (int i = 0; i < bot.size(); i++) {
            order.add(new Timed(bot.get(i).at(), 1, i));
        }
        order.sort(Comparator.comparing(Timed::at).thenComparingInt(Timed::side).thenComparingInt(Timed::index));
        Map<String, String> labels = new HashMap<>();
        List<Line> lines = new ArrayList<>(order.size());
        for (Timed timed : order) {
            if (timed.side() == 0) {
                Said said = customer.get(timed.index());
                String text = said.text() != null ? said.text() : "[" + labels.getOrDefault(said.buttonId(), said.buttonId()) + "]";
                lines.add(new Line(true, text, null, said.at(), null));
            } else {
                Outbox.Written written = bot.get(timed.index());
                OutboundMessage message = written.message();
                if (message.buttons() != null) {
                    message.buttons().forEach(button -> labels.put(button.id(), button.label()));
                }
                lines.add(new Line(false, message.text() == null ? "" : message.text(), written.documentName(), written.at(), written.status()));
            }
        }
        return lines;
    }
}
