package dev.parley.runtime.catalogwatch;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * One product as a source describes it: a product page's JSON-LD, a feed's row, an upload's entry.
 *
 * @param externalId the product's identity in its source: the page's URL, or the feed's {@code id} (else sku)
 * @param priceMinor the price in the currency's minor units, or null when the source gives none
 * @param lastmod    the sitemap's {@code lastmod} of the page, or null
 */
public record ScrapedProduct(String externalId, String url, String sku, String name, String brand, String category, String origin,
        String description, String imageUrl, Long priceMinor, String currency, boolean available, String lastmod) {

    /** The longest text kept of a description; pages carry whole articles in it. */
    static final int MAX_DESCRIPTION = 2000;

    public ScrapedProduct {
        Objects.requireNonNull(externalId, "externalId");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a product needs a name");
        }
        name = name.strip();
        brand = blankToNull(brand);
        category = blankToNull(category);
        origin = blankToNull(origin);
        sku = blankToNull(sku);
        description = description == null ? null : blankToNull(description.length() > MAX_DESCRIPTION ? description.substring(0, MAX_DESCRIPTION) : description);
        if (priceMinor != null && priceMinor < 0) {
            throw new IllegalArgumentException("a price cannot be negative: " + priceMinor);
        }
    }

    /** The same product, seen with the sitemap's {@code lastmod}. */
    public ScrapedProduct withLastmod(String lastmod) {
        return new ScrapedProduct(externalId, url, sku, name, brand, category, origin, description, imageUrl, priceMinor, currency, available, lastmod);
    }

    /** What text search matches: name, brand, category, origin and description, folded ({@link #fold}). */
    public String searchText() {
        StringBuilder text = new StringBuilder(name);
        for (String part : new String[] {brand, category, origin, sku, description}) {
            if (part != null) {
                text.append(' ').append(part);
            }
        }
        return fold(text.toString());
    }

    /** Lower case without accents, so that {@code rose} finds {@code Rosé}: what the index and the query are both made of. */
    public static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
