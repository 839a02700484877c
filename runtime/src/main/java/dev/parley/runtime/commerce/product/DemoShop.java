package dev.parley.runtime.commerce.product;

import jakarta.inject.Singleton;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A small grocery catalog to try the shop with locally: three categories, twelve products (enough for two pages of
 * snacks), one out of stock and one with a picture. Inserted at startup of a shop bot only when
 * {@code parley.demo-catalog} is true and the bot has no product yet, so a restart or a second replica adds nothing and
 * an owner's own catalog is never touched.
 */
@Singleton
public class DemoShop {

    private static final String CATALOG = """
            INSERT INTO product_category (name, position) VALUES ('Tea and coffee', 1), ('Snacks', 2), ('Kitchen', 3);
            INSERT INTO product (sku, name, description, category_id, price_minor, stock, image_url)
            SELECT p.sku, p.name, p.description, c.id, p.price_minor, p.stock, p.image_url FROM (VALUES
                ('TEA-ASSAM-250', 'Assam tea 250 g', 'Strong black tea from Assam, loose leaf.', 1, 18000, 40, NULL),
                ('TEA-DARJ-100', 'Darjeeling tea 100 g', 'First flush, light and floral.', 1, 32000, 12, NULL),
                ('COF-FILTER-500', 'Filter coffee 500 g', 'South Indian filter coffee with 20% chicory.', 1, 42000, 3,
                    'https://picsum.photos/seed/parley-coffee/600/400'),
                ('SNK-BHUJIA', 'Bikaneri bhujia 400 g', 'Crisp gram-flour noodles.', 2, 9500, 25, NULL),
                ('SNK-CHAKLI', 'Rice chakli 200 g', 'Spiced rice spirals.', 2, 7000, 18, NULL),
                ('SNK-MATHRI', 'Methi mathri 250 g', 'Flaky fenugreek crackers.', 2, 8000, 0, NULL),
                ('SNK-BANANA', 'Banana chips 200 g', 'Kerala chips fried in coconut oil.', 2, 9000, 30, NULL),
                ('SNK-PEANUT', 'Masala peanuts 300 g', 'Coated and roasted.', 2, 6000, 22, NULL),
                ('SNK-SEV', 'Ratlami sev 400 g', 'Clove and pepper sev.', 2, 8500, 15, NULL),
                ('SNK-KHAKHRA', 'Jeera khakhra 200 g', 'Roasted wheat crisps.', 2, 7500, 9, NULL),
                ('SNK-MAKHANA', 'Roasted makhana 100 g', 'Fox nuts with pink salt.', 2, 11000, 14, NULL),
                ('KIT-KADHAI', 'Iron kadhai 10 inch', 'Cast iron, pre-seasoned.', 3, 85000, 4, NULL))
                AS p (sku, name, description, position, price_minor, stock, image_url)
            JOIN product_category c ON c.position = p.position ORDER BY p.sku;
            """;

    private final Pool pool;

    public DemoShop(Pool pool) {
        this.pool = pool;
    }

    /** Inserts the demo catalog unless the bot has categories or products already; true if it did. */
    public Uni<Boolean> insert() {
        return pool.withTransaction(tx -> tx.query("LOCK TABLE product_category, product IN SHARE ROW EXCLUSIVE MODE").execute()
                .flatMap(locked -> tx.query("SELECT (SELECT count(*) FROM product_category) + (SELECT count(*) FROM product)").execute())
                .flatMap(rows -> rows.iterator().next().getLong(0) > 0 ? Uni.createFrom().item(false)
                        // A simple query (no parameters) may hold several statements.
                        : tx.query(CATALOG).execute().replaceWith(true)));
    }
}
