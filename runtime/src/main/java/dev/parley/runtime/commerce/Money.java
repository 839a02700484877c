package dev.parley.runtime.commerce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Money in integer minor units (paise, cents) with its rounding written down: every amount that is not whole
 * (meters × price per meter, a tax percentage) is rounded once, half up, to the minor unit. A line is rounded as a
 * whole, not per batch; a total is the sum of rounded parts, so totals always equal the sum of their lines.
 */
public final class Money {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The largest amount one payment may be, in minor units: 10^12 (10,000,000,000.00 in a currency with two decimals).
     * Far above any small business's payment, and far enough below a bigint's limit that no sum of the ledger's
     * entries can overflow, so the append-only ledger can always take one more correcting entry.
     */
    public static final long MAX_PAYMENT_MINOR = 1_000_000_000_000L;

    private Money() {
    }

    /** The exact price of {@code meters} at {@code pricePerMeterMinor}, not yet rounded. */
    public static BigDecimal exact(BigDecimal meters, long pricePerMeterMinor) {
        return meters.multiply(BigDecimal.valueOf(pricePerMeterMinor));
    }

    /** An exact amount in minor units, rounded half up to a whole minor unit. */
    public static long round(BigDecimal exactMinor) {
        return exactMinor.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The tax on a subtotal at a percentage rate (5, 8.25), rounded half up. */
    public static long tax(long subtotalMinor, BigDecimal ratePercent) {
        if (subtotalMinor < 0 || ratePercent.signum() < 0) {
            throw new IllegalArgumentException("tax is taken on amounts and rates that are not negative");
        }
        return round(BigDecimal.valueOf(subtotalMinor).multiply(ratePercent).divide(HUNDRED));
    }

    /** For people: {@code "INR 1,234.50"}, with the currency's own number of decimals. */
    public static String format(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        BigDecimal major = BigDecimal.valueOf(minor).movePointLeft(digits);
        return currency + " " + String.format(java.util.Locale.ROOT, "%,." + digits + "f", major);
    }
}
