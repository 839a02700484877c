package dev.parley.runtime.owner;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.parley.runtime.commerce.invoice.Invoice;

/** An invoice as the owner API shows it; money in minor units of {@code currency}, {@code pdf} the path of its PDF. */
@Schema(name = "Invoice")
public record InvoiceView(long id, String number, long orderId, long customerId, String currency, long subtotalMinor,
        @Schema(description = "5 for 5 %") BigDecimal taxRatePercent, long taxMinor, long totalMinor, Instant issuedAt,
        @Schema(description = "The path of the invoice's PDF") String pdf) {

    static InvoiceView of(Invoice invoice) {
        return new InvoiceView(invoice.id(), invoice.number(), invoice.orderId(), invoice.customerId(), invoice.currency(),
                invoice.subtotalMinor(),
                // 5.0000 as stored is 5 here; through a plain string, so that 10 is not written 1E+1.
                new BigDecimal(invoice.taxRatePercent().stripTrailingZeros().toPlainString()),
                invoice.taxMinor(), invoice.totalMinor(), invoice.issuedAt(), "/api/v1/invoices/" + invoice.id() + "/pdf");
    }
}
