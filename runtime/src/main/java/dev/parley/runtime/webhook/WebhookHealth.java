package dev.parley.runtime.webhook;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import dev.parley.runtime.config.WebhookSettings;
import dev.parley.runtime.outbox.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * How each webhook subscriber is doing, read from the outbox (so every replica says the same): events waiting, the
 * attempts and last error of the oldest, events given up. A subscriber is failing when its oldest waiting event has
 * failed {@link #FAILING_AFTER} times or more, or when an event was given up. Exported per subscriber as
 * {@code parley_webhook_subscriber_failing} (1 or 0) and {@code parley_webhook_subscriber_pending}, refreshed every
 * {@link #REFRESH_MS}.
 */
public final class WebhookHealth {

    private static final Logger LOG = Logger.getLogger(WebhookHealth.class);
    public static final int FAILING_AFTER = 3;
    static final long REFRESH_MS = 10_000;

    /** One subscriber's state. */
    public record Subscriber(String name, String url, boolean failing, long pending, int attempts, String lastError, long failed) {
    }

    private final Pool pool;
    private final WebhookSettings settings;
    private final Map<String, AtomicLong> failing = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();

    public WebhookHealth(Pool pool, WebhookSettings settings, MeterRegistry registry, Vertx vertx) {
        this.pool = pool;
        this.settings = settings;
        for (WebhookSettings.Subscriber subscriber : settings.subscribers()) {
            AtomicLong isFailing = failing.computeIfAbsent(subscriber.name(), n -> new AtomicLong());
            AtomicLong waiting = pending.computeIfAbsent(subscriber.name(), n -> new AtomicLong());
            Gauge.builder("parley.webhook.subscriber.failing", isFailing, AtomicLong::get).tag("subscriber", subscriber.name())
                    .description("1 while the webhook subscriber keeps failing (its oldest event failed 3 times, or one was given up)")
                    .register(registry);
            Gauge.builder("parley.webhook.subscriber.pending", waiting, AtomicLong::get).tag("subscriber", subscriber.name())
                    .description("Order events waiting to be delivered to the webhook subscriber").register(registry);
        }
        if (!settings.subscribers().isEmpty()) {
            vertx.setPeriodic(REFRESH_MS, id -> current().subscribe().with(ignored -> { },
                    failure -> LOG.debugf("cannot read webhook health now: %s", failure.getMessage())));
        }
    }

    /** Every subscriber of the Bot, with how delivery goes. */
    public Uni<List<Subscriber>> current() {
        return Outbox.health(pool, Webhooks.CHANNEL).map(rows -> {
            Map<String, Outbox.ChatHealth> byName = rows.stream().collect(Collectors.toMap(Outbox.ChatHealth::chatId, Function.identity()));
            List<Subscriber> all = settings.subscribers().stream().map(s -> {
                Outbox.ChatHealth h = byName.get(s.name());
                return h == null ? new Subscriber(s.name(), s.url().toString(), false, 0, 0, null, 0)
                        : new Subscriber(s.name(), s.url().toString(), h.headAttempts() >= FAILING_AFTER || h.failed() > 0, h.pending(),
                                h.headAttempts(), h.headError(), h.failed());
            }).toList();
            all.forEach(s -> {
                failing.get(s.name()).set(s.failing() ? 1 : 0);
                pending.get(s.name()).set(s.pending());
            });
            return all;
        });
    }
}
