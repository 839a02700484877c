package dev.parley.runtime.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Tax and amounts round once, half up, to the minor unit. */
class MoneyTest {

    private static long tax(long subtotalMinor, String ratePercent) {
        return Money.tax(subtotalMinor, new BigDecimal(ratePercent));
    }

    @Test
    void taxOnAwkwardAmountsRoundsHalfUp() {
        assertThat(tax(1, "5")).as("0.05 paise").isZero();
        assertThat(tax(9, "5")).as("0.45").isZero();
        assertThat(tax(10, "5")).as("0.50, half up").isEqualTo(1);
        assertThat(tax(30, "5")).as("1.50").isEqualTo(2);
        assertThat(tax(333, "8.25")).as("27.4725").isEqualTo(27);
        assertThat(tax(1000, "8.25")).as("82.5").isEqualTo(83);
        assertThat(tax(1_999, "8.25")).as("164.9175").isEqualTo(165);
        assertThat(tax(200, "0.25")).as("0.5").isEqualTo(1);
        assertThat(tax(199, "0.25")).as("0.4975").isZero();
        assertThat(tax(0, "18")).isZero();
        assertThat(tax(12_345_678, "0")).isZero();
        assertThat(tax(1_593_800, "5")).isEqualTo(79_690);
    }

    @Test
    void taxIsNotTakenOnNegativeAmountsOrRates() {
        assertThatThrownBy(() -> tax(-1, "5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tax(100, "-5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lineAmountsRoundOnceAndAreFormattedWithTheCurrencysDecimals() {
        assertThat(Money.round(Money.exact(new BigDecimal("0.05"), 10))).as("0.5").isEqualTo(1);
        assertThat(Money.round(Money.exact(new BigDecimal("3.33"), 15))).as("49.95").isEqualTo(50);
        assertThat(Money.format(1_673_490, "INR")).isEqualTo("INR 16,734.90");
        assertThat(Money.format(5, "USD")).isEqualTo("USD 0.05");
        assertThat(Money.format(1500, "JPY")).isEqualTo("JPY 1,500");
    }
}
