package dev.parley.runtime.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.parley.runtime.config.RuntimeConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Runs the {@link OutboxDispatcher} on this replica: a round right after this replica commits replies
 * ({@link #kick()}), and a poll for what other replicas, retries and rate limits left due. Rounds follow each other
 * while they send; at most one runs at a time here, and the dispatcher's row locks share the work with other
 * replicas. {@code parley_outbox_backlog} is the number of pending messages.
 */
@Singleton
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class);

    private final OutboxDispatcher dispatcher;
    private final Pool pool;
    private final Vertx vertx;
    private final Duration poll;
    private final int batch;
    private final boolean enabled;
    private final AtomicBoolean running = new AtomicBoolean();
    /** Whether rounds are failing (the database is down, say): logged when it starts and when it ends, not every poll. */
    private volatile boolean failing;
    /** Whether the last round left messages for want of rate-limit tokens. */
    private volatile boolean limited;
    private final AtomicLong backlog = new AtomicLong();
    private final List<Long> timers = new java.util.concurrent.CopyOnWriteArrayList<>();

    public OutboxDelivery(Pool pool, List<ChannelSender> senders, Vertx vertx, MeterRegistry registry, RuntimeConfig config) {
        this.dispatcher = new OutboxDispatcher(pool, senders, registry);
        this.pool = pool;
        this.vertx = vertx;
        this.poll = config.outbox().poll();
        this.batch = config.outbox().batch();
        this.enabled = config.outbox().enabled();
        Gauge.builder("parley.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox messages waiting to be sent").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            timers.add(vertx.setPeriodic(poll.toMillis(), id -> poll()));
            timers.add(vertx.setPeriodic(0, 5000, id -> countBacklog()));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        timers.forEach(vertx::cancelTimer);
    }

    /**
     * Start a round now unless one is running, or the last one found the channels' rate limits spent (then only the
     * poll starts the next: a round right after every commit would find no tokens, and scan the backlog for nothing).
     * Called after this replica commits replies.
     */
    public void kick() {
        if (!limited) {
            poll();
        }
    }

    /** Start a round now unless one is running. */
    private void poll() {
        if (enabled && running.compareAndSet(false, true)) {
            round();
        }
    }

    private void round() {
        dispatcher.deliverDue(batch).subscribe().with(result -> {
            limited = result.deferred() > 0;
            if (failing) {
                failing = false;
                LOG.info("outbox delivery works again");
            }
            if (result.sent() > 0 && result.deferred() == 0) {
                round();
            } else {
                running.set(false);
            }
        }, failure -> {
            running.set(false);
            if (!failing) {
                failing = true;
                LOG.warnf("outbox delivery fails, retrying every %s (logged again when it works): %s", poll, failure.getMessage());
            }
        });
    }

    private void countBacklog() {
        Outbox.backlog(pool)
                .subscribe().with(backlog::set,
                        failure -> LOG.debugf("cannot count the outbox backlog: %s", failure.getMessage()));
    }
}
