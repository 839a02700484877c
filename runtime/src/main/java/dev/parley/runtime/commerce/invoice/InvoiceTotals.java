package dev.parley.runtime.commerce.invoice;

import java.math.BigDecimal;
import java.util.List;

import dev.parley.runtime.commerce.Money;

/**
 * An invoice's sums, in minor units: the subtotal is the sum of the lines' (already rounded) amounts, the tax is
 * taken once on the subtotal and rounded half up ({@link Money#tax}), and the total is exactly the two added.
 */
public record InvoiceTotals(long subtotalMinor, BigDecimal taxRatePercent, long taxMinor, long totalMinor) {

    public static InvoiceTotals of(List<Long> lineAmountsMinor, BigDecimal taxRatePercent) {
        long subtotal = lineAmountsMinor.stream().mapToLong(Long::longValue).reduce(0L, Math::addExact);
        long tax = Money.tax(subtotal, taxRatePercent);
        return new InvoiceTotals(subtotal, taxRatePercent, tax, Math.addExact(subtotal, tax));
    }
}
