package dev.parley.runtime.owner;

import java.net.URI;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.jboss.resteasy.reactive.RestResponse;

import dev.parley.runtime.commerce.Money;
import dev.parley.runtime.commerce.ledger.Ledger;
import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.http.ErrorBody;
import dev.parley.runtime.http.JsonInput;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The owner API for a customer's credit: {@code GET /api/v1/customers/{id}/ledger} (entries oldest first and the
 * balance due) and {@code POST /api/v1/customers/{id}/payments} ({@code {"amountMinor": 150000, "note": "cash"}}).
 * An unknown customer ({@link Ledger.UnknownCustomer}) is a 404 ({@link OwnerFailures}).
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
    @APIResponse(responseCode = "200", description = "The entries and the balance due", content = @Content(schema = @Schema(implementation = LedgerView.class)))
    @APIResponse(responseCode = "404", description = "There is no such customer",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<LedgerView> ledger(@PathParam("id") long id) {
        return ledger.entries(pool, id).map(entries -> LedgerView.of(id, entries));
    }

    @POST
    @Path("payments")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Record a payment", description = "{\"amountMinor\": 150000, \"note\": \"cash\"}: the amount in minor units,"
            + " more than 0; the note is optional.")
    @APIResponse(responseCode = "201", description = "The ledger entry (its amount negative) and the balance due after it",
            content = @Content(schema = @Schema(implementation = LedgerView.Payment.class)))
    @APIResponse(responseCode = "400", description = "A missing, non-positive or fractional amount, or an unknown field",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "There is no such customer",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<RestResponse<LedgerView.Payment>> pay(@PathParam("id") long id, byte[] body) throws BadInput {
        JsonInput input = JsonInput.of(body, Set.of("amountMinor", "note"));
        long amount = input.count("amountMinor", "the amount paid in minor units (paise, cents), more than 0");
        if (amount == 0) {
            throw new BadInput("\"amountMinor\" must be more than 0: the amount paid in minor units (paise, cents)");
        }
        if (amount > Money.MAX_PAYMENT_MINOR) {
            throw new BadInput("\"amountMinor\" is at most " + Money.MAX_PAYMENT_MINOR + " in one payment; record a larger one in parts");
        }
        String note = input.optionalText("note");
        return pool.withTransaction(tx -> ledger.recordPayment(tx, id, amount, note, RECORDED_BY)
                        .flatMap(entry -> ledger.balance(tx, id).map(balance -> LedgerView.Payment.of(entry, balance))))
                .map(payment -> RestResponse.ResponseBuilder.<LedgerView.Payment>created(URI.create("/api/v1/customers/" + id + "/ledger"))
                        .entity(payment).build());
    }
}
