package dev.parley.runtime.commerce.ledger;

import java.time.Instant;

/**
 * One entry of a customer's credit ledger: an invoice is a debit (positive), a payment a credit (negative).
 *
 * @param invoiceId the invoice of an {@link Kind#INVOICE} entry, null for a payment
 */
public record LedgerEntry(long id, long customerId, Kind kind, long amountMinor, Long invoiceId, String note, String recordedBy,
        Instant recordedAt) {

    public enum Kind { INVOICE, PAYMENT }
}
