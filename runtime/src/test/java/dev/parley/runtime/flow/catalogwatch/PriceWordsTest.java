package dev.parley.runtime.flow.catalogwatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Price ranges written into searches, in English and French. */
class PriceWordsTest {

    @Test
    void rangesInBothLanguagesLeaveTheRestAsTheSearch() {
        assertThat(PriceWords.read("red bordeaux under 30", "EUR")).isEqualTo(new PriceWords("red bordeaux", null, 3000L));
        assertThat(PriceWords.read("champagne moins de 60 €", "EUR")).isEqualTo(new PriceWords("champagne", null, 6000L));
        assertThat(PriceWords.read("rosé 15-25", "EUR")).isEqualTo(new PriceWords("rosé", 1500L, 2500L));
        assertThat(PriceWords.read("entre 10 et 20 blanc", "EUR")).isEqualTo(new PriceWords("blanc", 1000L, 2000L));
        assertThat(PriceWords.read("whisky over $50", "CAD")).isEqualTo(new PriceWords("whisky", 5000L, null));
        assertThat(PriceWords.read("port 40+", "EUR")).isEqualTo(new PriceWords("port", 4000L, null));
        assertThat(PriceWords.read("sake under 3000", "JPY")).isEqualTo(new PriceWords("sake", null, 3000L));
        assertThat(PriceWords.read("under 12,50", "EUR")).isEqualTo(new PriceWords("", null, 1250L));
    }

    @Test
    void numbersThatAreNoPriceStayInTheSearch() {
        assertThat(PriceWords.read("chablis 2021", "EUR")).isEqualTo(new PriceWords("chablis 2021", null, null));
    }
}
