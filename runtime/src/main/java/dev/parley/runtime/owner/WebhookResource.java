package dev.parley.runtime.owner;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.parley.runtime.webhook.WebhookHealth;
import io.smallrye.mutiny.Uni;

/** {@code GET /api/v1/integrations/webhooks}: the Bot's webhook subscribers and how delivery to each goes. */
@Path("/api/v1/integrations/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Integrations", description = "Other systems: webhook subscribers of the order events")
public class WebhookResource {

    /** The subscribers. */
    @Schema(name = "WebhookSubscribers")
    public record Subscribers(List<WebhookHealth.Subscriber> subscribers) {
    }

    private final WebhookHealth health;

    public WebhookResource(WebhookHealth health) {
        this.health = health;
    }

    @GET
    @Operation(summary = "Webhook subscribers and their delivery", description = "Per subscriber: events waiting, the attempts and last"
            + " error of the oldest, events given up (failed), and whether it is failing (the oldest failed 3 times or more, or one was"
            + " given up).")
    @APIResponse(responseCode = "200", description = "The subscribers", content = @Content(schema = @Schema(implementation = Subscribers.class)))
    public Uni<Subscribers> list() {
        return health.current().map(Subscribers::new);
    }
}
