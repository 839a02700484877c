package dev.parley.runtime.commerce.invoice;

import java.math.BigDecimal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.parley.runtime.channel.Problems;
import dev.parley.runtime.commerce.OwnerAnswers;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/** The owner API for issued invoices: {@code GET /api/v1/invoices/{id}} (JSON) and {@code /{id}/pdf} (the PDF sent). */
@Path("/api/v1/invoices/{id: \\d{1,18}}")
@Tag(name = "Invoices", description = "Invoices issued when the owner approves an order")
public class InvoiceResource {

    private final Pool pool;
    private final InvoiceRepository invoices;

    public InvoiceResource(Pool pool, InvoiceRepository invoices) {
        this.pool = pool;
        this.invoices = invoices;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One invoice: number, order, customer, subtotal, tax and total in minor units")
    @APIResponse(responseCode = "200", description = "The invoice")
    @APIResponse(responseCode = "404", description = "There is no such invoice")
    public Uni<Response> one(@PathParam("id") long id) {
        return invoices.find(pool, id)
                .map(invoice -> invoice.map(i -> Response.ok(view(i).encode()).build())
                        .orElseGet(() -> Problems.notFound("there is no invoice " + id)))
                .onFailure().recoverWithItem(OwnerAnswers::failure);
    }

    @GET
    @Path("pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "The invoice's PDF, as the customer received it")
    @APIResponse(responseCode = "200", description = "application/pdf")
    @APIResponse(responseCode = "404", description = "There is no such invoice")
    public Uni<Response> pdf(@PathParam("id") long id) {
        return invoices.pdf(pool, id)
                .map(pdf -> pdf.map(bytes -> Response.ok(bytes, "application/pdf")
                                .header("Content-Disposition", "inline; filename=\"invoice-" + id + ".pdf\"").build())
                        .orElseGet(() -> Problems.notFound("there is no invoice " + id)))
                .onFailure().recoverWithItem(OwnerAnswers::failure);
    }

    static JsonObject view(Invoice invoice) {
        return new JsonObject()
                .put("id", invoice.id())
                .put("number", invoice.number())
                .put("orderId", invoice.orderId())
                .put("customerId", invoice.customerId())
                .put("currency", invoice.currency())
                .put("subtotalMinor", invoice.subtotalMinor())
                // 5.0000 as stored is 5 here; through a plain string, so that 10 is not written 1E+1.
                .put("taxRatePercent", new BigDecimal(invoice.taxRatePercent().stripTrailingZeros().toPlainString()))
                .put("taxMinor", invoice.taxMinor())
                .put("totalMinor", invoice.totalMinor())
                .put("issuedAt", invoice.issuedAt().toString())
                .put("pdf", "/api/v1/invoices/" + invoice.id() + "/pdf");
    }
}
