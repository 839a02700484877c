package dev.parley.runtime.channel.telegram;

import java.time.Duration;

import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.ChannelSender;
import io.smallrye.mutiny.Uni;

/**
 * Sends outbox messages over the Bot API: {@code sendMessage} (buttons as an inline keyboard, one button a row,
 * its id as {@code callback_data}), or {@code sendDocument} with the text as caption. Telegram's answer decides what
 * the outbox does: {@code ok} is sent (its {@code message_id} kept); a 429 comes back with
 * {@code parameters.retry_after}; other 4xx (a chat that blocked the bot, a chat that does not exist) can never
 * succeed; 5xx and network failures are retried.
 */
public final class TelegramSender implements ChannelSender {

    /** Telegram's documented limits: about 30 messages a second per bot, one a second per chat, 20 a minute per group. */
    public static final Limits LIMITS = new Limits(30, 30, Duration.ofSeconds(1), Duration.ofSeconds(3));

    private final TelegramClient client;
    private final Limits limits;

    public TelegramSender(TelegramClient client, Limits limits) {
        this.client = client;
        this.limits = limits;
    }

    @Override
    public String channel() {
        return TelegramUpdates.CHANNEL;
    }

    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public Uni<Result> send(String chatId, OutboundMessage message) {
        Uni<TelegramClient.Answer> call = message.document() != null
                ? client.sendDocument(chatId, message.document(), message.text(), message.buttons())
                : client.sendMessage(chatId, message.text(), message.buttons(), message.display());
        return call.map(TelegramSender::outcome)
                .onFailure().recoverWithItem(e -> new Retry("Telegram not reachable: " + e.getClass().getSimpleName(), null));
    }

    static Result outcome(TelegramClient.Answer answer) {
        int status = answer.status();
        if (answer.ok()) {
            Object messageId = answer.body().getJsonObject("result", new io.vertx.core.json.JsonObject()).getValue("message_id");
            return new Sent(messageId == null ? null : String.valueOf(messageId));
        }
        if (status == 429) {
            Integer retryAfter = answer.retryAfter();
            return new Retry(answer.description(), retryAfter == null ? null : Duration.ofSeconds(retryAfter));
        }
        if (status >= 400 && status < 500) {
            return new Failed(status + " " + answer.description());
        }
        return new Retry(status + " " + answer.description(), null);
    }
}
