package dev.parley.runtime.channel.console;

import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.ChannelSender;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** "Sends" a console reply by adding it to the chat's transcript, where {@code GET .../messages} shows it. */
public final class ConsoleSender implements ChannelSender {

    public static final String CHANNEL = "console";

    private final Pool pool;

    public ConsoleSender(Pool pool) {
        this.pool = pool;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Uni<Result> send(String chatId, OutboundMessage message) {
        return ConsoleTranscript.add(pool, chatId, "out", message.toJson()).map(id -> (Result) new Sent(String.valueOf(id)));
    }
}
