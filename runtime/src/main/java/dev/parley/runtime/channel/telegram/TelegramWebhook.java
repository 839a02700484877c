package dev.parley.runtime.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

import dev.parley.runtime.channel.Intake;
import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.http.Errors;
import dev.parley.runtime.message.InboundMessage;
import io.smallrye.mutiny.Uni;

/**
 * Telegram's webhook, {@code POST /webhooks/{bot}/telegram}
 * (https://core.telegram.org/bots/api#setwebhook). Answers:
 * <ul>
 * <li>404 for another bot's name, or when this bot has no Telegram channel;</li>
 * <li>401 unless {@code X-Telegram-Bot-Api-Secret-Token} is the bot's secret (compared in constant time);</li>
 * <li>400 for a body that is not a JSON update; 413 (by the HTTP layer) above {@code quarkus.http.limits.max-body-size};</li>
 * <li>200 once the update's effects are committed, or at once for an update of no interest (anything but 2xx makes
 * Telegram deliver it again, forever); 503 when it could not be taken (the database is down), so that Telegram
 * delivers it again.</li>
 * </ul>
 * A pressed button is also answered with {@code answerCallbackQuery} after the commit, so the customer's client
 * stops its progress indicator.
 */
@Path("/webhooks/{bot}/telegram")
@Produces(MediaType.APPLICATION_JSON)
public class TelegramWebhook {

    private static final Logger LOG = Logger.getLogger(TelegramWebhook.class);
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    /**
     * Made once: finding the deserialiser of the Bot API's types is a large part of reading one. Blackbird replaces
     * the reflective calls of the types' builders with generated ones.
     */
    private static final ObjectReader UPDATE = new ObjectMapper().registerModule(new BlackbirdModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readerFor(Update.class);

    private final Intake intake;
    private final String bot;
    private final Optional<byte[]> secret;
    private final Optional<TelegramClient> client;

    public TelegramWebhook(Intake intake, BotSettings settings, TelegramChannel channel) {
        this.intake = intake;
        this.bot = settings.name();
        this.secret = settings.telegram().map(t -> t.webhookSecret().getBytes(StandardCharsets.UTF_8));
        this.client = channel.client();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> receive(@PathParam("bot") String name, @HeaderParam(SECRET_HEADER) String token, byte[] body) {
        if (!bot.equals(name) || secret.isEmpty()) {
            return Uni.createFrom().item(Errors.notFound("no bot '" + name + "' with a Telegram channel here"));
        }
        if (token == null || !MessageDigest.isEqual(secret.get(), token.getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().item(Errors.status(Response.Status.UNAUTHORIZED, "missing or wrong " + SECRET_HEADER));
        }
        Update update;
        try {
            update = parse(body);
        } catch (BadInput e) {
            return Uni.createFrom().item(Errors.badRequest(e.getMessage()));
        }
        Optional<InboundMessage> message = TelegramUpdates.toInbound(update);
        if (message.isEmpty()) {
            return Uni.createFrom().item(Response.ok().build());
        }
        return intake.accept(message.get())
                .invoke(outcome -> answerButton(update))
                .map(outcome -> Response.ok().build())
                .onFailure().recoverWithItem(Errors::deliverAgain);
    }

    /** The update, read once; what is wrong with the body otherwise. */
    static Update parse(byte[] body) throws BadInput {
        int first = 0;
        while (body != null && first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (body == null || first == body.length) {
            throw new BadInput("the body is empty; a JSON object is expected");
        }
        if (body[first] != '{') {
            throw new BadInput("the body must be a JSON object");
        }
        try {
            return UPDATE.readValue(body);
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            throw new BadInput("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException | RuntimeException e) {
            throw new BadInput("not a Telegram update: " + e.getClass().getSimpleName());
        }
    }

    /** Best effort: the button's spinner stops by itself after a while if this is lost. */
    private void answerButton(Update update) {
        if (update.getCallbackQuery() != null && client.isPresent()) {
            client.get().answerCallbackQuery(update.getCallbackQuery().getId(), null).subscribe().with(
                    answer -> {
                        if (!answer.ok()) {
                            LOG.debugf("answerCallbackQuery: %s", answer.description());
                        }
                    },
                    failure -> LOG.debugf("answerCallbackQuery failed: %s", failure.toString()));
        }
    }
}
