package dev.parley.runtime.commerce.order;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.parley.runtime.channel.Problems;
import dev.parley.runtime.commerce.JsonInput;
import dev.parley.runtime.commerce.OwnerAnswers;
import dev.parley.runtime.commerce.inventory.Quantity;
import dev.parley.runtime.commerce.order.Decision.Approved;
import dev.parley.runtime.commerce.order.Decision.Reason;
import dev.parley.runtime.commerce.order.Decision.Refused;
import dev.parley.runtime.outbox.OutboxDelivery;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
    private static final int MAX_LIMIT = 500;
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
    @APIResponse(responseCode = "200", description = "{\"orders\": [...]}, each with its lines and their batch allocations")
    @APIResponse(responseCode = "400", description = "An unknown state or a limit out of range")
    public Uni<Response> list(
            @Parameter(description = "WAITING_OWNER_CONFIRMATION, ORDER_COMPLETED or ORDER_REJECTED") @QueryParam("state") String state,
            @Parameter(description = "At most this many orders, 1 to 500; 50 when absent") @QueryParam("limit") String limit) {
        Optional<Order.State> wanted;
        int most;
        try {
            wanted = state == null || state.isBlank() ? Optional.empty() : Optional.of(Order.State.named(state));
            most = limit(limit);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Problems.badRequest(e.getMessage()));
        }
        return orders.list(pool, wanted, most)
                .map(list -> Response.ok(new JsonObject().put("orders", new JsonArray(list.stream().map(OrderResource::view).toList())).encode()).build())
                .onFailure().recoverWithItem(OwnerAnswers::failure);
    }

    @GET
    @Path("{id: \\d{1,18}}")
    @Operation(summary = "One order, with its lines and their batch allocations")
    @APIResponse(responseCode = "200", description = "The order")
    @APIResponse(responseCode = "404", description = "There is no such order")
    public Uni<Response> one(@PathParam("id") long id) {
        return orders.find(pool, id)
                .map(order -> order.map(o -> Response.ok(view(o).encode()).build())
                        .orElseGet(() -> Problems.notFound("there is no order " + id)))
                .onFailure().recoverWithItem(OwnerAnswers::failure);
    }

    @POST
    @Path("{id: \\d{1,18}}/approve")
    @Operation(summary = "Approve an order", description = "Deducts its stock, issues the invoice, debits the customer's ledger and sends"
            + " the customer the invoice: all or nothing.")
    @APIResponse(responseCode = "200", description = "Approved: {\"orderId\", \"state\", \"invoiceId\", \"invoiceNumber\", \"totalMinor\", \"currency\"}")
    @APIResponse(responseCode = "404", description = "There is no such order")
    @APIResponse(responseCode = "409", description = "Refused, nothing changed: {\"error\", \"reason\"} with reason ALREADY_APPROVED,"
            + " ALREADY_REJECTED or OUT_OF_STOCK")
    public Uni<Response> approve(@PathParam("id") long id) {
        return decided(pool.withTransaction(tx -> decisions.approve(tx, id, DECIDED_BY)));
    }

    @POST
    @Path("{id: \\d{1,18}}/reject")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Reject an order", description = "Changes no stock; tells the customer, with the reason if one is given."
            + " The body is optional: {\"reason\": \"...\"}.")
    @APIResponse(responseCode = "200", description = "Rejected: {\"orderId\", \"state\"}")
    @APIResponse(responseCode = "400", description = "The body is not {\"reason\": text}")
    @APIResponse(responseCode = "404", description = "There is no such order")
    @APIResponse(responseCode = "409", description = "Refused, nothing changed: the order was decided already")
    public Uni<Response> reject(@PathParam("id") long id, byte[] body) {
        String reason;
        try {
            reason = body == null || body.length == 0 ? null : JsonInput.of(body, Set.of("reason")).optionalText("reason");
            if (reason != null && reason.length() > MAX_REASON) {
                throw new Problems.BadInput("\"reason\" is at most " + MAX_REASON + " characters: the customer reads it in a chat");
            }
        } catch (Problems.BadInput e) {
            return Uni.createFrom().item(Problems.badRequest(e.getMessage()));
        }
        return decided(pool.withTransaction(tx -> decisions.reject(tx, id, DECIDED_BY, reason)));
    }

    /** The answer to a decision, once its transaction has committed. */
    private Uni<Response> decided(Uni<Decision> decision) {
        return decision
                .invoke(d -> {
                    if (!(d instanceof Refused)) {
                        delivery.kick();
                    }
                })
                .map(OrderResource::answer)
                .onFailure().recoverWithItem(OwnerAnswers::failure);
    }

    private static Response answer(Decision decision) {
        if (decision instanceof Approved a) {
            return Response.ok(new JsonObject().put("orderId", a.orderId()).put("state", Order.State.ORDER_COMPLETED.name())
                    .put("invoiceId", a.invoiceId()).put("invoiceNumber", a.invoiceNumber()).put("totalMinor", a.totalMinor())
                    .put("currency", a.currency()).encode()).build();
        }
        if (decision instanceof Refused r) {
            return Response.status(r.reason() == Reason.NOT_FOUND ? Response.Status.NOT_FOUND : Response.Status.CONFLICT)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new JsonObject().put("error", r.detail()).put("reason", r.reason().name()).encode()).build();
        }
        return Response.ok(new JsonObject().put("orderId", decision.orderId()).put("state", Order.State.ORDER_REJECTED.name()).encode()).build();
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 50;
        }
        try {
            int most = Integer.parseInt(limit.strip());
            if (most >= 1 && most <= MAX_LIMIT) {
                return most;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("limit is a whole number from 1 to " + MAX_LIMIT + ", not '" + limit + "'");
    }

    /** An order as the API shows it; times are ISO-8601 instants, null while not decided. */
    static JsonObject view(Order order) {
        JsonArray lines = new JsonArray();
        for (NewOrder.Line line : order.lines()) {
            JsonArray allocations = new JsonArray();
            line.takes().forEach(take -> allocations.add(new JsonObject().put("batchId", take.batchId()).put("rolls", take.rolls())
                    .put("looseMeters", take.looseMeters()).put("meters", take.meters()).put("pricePerMeterMinor", take.pricePerMeterMinor())));
            boolean rolls = line.requested().unit() == Quantity.Unit.ROLLS;
            lines.add(new JsonObject().put("lineNo", line.lineNo()).put("material", line.material()).put("color", line.color())
                    .put("requestedMeters", rolls ? null : line.requested().amount())
                    .put("requestedRolls", rolls ? line.requested().rolls() : null)
                    .put("meters", line.meters()).put("amountMinor", line.amountMinor()).put("allocations", allocations));
        }
        return new JsonObject()
                .put("id", order.id())
                .put("customerId", order.customerId())
                .put("customerName", order.customerName())
                .put("channel", order.channel())
                .put("chatId", order.chatId())
                .put("state", order.state().name())
                .put("language", order.language())
                .put("currency", order.currency())
                .put("subtotalMinor", order.subtotalMinor())
                .put("confirmedAt", order.confirmedAt().toString())
                .put("decidedAt", order.decidedAt() == null ? null : order.decidedAt().toString())
                .put("decidedBy", order.decidedBy())
                .put("rejectionReason", order.rejectionReason())
                .put("invoiceId", order.invoiceId())
                .put("lines", lines);
    }
}
