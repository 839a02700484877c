package dev.parley.runtime.understanding;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.parley.runtime.channel.Problems;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Shows what the bot's extractor (the rules, or a model as the Bot's {@code spec.ai} asks) reads in a message, against
 * the current catalog:
 * {@code POST /api/v1/understanding/extract} with {@code {"text": "10m blue cotton"}} answers
 * {@code {"items": [{"material": "cotton", "color": "blue", "meters": 10}]}}, or {@code "rolls": 2} for whole rolls.
 */
@Path("/api/v1/understanding/extract")
@Produces(MediaType.APPLICATION_JSON)
public class ExtractionResource {

    private final OrderExtractor extractor;
    private final VocabularySource vocabulary;

    public ExtractionResource(OrderExtractor extractor, VocabularySource vocabulary) {
        this.extractor = extractor;
        this.vocabulary = vocabulary;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> extract(byte[] body) {
        String text;
        try {
            text = text(Problems.parseObject(body));
        } catch (Problems.BadInput e) {
            return Uni.createFrom().item(Problems.badRequest(e.getMessage()));
        }
        return vocabulary.current()
                // A model extractor waits on the network (up to spec.ai.timeoutSeconds): never on the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(words -> Response.ok(items(extractor.extract(text, words)).encode()).build());
    }

    private static String text(JsonObject body) throws Problems.BadInput {
        Object text = body.getValue("text");
        if (!(text instanceof String string)) {
            throw new Problems.BadInput(text == null ? "\"text\" is missing" : "\"text\" must be a string");
        }
        if (string.isBlank()) {
            throw new Problems.BadInput("\"text\" is empty");
        }
        return string;
    }

    static JsonObject items(List<OrderLine> lines) {
        JsonArray items = new JsonArray();
        for (OrderLine line : lines) {
            JsonObject item = new JsonObject().put("material", line.material()).put("color", line.color());
            if (line.meters() != null) {
                item.put("meters", line.meters());
            } else {
                item.put("rolls", line.rolls());
            }
            items.add(item);
        }
        return new JsonObject().put("items", items);
    }
}
