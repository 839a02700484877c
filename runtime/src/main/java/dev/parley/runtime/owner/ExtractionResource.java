package dev.parley.runtime.owner;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.http.ErrorBody;
import dev.parley.runtime.http.JsonBody;
import dev.parley.runtime.understanding.OrderExtractor;
import dev.parley.runtime.understanding.VocabularySource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonObject;

/**
 * Shows what the bot's extractor (the rules, or a model as the Bot's {@code spec.ai} asks) reads in a message, against
 * the current catalog:
 * {@code POST /api/v1/understanding/extract} with {@code {"text": "10m blue cotton"}} answers
 * {@code {"items": [{"material": "cotton", "color": "blue", "meters": 10}]}}, or {@code "rolls": 2} for whole rolls.
 */
@Path("/api/v1/understanding/extract")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Understanding", description = "What the bot reads in a customer's message")
public class ExtractionResource {

    private final OrderExtractor extractor;
    private final VocabularySource vocabulary;

    public ExtractionResource(OrderExtractor extractor, VocabularySource vocabulary) {
        this.extractor = extractor;
        this.vocabulary = vocabulary;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Read the order lines in a message", description = "{\"text\": \"10m blue cotton\"}; with a model behind it, a call"
            + " spends the bot's token budget.")
    @APIResponse(responseCode = "200", description = "The lines read, none for a message without an order",
            content = @Content(schema = @Schema(implementation = ExtractedItems.class)))
    @APIResponse(responseCode = "400", description = "The body is not {\"text\": text}", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<ExtractedItems> extract(byte[] body) throws BadInput {
        String text = text(JsonBody.object(body));
        return vocabulary.current()
                // A model extractor waits on the network (up to spec.ai.timeoutSeconds): never on the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(words -> ExtractedItems.of(extractor.extract(text, words)));
    }

    private static String text(JsonObject body) throws BadInput {
        Object text = body.getValue("text");
        if (!(text instanceof String string)) {
            throw new BadInput(text == null ? "\"text\" is missing" : "\"text\" must be a string");
        }
        if (string.isBlank()) {
            throw new BadInput("\"text\" is empty");
        }
        return string;
    }
}
