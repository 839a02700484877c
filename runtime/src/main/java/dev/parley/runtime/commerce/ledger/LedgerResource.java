package dev.parley.runtime.commerce.ledger;

import java.net.URI;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.parley.runtime.channel.Problems;
import dev.parley.runtime.commerce.JsonInput;
import dev.parley.runtime.commerce.OwnerAnswers;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The owner API for a customer's credit: {@code GET /api/v1/customers/{id}/ledger} (entries oldest first and the
 * balance due) and {@code POST /api/v1/customers/{id}/payments} ({@code {"amountMinor": 150000, "note": "cash"}}).
 */
@Path("/api/v1/customers/{id: \\d{1,18}}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger", description = "Customers' credit: invoices debited on approval, payments the owner records")
public class LedgerResource {

    /** Who recorded a payment, as the ledger keeps it. */
    static final String RECORDED_BY = "owner-api";

    private final Pool pool;
    private final Ledger ledger;

    public LedgerResource(Pool pool, Ledger ledger) {
        this.pool = pool;
        this.ledger = ledger;
    }

    @GET
    @Path("ledger")
    @Operation(summary = "A customer's ledger", description = "Invoices are positive, payments negative; the balance due is their sum.")
    @APIResponse(responseCode = "200", description = "{\"customerId\", \"balanceMinor\", \"entries\": [...]}")
    @APIResponse(responseCode = "404", description = "There is no such customer")
    public Uni<Response> ledger(@PathParam("id") long id) {
        return ledger.entries(pool, id)
                // The balance from the same rows, so that the two always agree.
                .map(entries -> Response.ok(new JsonObject().put("customerId", id)
                        .put("balanceMinor", entries.stream().mapToLong(LedgerEntry::amountMinor).sum())
                        .put("entries", new JsonArray(entries.stream().map(LedgerResource::view).toList())).encode()).build())
                .onFailure(Ledger.UnknownCustomer.class).recoverWithItem(failure -> Problems.notFound(failure.getMessage()))
                .onFailure().recoverWithItem(OwnerAnswers::failure);
    }

    @POST
    @Path("payments")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Record a payment", description = "{\"amountMinor\": 150000, \"note\": \"cash\"}: the amount in minor units,"
            + " more than 0; the note is optional.")
    @APIResponse(responseCode = "201", description = "The ledger entry (its amount negative) and the balance due after it")
    @APIResponse(responseCode = "400", description = "A missing, non-positive or fractional amount, or an unknown field")
    @APIResponse(responseCode = "404", description = "There is no such customer")
    public Uni<Response> pay(@PathParam("id") long id, byte[] body) {
        long amount;
        String note;
        try {
            JsonInput input = JsonInput.of(body, Set.of("amountMinor", "note"));
            amount = input.count("amountMinor", "the amount paid in minor units (paise, cents), more than 0");
            if (amount == 0) {
                throw new Problems.BadInput("\"amountMinor\" must be more than 0: the amount paid in minor units (paise, cents)");
            }
            note = input.optionalText("note");
        } catch (Problems.BadInput e) {
            return Uni.createFrom().item(Problems.badRequest(e.getMessage()));
        }
        return pool.withTransaction(tx -> ledger.recordPayment(tx, id, amount, note, RECORDED_BY)
                        .flatMap(entry -> ledger.balance(tx, id).map(balance -> view(entry).put("balanceMinor", balance))))
                .map(created -> Response.created(URI.create("/api/v1/customers/" + id + "/ledger")).entity(created.encode()).build())
                .onFailure(Ledger.UnknownCustomer.class).recoverWithItem(failure -> Problems.notFound(failure.getMessage()))
                .onFailure().recoverWithItem(OwnerAnswers::failure);
    }

    static JsonObject view(LedgerEntry entry) {
        return new JsonObject()
                .put("id", entry.id())
                .put("customerId", entry.customerId())
                .put("kind", entry.kind().name())
                .put("amountMinor", entry.amountMinor())
                .put("invoiceId", entry.invoiceId())
                .put("note", entry.note())
                .put("recordedBy", entry.recordedBy())
                .put("recordedAt", entry.recordedAt().toString());
    }
}
