package dev.parley.runtime.channel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.conversation.ConversationRouter;
import dev.parley.runtime.conversation.ConversationRouter.Outcome;
import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.outbox.OutboxDelivery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Where every channel hands its inbound messages: routes each through the conversation router (one transaction)
 * and counts what happened. A channel answers its webhook from the returned {@code Uni}: success only after the
 * commit; any failure (the database is down, say) means "not taken", which a webhook answers 503 so the channel
 * redelivers.
 *
 * <p>Metrics: {@code parley_updates_received_total}, {@code _duplicate_total}, {@code _processed_total},
 * {@code _dead_lettered_total} (could not be handled; recorded, the customer told), {@code _failed_total} (not
 * taken: the channel redelivers) by channel; {@code parley_update_seconds} (a histogram); {@code parley_inflight_updates}, the
 * Pods metric a ScalingPolicy's {@code targetInflightUpdatesPerPod} scales on.
 */
@Singleton
public class Intake {

    private static final Logger LOG = Logger.getLogger(Intake.class);

    private final ConversationRouter router;
    private final OutboxDelivery delivery;
    private final MeterRegistry registry;
    private final String bot;
    private final AtomicInteger inflight = new AtomicInteger();
    /** Looked up once per channel: the registry's lookup is a noticeable part of a cheap update. */
    private final java.util.Map<String, Counters> counters = new java.util.concurrent.ConcurrentHashMap<>();

    /** A channel's update counters. */
    private record Counters(Counter received, Counter duplicate, Counter processed, Counter deadLettered, Counter failed) {

        static Counters of(MeterRegistry registry, String channel) {
            return new Counters(registry.counter("parley.updates.received", "channel", channel),
                    registry.counter("parley.updates.duplicate", "channel", channel),
                    registry.counter("parley.updates.processed", "channel", channel),
                    registry.counter("parley.updates.dead.lettered", "channel", channel),
                    registry.counter("parley.updates.failed", "channel", channel));
        }
    }
    private final Timer latency;

    public Intake(ConversationRouter router, OutboxDelivery delivery, MeterRegistry registry, BotSettings settings) {
        this.router = router;
        this.delivery = delivery;
        this.registry = registry;
        this.bot = settings.name();
        Gauge.builder("parley.inflight.updates", inflight, AtomicInteger::get)
                .description("Inbound updates being processed by this replica now").register(registry);
        this.latency = Timer.builder("parley.update")
                .description("Time from receiving an update to committing its effects")
                .publishPercentileHistogram()
                .register(registry);
    }

    public Uni<Outcome> accept(InboundMessage message) {
        return accept(message, connection -> Uni.createFrom().voidItem());
    }

    /** Accepts, and when the message is new also runs {@code alsoRecord} in its transaction (see the router). */
    public Uni<Outcome> accept(InboundMessage message, Function<SqlConnection, Uni<Void>> alsoRecord) {
        MDC.put("bot", bot);
        MDC.put("channel", message.channel());
        MDC.put("chat", message.chatId());
        MDC.put("update", message.updateId());
        Counters count = counters(message);
        count.received().increment();
        inflight.incrementAndGet();
        Timer.Sample sample = Timer.start(registry);
        return router.route(message, alsoRecord)
                .invoke(outcome -> {
                    if (outcome == Outcome.PROCESSED) {
                        count.processed().increment();
                        delivery.kick();
                    } else if (outcome == Outcome.DEAD_LETTERED) {
                        count.deadLettered().increment();
                        delivery.kick();
                    } else {
                        count.duplicate().increment();
                        LOG.debugf("update %s of %s chat %s was processed before; ignored", message.updateId(), message.channel(), message.chatId());
                    }
                })
                .onFailure().invoke(failure -> {
                    count.failed().increment();
                    LOG.warnf("update %s of %s chat %s not taken (the channel will redeliver): %s",
                            message.updateId(), message.channel(), message.chatId(), failure.toString());
                })
                .onTermination().invoke(() -> {
                    inflight.decrementAndGet();
                    sample.stop(latency);
                });
    }

    private Counters counters(InboundMessage message) {
        return counters.computeIfAbsent(message.channel(), channel -> Counters.of(registry, channel));
    }
}
