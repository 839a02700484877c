package dev.parley.runtime.channel.whatsapp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import dev.parley.runtime.conversation.Customers;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.ChannelSender;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Sends outbox messages with the WhatsApp Cloud API (the formats are in {@link WhatsAppMessages}; a document is
 * uploaded first). The Graph API's answer decides what the outbox does: a 2xx is sent (its wamid kept, so that
 * status webhooks find the row); a rate limit pauses the channel on every replica for a while; 5xx, network
 * failures and Meta's transient errors are retried with the outbox's backoff; other 4xx can never succeed.
 *
 * <p>WhatsApp only lets a business write freely within 24 hours of the customer's last message (the
 * customer-service window, counted from {@code customer.last_inbound_at}). Outside it the only thing that may be
 * sent is an approved template: the sender sends the Bot's re-engagement template instead, and records the original
 * message as FAILED with a reason that says so. It stays in the outbox, visible as not delivered, rather than being
 * dropped; when the customer answers the template, the conversation goes on in a new window.
 */
public final class WhatsAppSender implements ChannelSender {

    /** Cloud API throughput: 80 messages a second per business phone number by default. */
    public static final Limits LIMITS = new Limits(80, 80, Duration.ZERO, Duration.ZERO);

    /** The customer-service window. */
    static final Duration WINDOW = Duration.ofHours(24);

    /** "Re-engagement message": more than 24 hours have passed since the customer last wrote. */
    static final int REENGAGEMENT_REQUIRED = 131047;

    /**
     * Error codes that mean "the whole number is sending too fast": the outbox pauses the channel this long. Meta
     * documents no wait for them (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes), only
     * "try again later"; these are our choices. 130429 (throughput reached) is over within seconds at 80 msg/s;
     * 80007 (the business account's rate limit) and 4 (the app's Graph API call limit) are counted over longer
     * periods, so a minute.
     */
    static final Map<Integer, Duration> PAUSES = Map.of(
            130429, Duration.ofSeconds(5),
            80007, Duration.ofSeconds(60),
            4, Duration.ofSeconds(60));

    /** A plain HTTP 429 without one of those codes. */
    static final Duration TOO_MANY_REQUESTS_PAUSE = Duration.ofSeconds(60);

    /**
     * Error codes worth trying again with the outbox's backoff (1 s, 2 s, 4 s ... for that message and its chat
     * only). 131056 is the pair rate limit: too many messages to one customer in a short time. It concerns that
     * chat alone, so it backs off the chat instead of pausing the whole channel for everyone. 1, 2, 131000 and
     * 131016 are Meta's "unknown", "service", "something went wrong" and "service unavailable".
     */
    static final Set<Integer> TRANSIENT = Set.of(131056, 1, 2, 131000, 131016);

    private final WhatsAppClient client;
    private final Pool pool;
    private final String template;
    private final Limits limits;
    private final Clock clock;

    /**
     * @param pool     where the customers' last inbound times are
     * @param template the approved re-engagement template's name, or null when the Bot has none
     * @param clock    now, for the 24-hour window
     */
    public WhatsAppSender(WhatsAppClient client, Pool pool, String template, Limits limits, Clock clock) {
        this.client = client;
        this.pool = pool;
        this.template = template == null || template.isBlank() ? null : template;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return WhatsAppChannel.CHANNEL;
    }

    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public Uni<Result> send(String chatId, OutboundMessage message) {
        String unsendable = WhatsAppMessages.unsendable(message).orElse(null);
        if (unsendable != null) {
            return Uni.createFrom().item(new Failed(unsendable));
        }
        return customer(chatId).onItemOrFailure().transformToUni((customer, failure) -> failure != null
                ? Uni.createFrom().item(new Retry("cannot check the 24-hour customer-service window: " + failure.getMessage(), null))
                : deliver(chatId, message, customer)
                        .onFailure().recoverWithItem(e -> new Retry(e instanceof IOException
                                ? "WhatsApp not reachable: " + e.getClass().getSimpleName() : "not sent: " + e, null)));
    }

    /** What the bot knows of the customer: when they last wrote (null: never) and their language (or null). */
    record Customer(Instant lastInbound, String language) {

        boolean inWindow(Instant now) {
            return lastInbound != null && lastInbound.isAfter(now.minus(WINDOW));
        }
    }

    private Uni<Customer> customer(String chatId) {
        return Customers.contact(pool, WhatsAppChannel.CHANNEL, chatId).map(c -> new Customer(c.lastInbound(), c.language()));
    }

    private Uni<Result> deliver(String to, OutboundMessage message, Customer customer) {
        if (!customer.inWindow(clock.instant())) {
            return reengage(to, customer);
        }
        if (message.document() == null) {
            return freeForm(client.sendMessage(WhatsAppMessages.message(to, message)), to, customer);
        }
        return client.uploadMedia(message.document()).flatMap(upload -> {
            String mediaId = upload.body().getValue("id") instanceof String id ? id : null;
            if (!upload.ok()) {
                Result result = outcome(upload);
                return Uni.createFrom().item(result instanceof Retry retry
                        ? new Retry("uploading the document: " + retry.reason(), retry.after())
                        : new Failed("uploading the document: " + ((Failed) result).reason()));
            }
            if (mediaId == null) {
                return Uni.createFrom().item(new Retry("the media upload answered without a media id", null));
            }
            return freeForm(client.sendMessage(WhatsAppMessages.document(to, message, mediaId)), to, customer);
        });
    }

    /**
     * A message sent inside the window as far as the bot knows; WhatsApp may still say the window has closed (the
     * clocks differ, or the message waited in the outbox), and then the template goes instead.
     */
    private Uni<Result> freeForm(Uni<WhatsAppClient.Answer> send, String to, Customer customer) {
        return send.flatMap(answer -> Integer.valueOf(REENGAGEMENT_REQUIRED).equals(answer.errorCode())
                ? reengage(to, customer) : Uni.createFrom().item(outcome(answer)));
    }

    /**
     * Outside the window: the re-engagement template, and the original message recorded as not delivered. A
     * template that could not go now is retried, with the window checked again then.
     */
    private Uni<Result> reengage(String to, Customer customer) {
        String outside = "outside the 24-hour customer-service window";
        if (template == null) {
            return Uni.createFrom().item(new Failed(outside + " and no re-engagement template is configured"));
        }
        String language = customer.language() != null ? customer.language() : "en";
        return client.sendMessage(WhatsAppMessages.template(to, template, language)).map(answer -> {
            Result result = outcome(answer);
            if (result instanceof Sent) {
                return new Failed(outside + "; re-engagement template " + template + " sent instead");
            }
            if (result instanceof Failed failed) {
                return new Failed(outside + "; re-engagement template " + template + " not sent: " + failed.reason());
            }
            Retry retry = (Retry) result;
            return new Retry(outside + "; re-engagement template " + template + ": " + retry.reason(), retry.after());
        });
    }

    Result outcome(WhatsAppClient.Answer answer) {
        if (answer.ok()) {
            return new Sent(answer.messageId());
        }
        String reason = client.redact(answer.description());
        Integer code = answer.errorCode();
        Duration pause = code == null ? null : PAUSES.get(code);
        if (pause == null && answer.status() == 429) {
            pause = TOO_MANY_REQUESTS_PAUSE;
        }
        if (pause != null) {
            return new Retry(reason, pause);
        }
        if (answer.status() >= 500 || code != null && TRANSIENT.contains(code)) {
            return new Retry(reason, null);
        }
        if (answer.status() >= 400) {
            return new Failed(reason);
        }
        return new Retry(reason, null); // a redirect or the like: nothing Meta documents, so try again later
    }
}
