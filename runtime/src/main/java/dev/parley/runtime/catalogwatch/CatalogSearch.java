package dev.parley.runtime.catalogwatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads the listed catalog for customers and the owner: text search (every word of the query as a prefix of a word of
 * the product's name, brand, category, origin or description, accents and case aside) with filters (category, brand,
 * origin, a price range, in stock only); facets, the number of results each value of a filter would give together
 * with the filters already chosen; the newest (added or changed) products; a random one; one product's card. The
 * queries are the ones {@code benchmarks/run catalog-search} measures.
 */
public final class CatalogSearch {

    private CatalogSearch() {
    }

    /** The filters a search applies; null (or false) is no filter. */
    public record Filters(String category, String brand, String origin, Long minPriceMinor, Long maxPriceMinor, boolean availableOnly) {

        public static final Filters NONE = new Filters(null, null, null, null, null, false);

        public boolean any() {
            return !equals(NONE);
        }

        public Filters withCategory(String value) {
            return new Filters(value, brand, origin, minPriceMinor, maxPriceMinor, availableOnly);
        }

        public Filters withBrand(String value) {
            return new Filters(category, value, origin, minPriceMinor, maxPriceMinor, availableOnly);
        }

        public Filters withOrigin(String value) {
            return new Filters(category, brand, value, minPriceMinor, maxPriceMinor, availableOnly);
        }

        public Filters withPrice(Long min, Long max) {
            return new Filters(category, brand, origin, min, max, availableOnly);
        }

        public Filters withAvailableOnly(boolean value) {
            return new Filters(category, brand, origin, minPriceMinor, maxPriceMinor, value);
        }
    }

    /** How results are ordered: best match first (then name), or most recently added or changed first. */
    public enum Order {
        RELEVANCE, NEWEST
    }

    /** One result line. */
    public record Hit(long id, String name, String brand, String category, String origin, Long priceMinor, String currency, boolean available,
            String url) {
    }

    /** A page of results and how many there are in all. */
    public record Page(List<Hit> hits, long total) {
    }

    /** A product's card. */
    public record Product(long id, String name, String brand, String category, String origin, String description, String imageUrl, String url,
            String sku, Long priceMinor, String currency, boolean available, boolean delisted) {
    }

    /** The facets of a search: per value, how many results it would give, most first; how many in all and in stock. */
    public record Facets(long total, long available, Map<String, Long> categories, Map<String, Long> brands, Map<String, Long> origins) {
    }

    /** The price bands facets and filters offer, in major units: below 15, 15 to 30, 30 to 60, 60 and above. */
    public static final long[] PRICE_BANDS = {0, 15, 30, 60};

    /** {@code PRICE_BANDS[band]} as a range in minor units of {@code currency}: min inclusive, max exclusive (null: open). */
    public static Long[] priceBand(int band, String currency) {
        long unit = (long) Math.pow(10, Math.max(0, currency == null ? 2 : Currency.getInstance(currency).getDefaultFractionDigits()));
        Long min = band == 0 ? null : PRICE_BANDS[band] * unit;
        Long max = band + 1 < PRICE_BANDS.length ? PRICE_BANDS[band + 1] * unit - 1 : null;
        return new Long[] {min, max};
    }

