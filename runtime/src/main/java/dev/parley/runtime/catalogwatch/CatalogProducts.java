package dev.parley.runtime.catalogwatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The owner of {@code catalog_product}: what a sync writes (upserts, the lastmod-unchanged pages it only touches,
 * delisting), each change compared with the row as it was, under its lock, so that the change events
 * ({@link CatalogChanges}) go into the same transaction and a repeated sync, finding nothing changed, writes none.
 */
public final class CatalogProducts {

    private CatalogProducts() {
    }

    /** What a batch did. */
    public record Counts(int added, int updated, int unchanged) {

        public Counts plus(Counts other) {
            return new Counts(added + other.added, updated + other.updated, unchanged + other.unchanged);
        }

        public static final Counts NONE = new Counts(0, 0, 0);
    }

    private record Stored(long id, String url, String sku, String name, String brand, String category, String origin, String description,
            String imageUrl, Long priceMinor, String currency, boolean available, boolean delisted) {

        boolean sameAs(ScrapedProduct p) {
            return !delisted && Objects.equals(url, p.url()) && Objects.equals(sku, p.sku()) && name.equals(p.name())
                    && Objects.equals(brand, p.brand()) && Objects.equals(category, p.category()) && Objects.equals(origin, p.origin())
                    && Objects.equals(description, p.description()) && Objects.equals(imageUrl, p.imageUrl())
                    && Objects.equals(priceMinor, p.priceMinor()) && Objects.equals(currency, p.currency()) && available == p.available();
        }
    }

    static final String UPSERT = """
            INSERT INTO catalog_product (source, external_id, url, sku, name, brand, category, origin, description, image_url,
                                         price_minor, currency, available, delisted, lastmod, search_text, last_seen_run)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, false, $14, $15, $16)
            ON CONFLICT (source, external_id) DO UPDATE SET
                url = EXCLUDED.url, sku = EXCLUDED.sku, name = EXCLUDED.name, brand = EXCLUDED.brand, category = EXCLUDED.category,
                origin = EXCLUDED.origin, description = EXCLUDED.description, image_url = EXCLUDED.image_url,
                price_minor = EXCLUDED.price_minor, currency = EXCLUDED.currency, available = EXCLUDED.available, delisted = false,
                lastmod = EXCLUDED.lastmod, search_text = EXCLUDED.search_text, last_seen_run = EXCLUDED.last_seen_run,
                changed_at = CASE WHEN $17 THEN now() ELSE catalog_product.changed_at END""";

    /**
     * Writes {@code products} of {@code source} as run {@code runId} saw them: new ones added, changed ones updated
     * (and their changes recorded as events), the rest only marked seen.
     */
    public static Uni<Counts> upsert(SqlConnection tx, long runId, String source, List<ScrapedProduct> products) {
        if (products.isEmpty()) {
            return Uni.createFrom().item(Counts.NONE);
        }
        Map<String, ScrapedProduct> byId = new LinkedHashMap<>(); // new products get ids in the order read
        products.forEach(p -> byId.put(p.externalId(), p)); // a page listed twice: the last one read
        String[] ids = byId.keySet().toArray(String[]::new);
        return tx.preparedQuery("""
                SELECT id, external_id, url, sku, name, brand, category, origin, description, image_url, price_minor, currency,
                       available, delisted
                FROM catalog_product WHERE source = $1 AND external_id = ANY($2) ORDER BY id FOR UPDATE""")
                .execute(Tuple.of(source, ids))
                .flatMap(rows -> {
                    Map<String, Stored> stored = new HashMap<>();
                    for (Row r : rows) {
                        stored.put(r.getString("external_id"), new Stored(r.getLong("id"), r.getString("url"), r.getString("sku"),
                                r.getString("name"), r.getString("brand"), r.getString("category"), r.getString("origin"),
                                r.getString("description"), r.getString("image_url"), r.getLong("price_minor"), r.getString("currency"),
                                r.getBoolean("available"), r.getBoolean("delisted")));
                    }
                    List<Tuple> writes = new ArrayList<>();
                    List<CatalogChanges.Change> changes = new ArrayList<>();
                    int added = 0;
                    int updated = 0;
                    int unchanged = 0;
                    for (ScrapedProduct p : byId.values()) {
                        Stored old = stored.get(p.externalId());
                        boolean changed = old == null || !old.sameAs(p);
                        if (old == null) {
                            added++;
                        } else if (changed) {
                            updated++;
                            changes.addAll(CatalogChanges.between(old.id(), old.available() && !old.delisted(), old.delisted() ? null : old.priceMinor(),
                                    p.available(), p.priceMinor()));
                        } else {
                            unchanged++;
                        }
                        writes.add(Tuple.from(Arrays.asList(source, p.externalId(), p.url(), p.sku(), p.name(), p.brand(), p.category(),
                                p.origin(), p.description(), p.imageUrl(), p.priceMinor(), p.currency(), p.available(), p.lastmod(),
                                p.searchText(), runId, changed)));
                    }
                    Counts counts = new Counts(added, updated, unchanged);
                    return tx.preparedQuery(UPSERT).executeBatch(writes)
                            .flatMap(ignored -> CatalogChanges.record(tx, runId, changes))
                            .replaceWith(counts);
                });
    }

