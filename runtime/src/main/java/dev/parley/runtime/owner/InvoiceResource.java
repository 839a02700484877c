package dev.parley.runtime.owner;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.parley.runtime.commerce.invoice.InvoiceRepository;
import dev.parley.runtime.http.ErrorBody;
import dev.parley.runtime.http.NotFound;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** The owner API for issued invoices: {@code GET /api/v1/invoices/{id}} (JSON) and {@code /{id}/pdf} (the PDF sent). */
@Path("/api/v1/invoices/{id: \\d{1,18}}")
@Tag(name = "Invoices", description = "Invoices issued when the owner approves an order")
public class InvoiceResource {

    private static final String PDF = "application/pdf";

    private final Pool pool;
    private final InvoiceRepository invoices;

    public InvoiceResource(Pool pool, InvoiceRepository invoices) {
        this.pool = pool;
        this.invoices = invoices;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One invoice: number, order, customer, subtotal, tax and total in minor units")
    @APIResponse(responseCode = "200", description = "The invoice", content = @Content(schema = @Schema(implementation = InvoiceView.class)))
    @APIResponse(responseCode = "404", description = "There is no such invoice",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<InvoiceView> one(@PathParam("id") long id) {
        return invoices.find(pool, id).map(invoice -> InvoiceView.of(invoice.orElseThrow(() -> noInvoice(id))));
    }

    @GET
    @Path("pdf")
    @Produces({PDF, MediaType.APPLICATION_JSON})
    @Operation(summary = "The invoice's PDF, as the customer received it")
    @APIResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "There is no such invoice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> pdf(@PathParam("id") long id) {
        // A Response: written as a RestResponse<byte[]>, the body was not the PDF's bytes.
        return invoices.pdf(pool, id).map(pdf -> Response.ok(pdf.orElseThrow(() -> noInvoice(id)), PDF)
                .header("Content-Disposition", "inline; filename=\"invoice-" + id + ".pdf\"").build());
    }

    private static NotFound noInvoice(long id) {
        return new NotFound("there is no invoice " + id);
    }
}
