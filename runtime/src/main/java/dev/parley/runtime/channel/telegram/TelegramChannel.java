package dev.parley.runtime.channel.telegram;

import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.outbox.ChannelSender;

/** The bot's Telegram channel, when it has one: the Bot API client, the outbox sender and its limits. */
@Singleton
public class TelegramChannel {

    private final Optional<TelegramClient> client;
    private final Optional<TelegramSender> sender;
    private final Optional<WebhookRegistration> registration;

    public TelegramChannel(BotSettings settings,
            @ConfigProperty(name = "parley.telegram.timeout", defaultValue = "10s") Duration timeout,
            @ConfigProperty(name = "parley.telegram.rate-per-second", defaultValue = "30") double perSecond,
            @ConfigProperty(name = "parley.telegram.burst", defaultValue = "30") int burst,
            @ConfigProperty(name = "parley.telegram.chat-spacing", defaultValue = "1s") Duration chatSpacing,
            @ConfigProperty(name = "parley.telegram.group-spacing", defaultValue = "3s") Duration groupSpacing) {
        this.client = settings.telegram().map(t -> new TelegramClient(t.apiUrl(), t.token(), timeout));
        ChannelSender.Limits limits = new ChannelSender.Limits(perSecond, burst, chatSpacing, groupSpacing);
        this.sender = client.map(c -> new TelegramSender(c, limits));
        this.registration = settings.telegram().flatMap(t -> client.map(c -> new WebhookRegistration(c,
                settings.webhookUrl(TelegramUpdates.CHANNEL), t.webhookSecret(), t.maxConnections())));
    }

    public Optional<TelegramClient> client() {
        return client;
    }

    public Optional<TelegramSender> sender() {
        return sender;
    }

    /** The leader's job that registers and checks the webhook. */
    public Optional<WebhookRegistration> registration() {
        return registration;
    }
}
