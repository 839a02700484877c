package dev.parley.runtime.channel.telegram;

import java.util.Optional;

import jakarta.inject.Singleton;

import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.config.RuntimeConfig;
import dev.parley.runtime.outbox.ChannelSender;

/** The bot's Telegram channel, when it has one: the Bot API client, the outbox sender and its limits. */
@Singleton
public class TelegramChannel {

    private final Optional<TelegramClient> client;
    private final Optional<TelegramSender> sender;

    public TelegramChannel(BotSettings settings, RuntimeConfig config) {
        RuntimeConfig.Telegram telegram = config.telegram();
        this.client = settings.telegram().map(t -> new TelegramClient(t.apiUrl(), t.token(), telegram.timeout()));
        ChannelSender.Limits limits = new ChannelSender.Limits(telegram.ratePerSecond(), telegram.burst(), telegram.chatSpacing(),
                telegram.groupSpacing());
        this.sender = client.map(c -> new TelegramSender(c, limits));
    }

    public Optional<TelegramClient> client() {
        return client;
    }

    public Optional<TelegramSender> sender() {
        return sender;
    }
}
