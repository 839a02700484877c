package dev.parley.runtime.commerce.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import dev.parley.runtime.commerce.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What holds for every invoice's sums, over random lines (meters × price, rounded per line) and tax rates. */
class InvoiceTotalsPropertiesTest {

    @Provide
    Arbitrary<List<Long>> lineAmounts() {
        Arbitrary<BigDecimal> meters = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("5000.00")).ofScale(2);
        Arbitrary<Long> price = Arbitraries.longs().between(0, 200_000);
        return Combinators.combine(meters, price).as((m, p) -> Money.round(Money.exact(m, p))).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(4);
    }

    @Property
    void theTotalIsTheSubtotalPlusTaxAndTheSubtotalIsTheSumOfTheLines(@ForAll("lineAmounts") List<Long> lines, @ForAll("rates") BigDecimal rate) {
        InvoiceTotals totals = InvoiceTotals.of(lines, rate);

        assertThat(totals.subtotalMinor()).isEqualTo(lines.stream().mapToLong(Long::longValue).sum());
        assertThat(totals.totalMinor()).isEqualTo(totals.subtotalMinor() + totals.taxMinor());
        // The tax is the exact percentage, rounded once: never more than half a minor unit off.
        BigDecimal exact = BigDecimal.valueOf(totals.subtotalMinor()).multiply(rate).movePointLeft(2);
        assertThat(BigDecimal.valueOf(totals.taxMinor()).subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.5"));
    }

    @Example
    void invoiceNumbersArePaddedToSixDigits() {
        assertThat(Invoice.number("INV-", 1)).isEqualTo("INV-000001");
        assertThat(Invoice.number("INV-", 2)).isEqualTo("INV-000002");
        assertThat(Invoice.number("2026/", 1_234_567)).isEqualTo("2026/1234567");
    }
}
