package dev.parley.runtime.owner;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.parley.runtime.commerce.ledger.LedgerEntry;

/** A customer's ledger: entries oldest first, and the balance due, their sum. */
@Schema(name = "Ledger")
public record LedgerView(long customerId, @Schema(description = "The balance due: the sum of the entries") long balanceMinor,
        List<Entry> entries) {

    static LedgerView of(long customerId, List<LedgerEntry> entries) {
        // The balance from the same rows, so that the two always agree.
        return new LedgerView(customerId, entries.stream().mapToLong(LedgerEntry::amountMinor).sum(),
                entries.stream().map(Entry::of).toList());
    }

    /** One entry: an invoice is positive, a payment negative. */
    @Schema(name = "LedgerEntry")
    public record Entry(long id, long customerId, LedgerEntry.Kind kind, long amountMinor,
            @Schema(nullable = true, description = "The invoice of an INVOICE entry") Long invoiceId, @Schema(nullable = true) String note,
            String recordedBy, Instant recordedAt) {

        static Entry of(LedgerEntry entry) {
            return new Entry(entry.id(), entry.customerId(), entry.kind(), entry.amountMinor(), entry.invoiceId(), entry.note(),
                    entry.recordedBy(), entry.recordedAt());
        }
    }

    /** A payment just recorded: its entry (the amount negative) and the balance due after it. */
    @Schema(name = "Payment")
    public record Payment(long id, long customerId, LedgerEntry.Kind kind, long amountMinor, @Schema(nullable = true) Long invoiceId,
            @Schema(nullable = true) String note, String recordedBy, Instant recordedAt,
            @Schema(description = "The balance due after the payment") long balanceMinor) {

        static Payment of(LedgerEntry entry, long balanceMinor) {
            return new Payment(entry.id(), entry.customerId(), entry.kind(), entry.amountMinor(), entry.invoiceId(), entry.note(),
                    entry.recordedBy(), entry.recordedAt(), balanceMinor);
        }
    }
}
