package dev.parley.runtime.channel.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import dev.parley.runtime.channel.Intake;
import dev.parley.runtime.channel.whatsapp.WhatsAppNotifications.Notification;
import dev.parley.runtime.channel.whatsapp.WhatsAppNotifications.Status;
import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.http.Errors;
import dev.parley.runtime.http.JsonBody;
import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * WhatsApp Cloud API's webhook, {@code /webhooks/{bot}/whatsapp}
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started). 404 for another bot's name, or when
 * this bot has no WhatsApp channel. Then:
 * <ul>
 * <li>{@code GET}, the verification handshake when the webhook is set up in Meta's app dashboard: 200 with
 * {@code hub.challenge} echoed when {@code hub.mode=subscribe} and {@code hub.verify_token} is the bot's verify
 * token (compared in constant time); 403 otherwise.</li>
 * <li>{@code POST}, a notification: 401 unless {@code X-Hub-Signature-256} is {@code sha256=} and the HMAC-SHA256
 * of the raw body with the app secret (compared in constant time); 400 for a body that is not a notification; 413
 * (by the HTTP layer) above {@code quarkus.http.limits.max-body-size}; 200 once every message in it has been taken
 * through the intake and every delivery status recorded, each committed; 503 when any of that failed (the database
 * is down), so that Meta delivers the notification again. A redelivered message is a duplicate for the intake and
 * changes nothing; a status only ever moves forward, so recording one twice is harmless too.</li>
 * </ul>
 */
@Path("/webhooks/{bot}/whatsapp")
@Produces(MediaType.APPLICATION_JSON)
public class WhatsAppWebhook {

    private static final Logger LOG = Logger.getLogger(WhatsAppWebhook.class);
    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    private static final String HMAC = "HmacSHA256";

    private final Intake intake;
    private final Pool pool;
    private final String bot;
    private final Optional<BotSettings.WhatsApp> whatsapp;

    public WhatsAppWebhook(Intake intake, Pool pool, BotSettings settings) {
        this.intake = intake;
        this.pool = pool;
        this.bot = settings.name();
        this.whatsapp = settings.whatsapp();
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response verify(@PathParam("bot") String name, @QueryParam("hub.mode") String mode,
            @QueryParam("hub.verify_token") String token, @QueryParam("hub.challenge") String challenge) {
        if (!bot.equals(name) || whatsapp.isEmpty()) {
            return notHere(name);
        }
        if (!"subscribe".equals(mode) || token == null || !MessageDigest.isEqual(
                whatsapp.get().verifyToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return Errors.status(Response.Status.FORBIDDEN, "hub.mode must be subscribe and hub.verify_token the bot's verify token");
        }
        if (challenge == null) {
            return Errors.badRequest("hub.challenge is missing");
        }
        return Response.ok(challenge, MediaType.TEXT_PLAIN).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> receive(@PathParam("bot") String name, @HeaderParam(SIGNATURE_HEADER) String signature, byte[] body) {
        if (!bot.equals(name) || whatsapp.isEmpty()) {
            return Uni.createFrom().item(notHere(name));
        }
        if (!signed(body, signature)) {
            return Uni.createFrom().item(Errors.status(Response.Status.UNAUTHORIZED,
                    "missing or wrong " + SIGNATURE_HEADER + " (sha256=HMAC-SHA256 of the body with the app secret)"));
        }
        Notification notification;
        try {
            notification = WhatsAppNotifications.read(JsonBody.object(body), whatsapp.get().phoneNumberId());
        } catch (BadInput e) {
            return Uni.createFrom().item(Errors.badRequest(e.getMessage()));
        }
        // One message after the other: a notification may carry several of one chat, and their order matters.
        Uni<Void> work = Uni.createFrom().voidItem();
        for (InboundMessage message : notification.messages()) {
            work = work.flatMap(ignored -> intake.accept(message).replaceWithVoid());
        }
        if (!notification.statuses().isEmpty()) {
            work = work.flatMap(ignored -> record(notification.statuses()));
        }
        return work.map(ignored -> Response.ok("{}").build())
                .onFailure().recoverWithItem(Errors::deliverAgain);
    }

    private Uni<Void> record(List<Status> statuses) {
        List<Outbox.DeliveryStatus> rows = statuses.stream()
                .map(s -> new Outbox.DeliveryStatus(s.messageId(), s.status(), s.at(), s.error()))
                .toList();
        return pool.withTransaction(connection -> Outbox.recordDeliveryStatuses(connection, WhatsAppChannel.CHANNEL, rows))
                .onFailure().invoke(failure -> LOG.warnf("delivery statuses not recorded (Meta will redeliver): %s", failure.toString()))
                .replaceWithVoid();
    }

    /** Whether {@code header} is {@code sha256=} and the hex HMAC-SHA256 of the exact bytes received. */
    private boolean signed(byte[] body, String header) {
        String prefix = "sha256=";
        if (header == null || !header.startsWith(prefix)) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance(HMAC); // not thread-safe, and cheap to make
            mac.init(new SecretKeySpec(whatsapp.get().appSecret().getBytes(StandardCharsets.UTF_8), HMAC));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body == null ? new byte[0] : body)).getBytes(StandardCharsets.US_ASCII);
            byte[] given = header.substring(prefix.length()).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, given);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static Response notHere(String name) {
        return Errors.notFound("no bot '" + name + "' with a WhatsApp channel here");
    }
}
