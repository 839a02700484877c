package dev.parley.runtime.commerce.order;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import dev.parley.runtime.config.RuntimeConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Follows the bot's order events as they commit, on any replica: one connection per replica LISTENs on
 * {@link OrderEvents#CHANNEL} (PostgreSQL delivers a notification when, and only when, the transaction that wrote an
 * event commits), and each notification wakes every follower here, which reads what came after its last event. A
 * follower starts from where its client left off ({@code Last-Event-ID}), so a client that reconnects misses nothing
 * and gets nothing twice. A rare read every {@link #SAFETY_NET_MS} covers a notification lost while the listening
 * connection was being re-established; it is not how events normally arrive.
 */
@Singleton
public class OrderEventFeed {

    private static final Logger LOG = Logger.getLogger(OrderEventFeed.class);
    /** Events read per query; a follower that got this many reads again at once. */
    static final int PAGE = 200;
    static final long SAFETY_NET_MS = 30_000;

    private final Pool pool;
    private final Vertx vertx;
    private final String schema;
    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean listening = new AtomicBoolean();
    private volatile PgSubscriber subscriber;
    private volatile long safetyTimer = -1;

    public OrderEventFeed(Pool pool, Vertx vertx, RuntimeConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.schema = config.bot().schema();
    }

    /**
     * The committed events after stream id {@code after} (0: from the first), then every event as it commits, until
     * the subscriber cancels; only those of {@code orderId} when given.
     */
    public Multi<OrderEvent> follow(long after, Optional<Long> orderId) {
        listen();
        return Multi.createFrom().emitter(emitter -> {
            Follower follower = new Follower(emitter, after, orderId);
            followers.add(follower);
            emitter.onTermination(() -> followers.remove(follower));
            follower.wake();
        });
    }

    /** How many clients follow the events on this replica. */
    public int followers() {
        return followers.size();
    }

    private void wakeAll() {
        followers.forEach(Follower::wake);
    }

    /** Starts listening once, when the first client follows; the subscriber reconnects by itself when the connection drops. */
    private void listen() {
        if (!listening.compareAndSet(false, true)) {
            return;
        }
        var config = ConfigProvider.getConfig();
        PgConnectOptions options = PgConnectOptions.fromUri(config.getValue("quarkus.datasource.reactive.url", String.class)
                .replaceFirst("[?&]search_path=[^&]*", ""))
                .setUser(config.getValue("quarkus.datasource.username", String.class))
                .setPassword(config.getValue("quarkus.datasource.password", String.class));
        if (config.getOptionalValue("quarkus.datasource.reactive.trust-all", Boolean.class).orElse(false)) {
            options.setTrustAll(true);
        }
        PgSubscriber pg = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> 1000L);
        pg.channel(OrderEvents.CHANNEL)
                .handler(payload -> {
                    if (schema.equals(payload)) {
                        wakeAll();
                    }
                })
                // (Re)subscribed: what committed meanwhile is read now.
                .subscribeHandler(this::wakeAll);
        pg.closeHandler(() -> LOG.debug("order event listener disconnected; reconnecting"));
        subscriber = pg;
        pg.connect().subscribe().with(ignored -> LOG.debug("listening for order events"),
                failure -> LOG.warnf("cannot listen for order events yet (%s); retrying", failure.getMessage()));
        safetyTimer = vertx.setPeriodic(SAFETY_NET_MS, id -> {
            if (pg.closed()) {
                pg.connect().subscribe().with(ignored -> { }, failure -> LOG.debugf("order event listener: %s", failure.getMessage()));
            }
            wakeAll();
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (safetyTimer >= 0) {
            vertx.cancelTimer(safetyTimer);
        }
        PgSubscriber pg = subscriber;
        if (pg != null) {
            pg.closeAndForget();
        }
        followers.forEach(f -> f.emitter.complete());
    }

    /** One client's place in the stream; reads one page at a time, and again when woken meanwhile. */
    private final class Follower {

        private final MultiEmitter<? super OrderEvent> emitter;
        private final Optional<Long> orderId;
        private final AtomicBoolean reading = new AtomicBoolean();
        private final AtomicBoolean again = new AtomicBoolean();
        private volatile long cursor;

        Follower(MultiEmitter<? super OrderEvent> emitter, long after, Optional<Long> orderId) {
            this.emitter = emitter;
            this.cursor = after;
            this.orderId = orderId;
        }

        void wake() {
            again.set(true);
            drain();
        }

        private void drain() {
            if (emitter.isCancelled() || !reading.compareAndSet(false, true)) {
                return;
            }
            again.set(false);
            OrderEvents.after(pool, cursor, orderId, PAGE).subscribe().with(this::emit, failure -> {
                reading.set(false);
                LOG.debugf("cannot read order events now (%s); the next notification or the safety net reads again", failure.getMessage());
            });
        }

        private void emit(List<OrderEvent> events) {
            for (OrderEvent event : events) {
                if (emitter.isCancelled()) {
                    break;
                }
                emitter.emit(event);
                cursor = event.id();
            }
            reading.set(false);
            if (events.size() == PAGE || again.get()) {
                drain();
            }
        }
    }
}
