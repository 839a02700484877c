package dev.parley.runtime.owner;

import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.parley.runtime.commerce.order.Decision;
import dev.parley.runtime.commerce.order.Decision.Reason;
import dev.parley.runtime.commerce.order.Decision.Refused;
import dev.parley.runtime.commerce.order.OrderDecisions;
import dev.parley.runtime.commerce.order.OrderRepository;
import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.http.Conflict;
import dev.parley.runtime.http.ErrorBody;
import dev.parley.runtime.http.JsonInput;
import dev.parley.runtime.http.NotFound;
import dev.parley.runtime.outbox.OutboxDelivery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The owner API for confirmed orders: list and read them, approve or reject one. A decision is taken by
 * {@link OrderDecisions} in a transaction of its own, and the outbox is kicked once it commits, so that the
 * customer hears at once.
 */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "Orders customers confirmed, and the owner's decision on them")
public class OrderResource {

    /** Who decided, as recorded on the order and in the ledger. */
    static final String DECIDED_BY = "owner-api";
    private static final int MAX_REASON = 500;

    private final Pool pool;
    private final OrderRepository orders;
    private final OrderDecisions decisions;
    private final OutboxDelivery delivery;

    public OrderResource(Pool pool, OrderRepository orders, OrderDecisions decisions, OutboxDelivery delivery) {
        this.pool = pool;
        this.orders = orders;
        this.decisions = decisions;
        this.delivery = delivery;
    }

    @GET
    @Operation(summary = "Orders, newest first", description = "Optionally only those in one state.")
    @APIResponse(responseCode = "200", description = "The orders, each with its lines and their batch allocations",
            content = @Content(schema = @Schema(implementation = OrderList.class)))
    @APIResponse(responseCode = "400", description = "An unknown state or a limit out of range",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<OrderList> list(
            @Parameter(description = "WAITING_OWNER_CONFIRMATION, ORDER_COMPLETED or ORDER_REJECTED") @QueryParam("state") String state,
            @Parameter(description = "At most this many orders, 1 to 500; 50 when absent") @QueryParam("limit") String limit) throws BadInput {
        OrderQuery query = OrderQuery.parse(state, limit);
        return orders.list(pool, query.state(), query.limit()).map(list -> new OrderList(list.stream().map(OrderView::of).toList()));
    }

    @GET
    @Path("{id: \\d{1,18}}")
    @Operation(summary = "One order, with its lines and their batch allocations")
    @APIResponse(responseCode = "200", description = "The order", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "There is no such order",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<OrderView> one(@PathParam("id") long id) {
        return orders.find(pool, id).map(order -> OrderView.of(order.orElseThrow(() -> new NotFound("there is no order " + id))));
    }

    @POST
    @Path("{id: \\d{1,18}}/approve")
    @Operation(summary = "Approve an order", description = "Deducts its stock, issues the invoice, debits the customer's ledger and sends"
            + " the customer the invoice: all or nothing.")
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(schema = @Schema(implementation = Decided.Approved.class)))
    @APIResponse(responseCode = "404", description = "There is no such order (reason NOT_FOUND)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "Refused, nothing changed; reason ALREADY_APPROVED, ALREADY_REJECTED or OUT_OF_STOCK",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Decided.Approved> approve(@PathParam("id") long id) {
        return decided(pool.withTransaction(tx -> decisions.approve(tx, id, DECIDED_BY)))
                .map(decision -> Decided.Approved.of((Decision.Approved) decision));
    }

    @POST
    @Path("{id: \\d{1,18}}/reject")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Reject an order", description = "Changes no stock; tells the customer, with the reason if one is given."
            + " The body is optional: {\"reason\": \"...\"}.")
    @APIResponse(responseCode = "200", description = "Rejected", content = @Content(schema = @Schema(implementation = Decided.Rejected.class)))
    @APIResponse(responseCode = "400", description = "The body is not {\"reason\": text}",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "There is no such order (reason NOT_FOUND)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "Refused, nothing changed: the order was decided already (reason ALREADY_APPROVED"
            + " or ALREADY_REJECTED)", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Decided.Rejected> reject(@PathParam("id") long id, byte[] body) throws BadInput {
        String reason = body == null || body.length == 0 ? null : JsonInput.of(body, Set.of("reason")).optionalText("reason");
        if (reason != null && reason.length() > MAX_REASON) {
            throw new BadInput("\"reason\" is at most " + MAX_REASON + " characters: the customer reads it in a chat");
        }
        return decided(pool.withTransaction(tx -> decisions.reject(tx, id, DECIDED_BY, reason))).map(Decided.Rejected::of);
    }

    /** A decision taken, once its transaction has committed; a refusal fails as 404 or 409 with its reason. */
    private Uni<Decision> decided(Uni<Decision> decision) {
        return decision.invoke(d -> {
            if (d instanceof Refused r) {
                throw r.reason() == Reason.NOT_FOUND ? new NotFound(r.detail(), r.reason().name()) : new Conflict(r.detail(), r.reason().name());
            }
            delivery.kick();
        });
    }
}
