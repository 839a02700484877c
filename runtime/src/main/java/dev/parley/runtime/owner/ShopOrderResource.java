package dev.parley.runtime.owner;

import java.util.Optional;
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
import dev.parley.runtime.commerce.order.Fulfilment;
import dev.parley.runtime.commerce.order.Order;
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
 * The owner API for the shop's orders: list and read them, accept (invoice; the customer's ledger when on account),
 * reject (the stock goes back), ship and deliver. The same {@link OrderDecisions} as the owners' chat buttons, in a
 * transaction of its own; the customer hears of each change once it commits.
 */
@Path("/api/v1/shop/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shop orders", description = "Orders placed in the shop flow, and the owner's decisions on them")
public class ShopOrderResource {

    private static final int MAX_REASON = 500;

    private final Pool pool;
    private final OrderRepository orders;
    private final OrderDecisions decisions;
    private final OutboxDelivery delivery;

    public ShopOrderResource(Pool pool, OrderRepository orders, OrderDecisions decisions, OutboxDelivery delivery) {
        this.pool = pool;
        this.orders = orders;
        this.decisions = decisions;
        this.delivery = delivery;
    }

    @GET
    @Operation(summary = "Shop orders, newest first", description = "Optionally only those in one state.")
    @APIResponse(responseCode = "200", description = "The orders with their product lines", content = @Content(schema = @Schema(implementation = OrderList.class)))
    @APIResponse(responseCode = "400", description = "An unknown state or a limit out of range", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<OrderList> list(
            @Parameter(description = "WAITING_OWNER_CONFIRMATION, ORDER_COMPLETED or ORDER_REJECTED") @QueryParam("state") String state,
            @Parameter(description = "At most this many orders, 1 to 500; 50 when absent") @QueryParam("limit") String limit) throws BadInput {
        OrderQuery query = OrderQuery.parse(state, limit);
        return orders.list(pool, query.state(), Optional.of(Order.Kind.SHOP), query.limit())
                .map(list -> new OrderList(list.stream().map(OrderView::of).toList()));
    }

    @GET
    @Path("{id: \\d{1,18}}")
    @Operation(summary = "One shop order")
    @APIResponse(responseCode = "200", description = "The order", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "There is no such shop order", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<OrderView> one(@PathParam("id") long id) {
        return shopOrder(id).map(OrderView::of);
    }

    private Uni<Order> shopOrder(long id) {
        return orders.find(pool, id).map(order -> order.filter(o -> o.kind() == Order.Kind.SHOP)
                .orElseThrow(() -> new NotFound("there is no shop order " + id)));
    }

    @POST
    @Path("{id: \\d{1,18}}/accept")
    @Operation(summary = "Accept a shop order", description = "Issues the invoice, debits the customer's ledger when the order is on account,"
            + " and sends the customer the invoice. Its stock was taken when the customer confirmed.")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(implementation = Decided.Approved.class)))
    @APIResponse(responseCode = "404", description = "There is no such shop order", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "Refused, nothing changed: decided already", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Decided.Approved> accept(@PathParam("id") long id) {
        return shopOrder(id).flatMap(order -> decided(pool.withTransaction(tx -> decisions.approve(tx, id, OrderResource.DECIDED_BY))))
                .map(decision -> Decided.Approved.of((Decision.Approved) decision));
    }

    @POST
    @Path("{id: \\d{1,18}}/reject")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Reject a shop order", description = "Its stock goes back; the customer is told, with the reason if one is given."
            + " The body is optional: {\"reason\": \"...\"}.")
    @APIResponse(responseCode = "200", description = "Rejected", content = @Content(schema = @Schema(implementation = Decided.Rejected.class)))
    @APIResponse(responseCode = "400", description = "The body is not {\"reason\": text}", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "There is no such shop order", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "Refused, nothing changed: decided already", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Decided.Rejected> reject(@PathParam("id") long id, byte[] body) throws BadInput {
        String reason = body == null || body.length == 0 ? null : JsonInput.of(body, Set.of("reason")).optionalText("reason");
        if (reason != null && reason.length() > MAX_REASON) {
            throw new BadInput("\"reason\" is at most " + MAX_REASON + " characters: the customer reads it in a chat");
        }
        return shopOrder(id).flatMap(order -> decided(pool.withTransaction(tx -> decisions.reject(tx, id, OrderResource.DECIDED_BY, reason))))
                .map(Decided.Rejected::of);
    }

    @POST
    @Path("{id: \\d{1,18}}/ship")
    @Operation(summary = "Mark an accepted shop order shipped", description = "The customer is told.")
    @APIResponse(responseCode = "200", description = "Shipped", content = @Content(schema = @Schema(implementation = Fulfilled.class)))
    @APIResponse(responseCode = "404", description = "There is no such shop order", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "Refused, nothing changed: not accepted (NOT_ACCEPTED), or delivered or cancelled already"
            + " (FULFILMENT_NOT_FORWARD)", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Fulfilled> ship(@PathParam("id") long id) {
        return fulfil(id, Fulfilment.SHIPPED);
    }

    @POST
    @Path("{id: \\d{1,18}}/deliver")
    @Operation(summary = "Mark an accepted shop order delivered", description = "The customer is told.")
    @APIResponse(responseCode = "200", description = "Delivered", content = @Content(schema = @Schema(implementation = Fulfilled.class)))
    @APIResponse(responseCode = "404", description = "There is no such shop order", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "Refused, nothing changed: not accepted, or delivered or cancelled already",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Fulfilled> deliver(@PathParam("id") long id) {
        return fulfil(id, Fulfilment.DELIVERED);
    }

    /** Where an order's fulfilment stands after a step. */
    @Schema(name = "Fulfilled", description = "The order's fulfilment moved on")
    public record Fulfilled(long orderId, Fulfilment fulfilment) {
    }

    private Uni<Fulfilled> fulfil(long id, Fulfilment to) {
        return shopOrder(id).flatMap(order -> decided(pool.withTransaction(tx -> decisions.fulfil(tx, id, to, OrderResource.DECIDED_BY, null))))
                .map(d -> new Fulfilled(d.orderId(), ((Decision.Fulfilled) d).fulfilment()));
    }

    /** A decision taken, once its transaction has committed; a refusal fails as 404 or 409 with its reason. */
    private Uni<Decision> decided(Uni<Decision> decision) {
        return decision.invoke(d -> {
            if (d instanceof Decision.Refused r) {
                throw r.reason() == Decision.Reason.NOT_FOUND ? new NotFound(r.detail(), r.reason().name())
                        : new Conflict(r.detail(), r.reason().name());
            }
            delivery.kick();
        });
    }
}
