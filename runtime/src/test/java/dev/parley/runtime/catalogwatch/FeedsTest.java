package dev.parley.runtime.catalogwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Catalog feeds and uploads, CSV and JSON. */
class FeedsTest {

    @Test
    void csvWithQuotesAndLineBreaksInFields() throws Exception {
        Feeds.Parsed parsed = Feeds.parse("""
                id,name,brand,category,price,currency,available,description\r
                a1,"Château ""Petit"" Bordeaux",Cave,Red wine,19.95,EUR,true,"Round, with plum
                and cedar"\r
                a2,Cava,,Sparkling wine,9,,false,\r
                ,No id,,,1,,,\r
                a4,Bad price,,,ten,,,\r
                """, "CAD");
        assertThat(parsed.products()).hasSize(2);
        ScrapedProduct first = parsed.products().get(0);
        assertThat(first.name()).isEqualTo("Château \"Petit\" Bordeaux");
        assertThat(first.description()).isEqualTo("Round, with plum\nand cedar");
        assertThat(first.priceMinor()).isEqualTo(1995);
        assertThat(first.available()).isTrue();
        ScrapedProduct second = parsed.products().get(1);
        assertThat(second.currency()).as("the default currency").isEqualTo("CAD");
        assertThat(second.priceMinor()).isEqualTo(900);
        assertThat(second.brand()).isNull();
        assertThat(parsed.rejected()).extracting(Feeds.Rejected::row).containsExactly(3, 4);
        assertThat(parsed.rejected().get(1).reason()).contains("'ten' is not a number");
    }

    @Test
    void jsonAsAListOrAnObjectWithProducts() throws Exception {
        Feeds.Parsed list = Feeds.parse("[{\"sku\": \"9\", \"title\": \"Stout\", \"price\": 3.5, \"availability\": \"InStock\"}]", "EUR");
        assertThat(list.products()).singleElement().satisfies(p -> {
            assertThat(p.externalId()).isEqualTo("9");
            assertThat(p.name()).isEqualTo("Stout");
            assertThat(p.priceMinor()).isEqualTo(350);
            assertThat(p.available()).isTrue();
        });
        assertThat(Feeds.parse("{\"products\": [{\"id\": \"x\", \"name\": \"X\"}]}", "EUR").products()).hasSize(1);
    }

    @Test
    void aFeedThatCannotBeReadSaysWhy() {
        assertThatThrownBy(() -> Feeds.parse("{\"items\": []}", "EUR")).hasMessageContaining("{\"products\": [...]}");
        assertThatThrownBy(() -> Feeds.parse("[{", "EUR")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Feeds.parse("", "EUR")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Feeds.parse("sku,price\n1,2\n", "EUR")).hasMessageContaining("no 'name' column");
        assertThatThrownBy(() -> Feeds.parse("id,name\n1,\"open", "EUR")).hasMessageContaining("inside a quoted field");
    }
}
