package dev.parley.runtime.channel.console;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The owner of {@code console_message}: the console channel's transcript, what each chat sent ({@code in}, in the
 * message's own transaction) and was sent ({@code out}, by the outbox), in order: what the console API lists.
 */
public final class ConsoleTranscript {

    private ConsoleTranscript() {
    }

    /** One line as stored: the message's JSON (text, buttons, document) as it was sent or received. */
    public record Line(long id, String direction, JsonObject payload, OffsetDateTime at) {
    }

    /** Records a line; returns its id. */
    static Uni<Long> add(SqlClient client, String chatId, String direction, JsonObject payload) {
        return client.preparedQuery("INSERT INTO console_message (chat_id, direction, payload) VALUES ($1, $2, $3) RETURNING id")
                .execute(Tuple.of(chatId, direction, payload))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    /** The chat's lines after {@code after}, oldest first. */
    public static Uni<List<Line>> after(SqlClient client, String chatId, long after) {
        return client.preparedQuery("SELECT id, direction, payload, at FROM console_message WHERE chat_id = $1 AND id > $2 ORDER BY id")
                .execute(Tuple.of(chatId, after))
                .map(rows -> {
                    List<Line> lines = new ArrayList<>();
                    rows.forEach(row -> lines.add(new Line(row.getLong("id"), row.getString("direction"), row.getJsonObject("payload"),
                            row.getOffsetDateTime("at"))));
                    return lines;
                });
    }
}
