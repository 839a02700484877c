package dev.parley.runtime.wiring;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.parley.runtime.channel.console.ConsoleSender;
import dev.parley.runtime.channel.telegram.TelegramChannel;
import dev.parley.runtime.channel.whatsapp.WhatsAppChannel;
import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.config.RuntimeConfig;
import dev.parley.runtime.config.WebhookSettings;
import dev.parley.runtime.conversation.ConversationRouter;
import dev.parley.runtime.conversation.Flow;
import dev.parley.runtime.conversation.SessionExpiry;
import dev.parley.runtime.conversation.SessionStore;
import dev.parley.runtime.flow.catalogwatch.CatalogWatchFlow;
import dev.parley.runtime.flow.catalogwatch.CatalogWatchParts;
import dev.parley.runtime.flow.echo.EchoFlow;
import dev.parley.runtime.flow.orderagent.ApiOrders;
import dev.parley.runtime.flow.orderagent.OrderAgentFlow;
import dev.parley.runtime.flow.orderagent.OrderAgentParts;
import dev.parley.runtime.flow.shop.ShopFlow;
import dev.parley.runtime.flow.shop.ShopParts;
import dev.parley.runtime.outbox.ChannelSender;
import dev.parley.runtime.owner.OwnerToken;
import dev.parley.runtime.session.PostgresSessions;
import dev.parley.runtime.session.RedisSessions;
import dev.parley.runtime.webhook.WebhookHealth;
import dev.parley.runtime.webhook.WebhookSender;
import dev.parley.runtime.webhook.Webhooks;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The composition root: makes the runtime's parts from its settings (which flow, where sessions live, which channels
 * send) and hands them to the rooms that use them. Nothing imports this package; it imports whatever it wires.
 */
@Singleton
public class RuntimeBeans {

    @Produces
    @Singleton
    @Startup
    BotSettings settings(RuntimeConfig config) {
        return new BotSettings(config);
    }

    @Produces
    @Singleton
    @Startup
    CommerceSettings commerce(BotSettings settings) {
        return CommerceSettings.of(settings);
    }

    @Produces
    @Singleton
    @Startup
    OwnerToken ownerToken(RuntimeConfig config, BotSettings settings) {
        return OwnerToken.of(config.ownerToken().filter(t -> !t.isBlank()), settings.local());
    }

    @Produces
    @Singleton
    Flow flow(BotSettings settings, Instance<OrderAgentParts> orderAgent, Instance<ShopParts> shop,
            Instance<CatalogWatchParts> catalogWatch) {
        return switch (settings.flow()) {
            case EchoFlow.NAME -> new EchoFlow();
            case OrderAgentFlow.NAME -> orderAgent.get().flow(settings);
            case ShopFlow.NAME -> shop.get().flow(settings);
            case CatalogWatchFlow.NAME -> catalogWatch.get().flow(settings);
            default -> throw new IllegalStateException("The flow '" + settings.flow() + "' (the Bot's spec.flow) is not in this"
                    + " runtime build; it has: " + EchoFlow.NAME + ", " + OrderAgentFlow.NAME + ", " + ShopFlow.NAME + ", "
                    + CatalogWatchFlow.NAME);
        };
    }

    /** Orders from other systems (POST /api/v1/orders), taken as the order agent takes a customer's confirmation. */
    @Produces
    @Singleton
    ApiOrders apiOrders(BotSettings settings, OrderAgentParts orderAgent) {
        return orderAgent.apiOrders(settings);
    }

    @Produces
    @Singleton
    SessionStore sessions(RuntimeConfig config, BotSettings settings, Instance<ReactiveRedisDataSource> redis, MeterRegistry registry) {
        String where = config.sessions();
        return switch (where) {
            case "postgres" -> new PostgresSessions();
            case "redis" -> new RedisSessions(redis.get(), "parley:" + settings.name() + ":session:", settings.idleExpiry(), registry);
            default -> throw new IllegalStateException("PARLEY_SESSIONS must be postgres or redis, not '" + where + "'");
        };
    }

    /** The Bot's webhook subscribers (spec.integrations.webhooks), each with its signing secret. */
    @Produces
    @Singleton
    @Startup
    WebhookSettings webhookSettings(BotSettings settings) {
        return WebhookSettings.of(settings, variable -> ConfigProvider.getConfig().getOptionalValue(variable, String.class));
    }

    /** Every order event into the outbox, once per webhook subscriber. */
    @Produces
    @Singleton
    Webhooks webhooks(WebhookSettings settings) {
        return new Webhooks(settings);
    }

    @Produces
    @Singleton
    WebhookHealth webhookHealth(Pool pool, WebhookSettings settings, MeterRegistry registry, Vertx vertx) {
        return new WebhookHealth(pool, settings, registry, vertx);
    }

    /** The senders of the bot's channels, for the outbox; webhook deliveries are one more channel. */
    @Produces
    @Singleton
    List<ChannelSender> senders(BotSettings settings, Pool pool, TelegramChannel telegram, WhatsAppChannel whatsapp, WebhookSettings webhooks,
            MeterRegistry registry) {
        List<ChannelSender> senders = new ArrayList<>();
        if (!webhooks.subscribers().isEmpty()) {
            senders.add(new WebhookSender(pool, webhooks, registry));
        }
        if (settings.consoleEnabled()) {
            senders.add(new ConsoleSender(pool));
        }
        telegram.sender().ifPresent(senders::add);
        whatsapp.sender().ifPresent(senders::add);
        return senders;
    }

    /** The leader's job that ends idle conversations, with the flow's word to their customers. */
    @Produces
    @Singleton
    SessionExpiry sessionExpiry(BotSettings settings, RuntimeConfig config, Flow flow) {
        return new SessionExpiry(settings.idleExpiry(), config.sessionExpiry().checkEvery(), flow);
    }

    @Produces
    @Singleton
    ConversationRouter router(Pool pool, Flow flow, SessionStore sessions) {
        return new ConversationRouter(pool, flow, sessions);
    }
}