    /** The query as a {@code tsquery} of prefixes ({@code chard:* & bourgo:*}), or null for no text. */
    static String tsquery(String text) {
        if (text == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (String word : ScrapedProduct.fold(text).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word + ":*");
            }
        }
        return words.isEmpty() ? null : String.join(" & ", words);
    }

    static final String WHERE = " " + """
             WHERE NOT delisted
               AND ($1::text IS NULL OR to_tsvector('simple', search_text) @@ to_tsquery('simple', $1))
               AND ($2::text IS NULL OR category = $2) AND ($3::text IS NULL OR brand = $3) AND ($4::text IS NULL OR origin = $4)
               AND ($5::bigint IS NULL OR price_minor >= $5) AND ($6::bigint IS NULL OR price_minor <= $6)
               AND (NOT $7 OR available)""";

    /** The search of {@link #search}, as {@code benchmarks/run catalog-search} runs it. */
    public static final String SEARCH = "SELECT id, name, brand, category, origin, price_minor, currency, available, url, count(*) OVER () AS total"
            + " FROM catalog_product" + WHERE + " ORDER BY %s LIMIT $8 OFFSET $9";

    /** The facets of {@link #facets}: one row per value of each dimension, and one for the whole set. */
    public static final String FACETS = "SELECT category, brand, origin, GROUPING(category, brand, origin) AS dimension, count(*) AS n,"
            + " count(*) FILTER (WHERE available) AS in_stock FROM catalog_product" + WHERE
            + " GROUP BY GROUPING SETS ((category), (brand), (origin), ())";

    private static Tuple where(String text, Filters f) {
        return Tuple.from(Arrays.asList(tsquery(text), f.category(), f.brand(), f.origin(), f.minPriceMinor(), f.maxPriceMinor(), f.availableOnly()));
    }

    public static Uni<Page> search(SqlClient client, String text, Filters filters, Order order, int offset, int limit) {
        String orderBy = order == Order.NEWEST ? "changed_at DESC, id DESC"
                : tsquery(text) == null ? "name, id" : "ts_rank(to_tsvector('simple', search_text), to_tsquery('simple', $1)) DESC, name, id";
        Tuple args = where(text, filters).addInteger(limit).addInteger(offset);
        return client.preparedQuery(String.format(SEARCH, orderBy)).execute(args).map(rows -> {
            List<Hit> hits = new ArrayList<>();
            long total = 0;
            for (Row r : rows) {
                hits.add(hit(r));
                total = r.getLong("total");
            }
            return new Page(hits, total);
        }).flatMap(page -> page.hits().isEmpty() && offset > 0
                // Past the end: the total still counts the results.
                ? count(client, text, filters).map(n -> new Page(List.of(), n))
                : Uni.createFrom().item(page));
    }

    private static Uni<Long> count(SqlClient client, String text, Filters filters) {
        return client.preparedQuery("SELECT count(*) FROM catalog_product" + WHERE).execute(where(text, filters))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public static Uni<Facets> facets(SqlClient client, String text, Filters filters) {
        return client.preparedQuery(FACETS).execute(where(text, filters)).map(rows -> {
            Map<String, Long> categories = new LinkedHashMap<>();
            Map<String, Long> brands = new LinkedHashMap<>();
            Map<String, Long> origins = new LinkedHashMap<>();
            long total = 0;
            long available = 0;
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            list.sort((a, b) -> Long.compare(b.getLong("n"), a.getLong("n")));
            for (Row r : list) {
                switch (r.getInteger("dimension")) {
                    case 3 -> put(categories, r.getString("category"), r.getLong("n"));
                    case 5 -> put(brands, r.getString("brand"), r.getLong("n"));
                    case 6 -> put(origins, r.getString("origin"), r.getLong("n"));
                    default -> {
                        total = r.getLong("n");
                        available = r.getLong("in_stock");
                    }
                }
            }
            return new Facets(total, available, categories, brands, origins);
        });
    }

    private static void put(Map<String, Long> facet, String value, long n) {
        if (value != null) {
            facet.put(value, n);
        }
    }

    /** A random listed product that passes the filters. */
    public static Uni<Optional<Hit>> random(SqlClient client, Filters filters) {
        return client.preparedQuery("SELECT id, name, brand, category, origin, price_minor, currency, available, url FROM catalog_product"
                + WHERE + " ORDER BY random() LIMIT 1").execute(where(null, filters))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(hit(rows.iterator().next())));
    }

    public static Uni<Optional<Product>> product(SqlClient client, long id) {
        return client.preparedQuery("""
                SELECT id, name, brand, category, origin, description, image_url, url, sku, price_minor, currency, available, delisted
                FROM catalog_product WHERE id = $1""").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(product(rows.iterator().next())));
    }

    /** Products by id, in the order asked (what a recommendation found), the delisted left out. */
    public static Uni<List<Hit>> hits(SqlClient client, List<Long> ids) {
        return client.preparedQuery("SELECT id, name, brand, category, origin, price_minor, currency, available, url FROM catalog_product"
                + " WHERE id = ANY($1) AND NOT delisted").execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, Hit> byId = new LinkedHashMap<>();
                    rows.forEach(r -> byId.put(r.getLong("id"), hit(r)));
                    return ids.stream().map(byId::get).filter(h -> h != null).toList();
                });
    }

    static Product product(Row r) {
        return new Product(r.getLong("id"), r.getString("name"), r.getString("brand"), r.getString("category"), r.getString("origin"),
                r.getString("description"), r.getString("image_url"), r.getString("url"), r.getString("sku"), r.getLong("price_minor"),
                r.getString("currency"), r.getBoolean("available"), r.getBoolean("delisted"));
    }

    private static Hit hit(Row r) {
        return new Hit(r.getLong("id"), r.getString("name"), r.getString("brand"), r.getString("category"), r.getString("origin"),
                r.getLong("price_minor"), r.getString("currency"), r.getBoolean("available"), r.getString("url"));
    }
}
