package dev.parley.runtime.webhook;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import dev.parley.runtime.commerce.order.OrderEvents;
import dev.parley.runtime.config.WebhookSettings;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.ChannelSender;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Delivers one order event to one subscriber: a POST of the event's JSON, signed ({@link WebhookSignature}), with
 * {@code Parley-Event-Id} (the stream id, the same as the body's {@code id}, for the receiver to drop a repeat) and
 * {@code Parley-Event-Type}. Any 2xx is delivered; anything else, a timeout or a refused connection is tried again
 * later by the outbox. Counted in {@code parley_webhook_deliveries_total{subscriber,outcome}}.
 */
public final class WebhookSender implements ChannelSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Pool pool;
    private final Map<String, WebhookSettings.Subscriber> subscribers;
    private final HttpClient http;
    private final MeterRegistry registry;

    public WebhookSender(Pool pool, WebhookSettings settings, MeterRegistry registry) {
        this.pool = pool;
        this.subscribers = settings.subscribers().stream().collect(Collectors.toMap(WebhookSettings.Subscriber::name, Function.identity()));
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        this.registry = registry;
    }

    @Override
    public String channel() {
        return Webhooks.CHANNEL;
    }

    @Override
    public Uni<Result> send(String subscriberName, OutboundMessage message) {
        WebhookSettings.Subscriber subscriber = subscribers.get(subscriberName);
        if (subscriber == null) {
            // The Bot no longer has this subscriber: its events are kept as FAILED, not sent to anyone.
            return Uni.createFrom().item(new Failed("the Bot has no webhook named " + subscriberName + " any more"));
        }
        long row = Long.parseLong(message.text().strip());
        return OrderEvents.byRow(pool, row).flatMap(event -> {
            if (event.isEmpty()) {
                return Uni.createFrom().item((Result) new Failed("order event row " + row + " does not exist"));
            }
            String body = event.get().toJson().encode();
            HttpRequest request = HttpRequest.newBuilder(subscriber.url()).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Parley-Webhooks/1")
                    .header("Parley-Event-Id", String.valueOf(event.get().id()))
                    .header("Parley-Event-Type", event.get().type())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(subscriber.secret(), Instant.now().getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                    .map(response -> response.statusCode() / 100 == 2 ? (Result) new Sent()
                            : new Retry("HTTP " + response.statusCode() + " from webhook " + subscriberName, null))
                    .onFailure().recoverWithItem(failure -> new Retry(failure.getClass().getSimpleName() + " from webhook " + subscriberName
                            + ": " + failure.getMessage(), null));
        }).invoke(result -> {
            String outcome = result instanceof Sent ? "delivered" : result instanceof Retry ? "retry" : "failed";
            registry.counter("parley.webhook.deliveries", "subscriber", subscriberName, "outcome", outcome).increment();
            if (!(result instanceof Sent)) {
                LOG.debugf("webhook %s: %s", subscriberName, result);
            }
        });
    }
}
