package dev.parley.runtime.channel.telegram;

import java.time.Duration;

import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.ChannelSender;
import io.smallrye.mutiny.Uni;

/**
 * Sends outbox messages over the Bot API: {@code sendMessage} (buttons as an inline keyboard, one button a row,
 * its id as {@code callback_data}), {@code sendDocument} or {@code sendPhoto} with the text as caption. A message
 * for a slot that a sent message holds is an {@code editMessageText} of that message; when Telegram says it cannot
 * be edited (deleted, too old, not a text message) it is sent anew. Telegram's answer decides what
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
                : message.photoUrl() != null ? client.sendPhoto(chatId, message.photoUrl(), message.text(), message.buttons())
                : client.sendMessage(chatId, message.text(), message.buttons(), message.display());
        return call.map(TelegramSender::outcome)
                .onFailure().recoverWithItem(e -> unreachable(e));
    }

    @Override
    public boolean edits() {
        return true;
    }

    /**
     * Edits a text message into {@code message} when it is plain text; a photo or a document cannot replace a text
     * message, so it is sent anew, as is any message Telegram refuses to edit with a 400.
     */
    @Override
    public Uni<Result> replace(String chatId, String messageId, OutboundMessage message) {
        long id;
        try {
            id = Long.parseLong(messageId);
        } catch (NumberFormatException e) {
            return send(chatId, message);
        }
        if (message.document() != null || message.photoUrl() != null) {
            return send(chatId, message);
        }
        return client.editMessageText(chatId, id, message.text(), message.buttons())
                .flatMap(answer -> {
                    if (answer.status() == 400 && answer.description().contains("message is not modified")) {
                        return Uni.createFrom().<Result>item(new Sent(messageId));
                    }
                    return answer.status() == 400 ? send(chatId, message) : Uni.createFrom().item(outcome(answer));
                })
                .onFailure().recoverWithItem(e -> unreachable(e));
    }

    private static Result unreachable(Throwable e) {
        return new Retry("Telegram not reachable: " + e.getClass().getSimpleName(), null);
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