    /** Marks pages seen without reading them (their {@code lastmod} is the one stored, or they could not be read this time). */
    public static Uni<Integer> touch(SqlConnection tx, long runId, String source, List<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return tx.preparedQuery("UPDATE catalog_product SET last_seen_run = $3 WHERE source = $1 AND external_id = ANY($2) AND NOT delisted")
                .execute(Tuple.of(source, externalIds.toArray(String[]::new), runId)).map(rows -> rows.rowCount());
    }

    /** Delists the products of {@code source} that run {@code runId} did not see, recording a DELISTED event for each. */
    public static Uni<Integer> delistUnseen(SqlConnection tx, long runId, String source) {
        return tx.preparedQuery("""
                UPDATE catalog_product SET delisted = true, changed_at = now()
                WHERE source = $1 AND NOT delisted AND (last_seen_run IS NULL OR last_seen_run <> $2)
                RETURNING id""")
                .execute(Tuple.of(source, runId))
                .flatMap(rows -> {
                    List<CatalogChanges.Change> changes = new ArrayList<>();
                    rows.forEach(r -> changes.add(new CatalogChanges.Change(r.getLong("id"), CatalogChanges.DELISTED, null, null)));
                    return CatalogChanges.record(tx, runId, changes).replaceWith(changes.size());
                });
    }

    /** The {@code lastmod} stored for each listed product of {@code source}: a page whose sitemap entry says the same is not read again. */
    public static Uni<Map<String, String>> lastmods(SqlClient client, String source) {
        return client.preparedQuery("SELECT external_id, lastmod FROM catalog_product WHERE source = $1 AND NOT delisted AND lastmod IS NOT NULL")
                .execute(Tuple.of(source))
                .map(rows -> {
                    Map<String, String> lastmods = new HashMap<>();
                    rows.forEach(r -> lastmods.put(r.getString(0), r.getString(1)));
                    return lastmods;
                });
    }

    /** The page URLs of the listed products that someone watches: what a restock check reads again. */
    public static Uni<List<String>> watchedPages(SqlClient client, String source) {
        return client.preparedQuery("""
                SELECT DISTINCT p.external_id FROM catalog_product p JOIN catalog_watch w ON w.product_id = p.id
                WHERE p.source = $1 AND NOT p.delisted ORDER BY 1""")
                .execute(Tuple.of(source))
                .map(rows -> {
                    List<String> pages = new ArrayList<>();
                    rows.forEach(r -> pages.add(r.getString(0)));
                    return pages;
                });
    }
}
