package dev.parley.runtime.webhook;

import java.util.List;

import dev.parley.runtime.commerce.order.OrderEventSink;
import dev.parley.runtime.config.WebhookSettings;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Puts every order event in the outbox once per webhook subscriber, in the transaction that writes the event: a
 * subscriber is a chat of the {@link #CHANNEL} channel, so the outbox's dispatcher delivers its events one at a time
 * and in order, retries with its backoff (1 s, 2 s, 4 s ... up to 5 minutes, ten attempts) and keeps what it gave up on
 * as FAILED, on whichever replica takes them. The message names the event's row ({@link WebhookSender} reads the
 * event, with its stream id, when it sends).
 */
public final class Webhooks implements OrderEventSink {

    /** The outbox channel of webhook deliveries; the chat is the subscriber's name. */
    public static final String CHANNEL = "webhook";

    private final WebhookSettings settings;

    public Webhooks(WebhookSettings settings) {
        this.settings = settings;
    }

    @Override
    public Uni<Void> recorded(SqlConnection tx, long eventRowId) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (WebhookSettings.Subscriber subscriber : settings.subscribers()) {
            all = all.flatMap(ignored -> Outbox.enqueue(tx, CHANNEL, subscriber.name(), List.of(OutboundMessage.text(Long.toString(eventRowId)))));
        }
        return all;
    }
}
