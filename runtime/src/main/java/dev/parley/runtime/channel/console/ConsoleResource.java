package dev.parley.runtime.channel.console;

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

import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.channel.Intake;
import dev.parley.runtime.channel.Problems;
import dev.parley.runtime.config.BotSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The local console channel (DESIGN §6): chat with the bot over HTTP, without Telegram or WhatsApp.
 * {@code POST} a message ({@code {"text": ...}} or {@code {"button": "<id>"}}, optionally {@code "id"} to make a
 * retry idempotent); {@code GET} the conversation so far, replies included once the outbox has delivered them.
 * On unless {@code PARLEY_CONSOLE_ENABLED=false}; off by default for a bot the operator runs.
 */
@Path("/api/v1/console/chats/{chatId}/messages")
@Produces(MediaType.APPLICATION_JSON)
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

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> post(@PathParam("chatId") String chatId, byte[] body) {
        Response refused = refuse(chatId);
        if (refused != null) {
            return Uni.createFrom().item(refused);
        }
        InboundMessage message;
        try {
            message = message(chatId, Problems.parseObject(body));
        } catch (Problems.BadInput e) {
            return Uni.createFrom().item(Problems.badRequest(e.getMessage()));
        }
        return intake.accept(message, connection -> transcribe(connection, message))
                .map(outcome -> Response.ok(new JsonObject().put("chatId", chatId).put("id", message.updateId())
                        .put("outcome", outcome.name().toLowerCase()).encode()).build())
                .onFailure().recoverWithItem(Problems::unavailable);
    }

    @GET
    public Uni<Response> get(@PathParam("chatId") String chatId, @QueryParam("after") Long after) {
        Response refused = refuse(chatId);
        if (refused != null) {
            return Uni.createFrom().item(refused);
        }
        return ConsoleTranscript.after(pool, chatId, after == null ? 0L : after)
                .map(lines -> {
                    JsonArray messages = new JsonArray();
                    lines.forEach(line -> messages.add(view(line.id(), line.direction(), line.payload(), line.at().toString())));
                    return Response.ok(new JsonObject().put("chatId", chatId).put("messages", messages).encode()).build();
                })
                .onFailure().recoverWithItem(Problems::unavailable);
    }

    private Response refuse(String chatId) {
        if (!enabled) {
            return Problems.notFound("the console channel is off (PARLEY_CONSOLE_ENABLED)");
        }
        if (!CHAT_ID.matcher(chatId).matches()) {
            return Problems.badRequest("a chat id is 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return null;
    }

    static InboundMessage message(String chatId, JsonObject body) throws Problems.BadInput {
        Object text = body.getValue("text");
        Object button = body.getValue("button");
        Object id = body.getValue("id");
        if ((text == null) == (button == null)) {
            throw new Problems.BadInput("send either \"text\" or \"button\"");
        }
        if (!(text == null || text instanceof String) || !(button == null || button instanceof String) || !(id == null || id instanceof String)) {
            throw new Problems.BadInput("\"text\", \"button\" and \"id\" are strings");
        }
        if (text != null && ((String) text).isBlank() || button != null && ((String) button).isBlank()) {
            throw new Problems.BadInput("the message is empty");
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
    private static JsonObject view(long id, String direction, JsonObject payload, String at) {
        JsonObject line = new JsonObject().put("id", id).put("direction", direction).put("at", at);
        if (payload.getString("text") != null) {
            line.put("text", payload.getString("text"));
        }
        if (payload.getString("button") != null) {
            line.put("button", payload.getString("button"));
        }
        JsonArray buttons = payload.getJsonArray("buttons", new JsonArray());
        if (!buttons.isEmpty()) {
            line.put("buttons", buttons);
        }
        JsonObject document = payload.getJsonObject("document");
        if (document != null) {
            String content = document.getString("content", "");
            line.put("attachments", new JsonArray().add(new JsonObject().put("fileName", document.getString("fileName"))
                    .put("mediaType", document.getString("mediaType")).put("bytes", java.util.Base64.getDecoder().decode(content).length)));
        }
        return line;
    }
}
