package dev.parley.runtime.channel.console;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.parley.runtime.channel.Intake;
import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.http.ErrorBody;
import dev.parley.runtime.http.Errors;
import dev.parley.runtime.http.JsonBody;
import dev.parley.runtime.message.InboundMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The local console channel (docs/architecture.md): chat with the bot over HTTP, without Telegram or WhatsApp.
 * {@code POST} a message ({@code {"text": ...}} or {@code {"button": "<id>"}}, optionally {@code "id"} to make a
 * retry idempotent); {@code GET} the conversation so far, replies included once the outbox has delivered them.
 * On unless {@code PARLEY_CONSOLE_ENABLED=false}; off by default for a bot the operator runs.
 */
@Path("/api/v1/console/chats/{chatId}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console", description = "The local console channel: chat with the bot as a customer; needs no owner token")
public class ConsoleResource {

    private static final Pattern CHAT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final Intake intake;
    private final Pool pool;
    private final boolean enabled;

    public ConsoleResource(Intake intake, Pool pool, BotSettings settings) {
        this.intake = intake;
        this.pool = pool;
        this.enabled = settings.consoleEnabled();
    }

    /** A message taken: its id, and whether it was processed now or had been already. */
    @Schema(name = "ConsoleAccepted")
    public record Accepted(String chatId, String id, @Schema(enumeration = {"processed", "duplicate"}) String outcome) {
    }

    /** The conversation so far, oldest first. */
    @Schema(name = "ConsoleTranscript")
    public record Transcript(String chatId, List<Line> messages) {
    }

    /** One line of the transcript: the customer's ({@code in}) or the bot's ({@code out}); absent fields are left out. */
    @Schema(name = "ConsoleLine")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(long id, @Schema(enumeration = {"in", "out"}) String direction, @Schema(format = "date-time") String at,
            String text, @Schema(description = "The id of the button the customer pressed") String button, List<Button> buttons,
            List<Attachment> attachments, @Schema(description = "A photo the bot sent with the text as its caption") String photoUrl) {
    }

    @Schema(name = "ConsoleButton")
    public record Button(String id, String label) {
    }

    /** A document the bot sent (an invoice PDF), by name: its content is not repeated. */
    @Schema(name = "ConsoleAttachment")
    public record Attachment(String fileName, String mediaType, int bytes) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send a message as the customer", description = "{\"text\": ...} or {\"button\": \"<id>\"}, optionally \"id\" to make"
            + " a retry idempotent.")
    @APIResponse(responseCode = "200", description = "Taken", content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "Not a message, or not a chat id", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "The console channel is off", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Not taken now; send it again", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> post(@PathParam("chatId") String chatId, byte[] body) {
        Response refused = refuse(chatId);
        if (refused != null) {
            return Uni.createFrom().item(refused);
        }
        InboundMessage message;
        try {
            message = message(chatId, JsonBody.object(body));
        } catch (BadInput e) {
            return Uni.createFrom().item(Errors.badRequest(e.getMessage()));
        }
        return intake.accept(message, connection -> transcribe(connection, message))
                .map(outcome -> Response.ok(new Accepted(chatId, message.updateId(), outcome.name().toLowerCase())).build())
                .onFailure().recoverWithItem(Errors::deliverAgain);
    }

    @GET
    @Operation(summary = "The conversation so far", description = "Replies appear once the outbox has delivered them.")
    @APIResponse(responseCode = "200", description = "The transcript", content = @Content(schema = @Schema(implementation = Transcript.class)))
    @APIResponse(responseCode = "400", description = "Not a chat id", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "The console channel is off", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Not readable now; try again", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> get(@PathParam("chatId") String chatId, @QueryParam("after") Long after) {
        Response refused = refuse(chatId);
        if (refused != null) {
            return Uni.createFrom().item(refused);
        }
        return ConsoleTranscript.after(pool, chatId, after == null ? 0L : after)
                .map(lines -> {
                    List<Line> messages = new ArrayList<>(lines.size());
                    lines.forEach(line -> messages.add(line(line.id(), line.direction(), line.payload(), line.at().toString())));
                    return Response.ok(new Transcript(chatId, messages)).build();
                })
                .onFailure().recoverWithItem(Errors::deliverAgain);
    }

    private Response refuse(String chatId) {
        if (!enabled) {
            return Errors.notFound("the console channel is off (PARLEY_CONSOLE_ENABLED)");
        }
        if (!CHAT_ID.matcher(chatId).matches()) {
            return Errors.badRequest("a chat id is 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return null;
    }

    static InboundMessage message(String chatId, JsonObject body) throws BadInput {
        Object text = body.getValue("text");
        Object button = body.getValue("button");
        Object id = body.getValue("id");
        if ((text == null) == (button == null)) {
            throw new BadInput("send either \"text\" or \"button\"");
        }
        if (!(text == null || text instanceof String) || !(button == null || button instanceof String) || !(id == null || id instanceof String)) {
            throw new BadInput("\"text\", \"button\" and \"id\" are strings");
        }
        if (text != null && ((String) text).isBlank() || button != null && ((String) button).isBlank()) {
            throw new BadInput("the message is empty");
        }
        String updateId = id == null ? UUID.randomUUID().toString() : (String) id;
        InboundMessage.Sender sender = new InboundMessage.Sender(chatId, null, null);
        return text != null
                ? InboundMessage.text(ConsoleSender.CHANNEL, updateId, chatId, (String) text).from(sender)
                : InboundMessage.button(ConsoleSender.CHANNEL, updateId, chatId, (String) button).from(sender);
    }

    private static Uni<Void> transcribe(SqlConnection connection, InboundMessage message) {
        JsonObject payload = message.text() != null ? new JsonObject().put("text", message.text()) : new JsonObject().put("button", message.buttonId());
        return ConsoleTranscript.add(connection, message.chatId(), "in", payload).replaceWithVoid();
    }

    /** One transcript line: direction, text, buttons with ids, attachments by name (their content is not repeated). */
    private static Line line(long id, String direction, JsonObject payload, String at) {
        JsonArray buttons = payload.getJsonArray("buttons", new JsonArray());
        List<Button> shown = new ArrayList<>(buttons.size());
        buttons.forEach(b -> shown.add(new Button(((JsonObject) b).getString("id"), ((JsonObject) b).getString("label"))));
        JsonObject document = payload.getJsonObject("document");
        List<Attachment> attachments = document == null ? null : List.of(new Attachment(document.getString("fileName"),
                document.getString("mediaType"), java.util.Base64.getDecoder().decode(document.getString("content", "")).length));
        return new Line(id, direction, at, payload.getString("text"), payload.getString("button"), shown.isEmpty() ? null : shown, attachments,
                payload.getString("photoUrl"));
    }
}
