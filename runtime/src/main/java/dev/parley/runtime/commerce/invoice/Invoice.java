package dev.parley.runtime.commerce.invoice;

import java.math.BigDecimal;
import java.time.Instant;

/** An issued invoice, without its PDF ({@link InvoiceRepository#pdf}). Money in minor units of {@code currency}. */
public record Invoice(long id, String number, long orderId, long customerId, String currency, long subtotalMinor,
        BigDecimal taxRatePercent, long taxMinor, long totalMinor, Instant issuedAt) {

    /** {@code prefix} and the sequence number, zero-padded to six digits: {@code INV-000042}. */
    public static String number(String prefix, long seq) {
        return prefix + String.format(java.util.Locale.ROOT, "%06d", seq);
    }
}
