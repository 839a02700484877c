package dev.parley.runtime.channel.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Singleton;

import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.config.RuntimeConfig;
import dev.parley.runtime.outbox.ChannelSender;
import io.vertx.mutiny.sqlclient.Pool;

/** The bot's WhatsApp Cloud API channel, when it has one: the Graph API client, the outbox sender and its limits. */
@Singleton
public class WhatsAppChannel {

    /** The channel's name in {@code outbox_message.channel}, {@code customer.channel} and the webhook's path. */
    public static final String CHANNEL = "whatsapp";

    private final Optional<WhatsAppClient> client;
    private final Optional<WhatsAppSender> sender;

    public WhatsAppChannel(BotSettings settings, RuntimeConfig config, Pool pool) {
        RuntimeConfig.WhatsApp whatsapp = config.whatsapp();
        this.client = settings.whatsapp().map(w -> new WhatsAppClient(w.apiUrl(), w.phoneNumberId(), w.accessToken(), whatsapp.timeout()));
        // WhatsApp has no per-chat spacing of its own; its pair rate limit is answered with error 131056 (see the sender).
        ChannelSender.Limits limits = new ChannelSender.Limits(whatsapp.ratePerSecond(), whatsapp.burst(), Duration.ZERO, Duration.ZERO);
        this.sender = settings.whatsapp().flatMap(w -> client.map(c ->
                new WhatsAppSender(c, pool, w.reengagementTemplate(), limits, Clock.systemUTC())));
    }

    public Optional<WhatsAppClient> client() {
        return client;
    }

    public Optional<WhatsAppSender> sender() {
        return sender;
    }
}
