package dev.parley.runtime.owner;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.parley.runtime.conversation.DeadLetters;
import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.http.ErrorBody;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The messages the bot could not handle ({@link DeadLetters}): what each said, on which chat, and why it failed, so
 * that the owner can answer the customer by hand and an engineer can fix the cause.
 */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Messages the bot could not handle: kept with the reason, their customers told")
public class DeadLetterResource {

    private static final int MAX_LIMIT = 500;

    /** One message that could not be handled. */
    @Schema(name = "DeadLetter")
    public record View(long id, String channel, String updateId, String chatId, String text, String button, String reason, String at) {
    }

    /** {@code {"deadLetters": [...]}}, newest first. */
    @Schema(name = "DeadLetters")
    public record ViewList(List<View> deadLetters) {
    }

    private final Pool pool;

    public DeadLetterResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @Operation(summary = "Messages the bot could not handle, newest first")
    @APIResponse(responseCode = "200", description = "The dead letters", content = @Content(schema = @Schema(implementation = ViewList.class)))
    @APIResponse(responseCode = "400", description = "A limit out of range", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<ViewList> list(@Parameter(description = "At most this many, 1 to 500; 50 when absent") @QueryParam("limit") Integer limit)
            throws BadInput {
        int most = limit == null ? 50 : limit;
        if (most < 1 || most > MAX_LIMIT) {
            throw new BadInput("\"limit\" is a whole number from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        return DeadLetters.newest(pool, most).map(letters -> new ViewList(letters.stream()
                .map(l -> new View(l.id(), l.channel(), l.updateId(), l.chatId(), l.content().getString("text"), l.content().getString("button"),
                        l.reason(), l.at().toInstant().toString()))
                .toList()));
    }
}
