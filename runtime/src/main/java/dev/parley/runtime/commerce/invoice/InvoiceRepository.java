package dev.parley.runtime.commerce.invoice;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Invoices in PostgreSQL ({@code invoice}) and their gap-free numbering ({@code invoice_counter}). Both writes
 * belong in the approval's transaction: a rolled-back approval gives its number back.
 */
@ApplicationScoped
public class InvoiceRepository {

    private static final String COLUMNS = "id, number, order_id, customer_id, currency, subtotal_minor, tax_rate_percent, tax_minor,"
            + " total_minor, issued_at";

    /** What an invoice states, before it is stored. */
    public record NewInvoice(long seq, String number, long orderId, long customerId, String currency, InvoiceTotals totals,
            Instant issuedAt, byte[] pdf) {
    }

    /**
     * The next invoice sequence number. Updating the counter's one row locks it until the transaction ends, so
     * approvals take numbers one after the other, and a rollback (to a savepoint, too) returns the number.
     */
    public Uni<Long> takeNextSeq(SqlConnection tx) {
        return tx.query("UPDATE invoice_counter SET last_seq = last_seq + 1 RETURNING last_seq").execute()
                .map(rows -> rows.iterator().next().getLong("last_seq"));
    }

    /** Stores the invoice; the database checks that the total is the subtotal plus the tax. */
    public Uni<Invoice> insert(SqlConnection tx, NewInvoice invoice) {
        return tx.preparedQuery("INSERT INTO invoice (seq, number, order_id, customer_id, currency, subtotal_minor, tax_rate_percent,"
                        + " tax_minor, total_minor, issued_at, pdf) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(invoice.seq(), invoice.number(), invoice.orderId(), invoice.customerId(), invoice.currency(),
                        invoice.totals().subtotalMinor(), invoice.totals().taxRatePercent(), invoice.totals().taxMinor(),
                        invoice.totals().totalMinor(), invoice.issuedAt().atOffset(ZoneOffset.UTC),
                        Buffer.buffer(invoice.pdf()))))
                .map(rows -> invoice(rows.iterator().next()));
    }

    public Uni<Optional<Invoice>> find(SqlClient client, long id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM invoice WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(invoice(rows.iterator().next())));
    }

    /** The invoice's PDF as it was sent to the customer. */
    public Uni<Optional<byte[]>> pdf(SqlClient client, long id) {
        return client.preparedQuery("SELECT pdf FROM invoice WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getBuffer("pdf").getBytes()));
    }

    private static Invoice invoice(Row row) {
        return new Invoice(row.getLong("id"), row.getString("number"), row.getLong("order_id"), row.getLong("customer_id"),
                row.getString("currency"), row.getLong("subtotal_minor"), row.getBigDecimal("tax_rate_percent"),
                row.getLong("tax_minor"), row.getLong("total_minor"), row.getOffsetDateTime("issued_at").toInstant());
    }
}
