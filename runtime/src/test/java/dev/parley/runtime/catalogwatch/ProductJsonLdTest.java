package dev.parley.runtime.catalogwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Product pages as shops publish them: the Product found wherever the JSON-LD puts it, and what is no product refused with why. */
class ProductJsonLdTest {

    private static String page(String... scripts) {
        StringBuilder html = new StringBuilder("<html><head><title>x</title>");
        for (String script : scripts) {
            html.append("<script type=\"application/ld+json\">").append(script).append("</script>");
        }
        return html.append("</head><body></body></html>").toString();
    }

    @Test
    void aPlainProductGivesEveryField() throws Exception {
        ScrapedProduct p = ProductJsonLd.parse("https://shop/p/1", page("""
                {"@context": "https://schema.org", "@type": "Product", "name": "Chablis 2021", "sku": "123",
                 "brand": {"@type": "Brand", "name": "Laroche"}, "category": "Vins > Vin blanc",
                 "countryOfOrigin": "France", "description": "Crisp &amp; mineral", "image": ["https://shop/i/1.jpg", "https://shop/i/2.jpg"],
                 "offers": {"@type": "Offer", "price": "29.95", "priceCurrency": "eur", "availability": "https://schema.org/InStock"}}"""));

        assertThat(p.externalId()).isEqualTo("https://shop/p/1");
        assertThat(p.name()).isEqualTo("Chablis 2021");
        assertThat(p.sku()).isEqualTo("123");
        assertThat(p.brand()).isEqualTo("Laroche");
        assertThat(p.category()).isEqualTo("Vin blanc");
        assertThat(p.origin()).isEqualTo("France");
        assertThat(p.description()).isEqualTo("Crisp & mineral");
        assertThat(p.imageUrl()).isEqualTo("https://shop/i/1.jpg");
        assertThat(p.priceMinor()).isEqualTo(2995);
        assertThat(p.currency()).isEqualTo("EUR");
        assertThat(p.available()).isTrue();
        assertThat(p.searchText()).contains("chablis").contains("vin blanc").contains("laroche");
    }

    @Test
    void theProductIsFoundInAGraphAfterOtherBlocksWithOffersAsAListOrAnAggregate() throws Exception {
        ScrapedProduct graph = ProductJsonLd.parse("u", page("{\"@type\": \"Organization\", \"name\": \"Shop\"}", """
                {"@context": "https://schema.org", "@graph": [{"@type": "BreadcrumbList"},
                  {"@type": ["Product", "Thing"], "name": "Rioja", "offers": [
                    {"@type": "Offer", "price": 12, "priceCurrency": "EUR", "availability": "OutOfStock"},
                    {"@type": "Offer", "price": "14,50", "priceCurrency": "EUR", "availability": "http://schema.org/InStock"}],
                   "additionalProperty": [{"@type": "PropertyValue", "name": "Pays", "value": "Espagne"}]}]}"""));
        assertThat(graph.name()).isEqualTo("Rioja");
        assertThat(graph.available()).as("the offer in stock is the one read").isTrue();
        assertThat(graph.priceMinor()).isEqualTo(1450);
        assertThat(graph.origin()).isEqualTo("Espagne");

        ScrapedProduct aggregate = ProductJsonLd.parse("u", page("""
                [{"@type": "Product", "name": "Sake", "offers": {"@type": "AggregateOffer", "lowPrice": "1500", "priceCurrency": "JPY",
                  "availability": "https://schema.org/SoldOut"}}]"""));
        assertThat(aggregate.priceMinor()).as("yen have no minor unit").isEqualTo(1500);
        assertThat(aggregate.available()).isFalse();
    }

    @Test
    void whatIsNoProductIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ProductJsonLd.parse("u", page("{\"@type\": \"Product\", \"name\": ")))
                .isInstanceOf(ProductJsonLd.NotAProduct.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ProductJsonLd.parse("u", page("{\"@type\": \"WebPage\"}")))
                .isInstanceOf(ProductJsonLd.NotAProduct.class).hasMessageContaining("no schema.org Product");
        assertThatThrownBy(() -> ProductJsonLd.parse("u", "<html>no scripts</html>")).isInstanceOf(ProductJsonLd.NotAProduct.class);
        assertThatThrownBy(() -> ProductJsonLd.parse("u", page("{\"@type\": \"Product\", \"sku\": \"1\"}")))
                .hasMessageContaining("no name");
        assertThatThrownBy(() -> ProductJsonLd.parse("u", page("{\"@type\": \"Product\", \"name\": \"x\", \"offers\": {\"price\": \"cheap\"}}")))
                .hasMessageContaining("'cheap' is not a number");
        assertThatThrownBy(() -> ProductJsonLd.parse("u", page("{\"@type\": \"Product\", \"name\": \"x\", \"offers\": {\"price\": \"-1\"}}")))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> ProductJsonLd.parse("u",
                page("{\"@type\": \"Product\", \"name\": \"x\", \"offers\": {\"price\": \"1\", \"priceCurrency\": \"EURO\"}}")))
                .hasMessageContaining("ISO 4217");
    }
}
