package dev.parley.runtime.flow.shop;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The catalog of the shop's tests, put in place afresh before each: tea (two products, one with a picture), snacks
 * (nine products: two pages), one product out of stock, one with a single unit left.
 */
final class ShopCatalog {

    static final String SETUP = """
            TRUNCATE ledger_entry, invoice, order_allocation, order_line, customer_order, cart_line, cart, delivery_details,
                     product, product_category, outbox_slot, outbox_message, conversation CASCADE;
            UPDATE invoice_counter SET last_seq = 0;
            INSERT INTO product_category (id, name, position) VALUES (1, 'Tea', 1), (2, 'Snacks', 2);
            INSERT INTO product (id, sku, name, description, category_id, price_minor, stock, image_url) VALUES
                (1, 'TEA-ASSAM', 'Assam tea', 'Strong and malty.', 1, 12050, 10, NULL),
                (2, 'COF-FILTER', 'Filter coffee', 'With chicory.', 1, 42000, 3, 'https://img.example.com/coffee.jpg'),
                (3, 'SNK-A', 'Almonds', 'Salted.', 2, 50000, 5, NULL),
                (4, 'SNK-B', 'Bhujia', 'Crisp.', 2, 9500, 25, NULL),
                (5, 'SNK-C', 'Chakli', 'Spiced.', 2, 7000, 18, NULL),
                (6, 'SNK-D', 'Dry fruit mix', 'Mixed.', 2, 30000, 0, NULL),
                (7, 'SNK-E', 'Ellu urundai', 'Sesame balls.', 2, 6000, 22, NULL),
                (8, 'SNK-F', 'Farsan', 'Mixed farsan.', 2, 8500, 15, NULL),
                (9, 'SNK-G', 'Gathiya', 'Thick sev.', 2, 7500, 9, NULL),
                (10, 'SNK-H', 'Haldiram mix', 'Party mix.', 2, 11000, 14, NULL),
                (11, 'SNK-LAST', 'Last laddoo', 'Only one made.', 2, 2500, 1, NULL);
            SELECT setval('product_id_seq', 100), setval('product_category_id_seq', 100);
            """;

    private ShopCatalog() {
    }

    /** Puts the catalog in place; the outbox's dispatcher may hold a lock meanwhile, so a deadlock is tried again. */
    static void reset(Pool pool) {
        for (int attempt = 1; ; attempt++) {
            try {
                pool.query(SETUP).execute().await().indefinitely();
                return;
            } catch (RuntimeException e) {
                if (attempt == 5 || !String.valueOf(e.getMessage()).contains("deadlock")) {
                    throw e;
                }
            }
        }
    }

    static int stock(Pool pool, String sku) {
        return pool.preparedQuery("SELECT stock FROM product WHERE sku = $1").execute(Tuple.of(sku)).await().indefinitely().iterator().next().getInteger(0);
    }

    static long count(Pool pool, String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getLong(0);
    }
}
