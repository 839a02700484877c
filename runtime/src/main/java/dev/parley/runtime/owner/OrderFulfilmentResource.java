package dev.parley.runtime.owner;

import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.parley.runtime.commerce.order.Decision;
import dev.parley.runtime.commerce.order.Fulfilment;
import dev.parley.runtime.commerce.order.OrderDecisions;
import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.http.Conflict;
import dev.parley.runtime.http.ErrorBody;
import dev.parley.runtime.http.JsonInput;
import dev.parley.runtime.http.NotFound;
import dev.parley.runtime.outbox.OutboxDelivery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * {@code POST /api/v1/orders/{id}/fulfilment}: the owner moves an accepted order of any flow forward (PREPARING, READY,
 * SHIPPED, DELIVERED, or CANCELLED with a reason; skipping allowed, never back). The customer is told and the order's
 * event written, by {@link OrderDecisions#fulfil}, in one transaction.
 */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "Orders customers confirmed, and the owner's decision on them")
public class OrderFulfilmentResource {

    static final int MAX_REASON = 500;

    /** Where the order's fulfilment stands now. */
    @Schema(name = "OrderFulfilment", description = "The order's fulfilment after the step")
    public record Moved(long orderId, Fulfilment fulfilment) {
    }

    private final Pool pool;
    private final OrderDecisions decisions;
    private final OutboxDelivery delivery;

    public OrderFulfilmentResource(Pool pool, OrderDecisions decisions, OutboxDelivery delivery) {
        this.pool = pool;
        this.decisions = decisions;
        this.delivery = delivery;
    }

    @POST
    @Path("{id: \\d{1,18}}/fulfilment")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Move an accepted order's fulfilment forward", description = "{\"fulfilment\": \"PREPARING\"} (READY, SHIPPED,"
            + " DELIVERED), or {\"fulfilment\": \"CANCELLED\", \"reason\": \"...\"}. Steps may be skipped, never taken back; the customer"
            + " is told.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = Moved.class)))
    @APIResponse(responseCode = "400", description = "An unknown fulfilment, or a cancellation without a reason",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "There is no such order (reason NOT_FOUND)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "Not accepted (NOT_ACCEPTED), or not forward (FULFILMENT_NOT_FORWARD); nothing changed",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Moved> move(@PathParam("id") long id, byte[] body) throws BadInput {
        JsonInput input = JsonInput.of(body, Set.of("fulfilment", "reason"));
        Fulfilment to;
        try {
            to = Fulfilment.named(input.text("fulfilment"));
        } catch (IllegalArgumentException e) {
            throw new BadInput("\"fulfilment\": " + e.getMessage());
        }
        String reason = input.optionalText("reason");
        if (to == Fulfilment.CANCELLED && reason == null) {
            throw new BadInput("\"reason\" is required to cancel: the customer is told why");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new BadInput("\"reason\" is at most " + MAX_REASON + " characters: the customer reads it in a chat");
        }
        return pool.withTransaction(tx -> decisions.fulfil(tx, id, to, OrderResource.DECIDED_BY, reason)).map(decision -> {
            if (decision instanceof Decision.Refused r) {
                throw r.reason() == Decision.Reason.NOT_FOUND ? new NotFound(r.detail(), r.reason().name()) : new Conflict(r.detail(), r.reason().name());
            }
            delivery.kick();
            return new Moved(id, ((Decision.Fulfilled) decision).fulfilment());
        });
    }
}
