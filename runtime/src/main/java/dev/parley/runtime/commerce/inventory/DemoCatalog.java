package dev.parley.runtime.commerce.inventory;

import jakarta.inject.Singleton;

import dev.parley.runtime.commerce.catalog.CatalogRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A small textile catalog and stock to try the order agent with locally: eight materials and fifteen colours with
 * Hindi and trade synonyms, stock of cotton, silk and polyester in a few colours, and batches of different ages, some colours in two dye lots, one short and one
 * colour with no stock at all. Inserted at startup only when {@code parley.demo-catalog} is true
 * ({@code PARLEY_DEMO_CATALOG}, off by default) and only into a bot whose catalog is still empty, so a restart
 * or a second replica adds nothing and an owner's own catalog is never touched.
 */
@Singleton
public class DemoCatalog {

    /** The one demo vocabulary: what the extraction tests and the local run read orders with. */
    private static final String CATALOG = """
            INSERT INTO material (name) VALUES ('cotton'), ('silk'), ('polyester'), ('linen'), ('rayon'), ('wool'), ('denim'), ('georgette');
            INSERT INTO color (name) VALUES ('red'), ('blue'), ('green'), ('white'), ('black'), ('yellow'), ('pink'), ('orange'),
                ('brown'), ('purple'), ('grey'), ('maroon'), ('navy'), ('cream'), ('sky blue');
            INSERT INTO synonym (kind, word, canonical) VALUES
                ('material', 'sooti', 'cotton'), ('material', 'mulmul', 'cotton'), ('material', 'resham', 'silk'),
                ('material', 'reshmi', 'silk'), ('material', 'viscose', 'rayon'), ('material', 'jeans', 'denim'),
                ('color', 'laal', 'red'), ('color', 'neela', 'blue'), ('color', 'hara', 'green'),
                ('color', 'safed', 'white'), ('color', 'kala', 'black'), ('color', 'peela', 'yellow'),
                ('color', 'wine', 'maroon'), ('color', 'navy blue', 'navy'), ('color', 'off white', 'cream');
            """;

    private static final String STOCK = """
            INSERT INTO inventory_batch (material, color, rolls_available, meters_per_roll, loose_meters_available, dye_lot,
                                         price_per_meter_minor, received_at) VALUES
                ('cotton',    'blue',  4, 50.00, 12.50, 'CB-101', 12000, now() - interval '30 days'),
                ('cotton',    'blue',  6, 50.00,  0.00, 'CB-102', 12500, now() - interval '10 days'),
                ('cotton',    'red',   3, 40.00, 25.00, 'CR-201', 11000, now() - interval '20 days'),
                ('cotton',    'red',   2, 40.00,  0.00, NULL,     11000, now() - interval '5 days'),
                ('cotton',    'white', 8, 50.00, 30.00, NULL,      9500, now() - interval '12 days'),
                ('silk',      'red',   2, 30.00,  8.50, 'SR-301', 45000, now() - interval '15 days'),
                ('silk',      'red',   1, 30.00, 18.00, 'SR-302', 47000, now() - interval '3 days'),
                ('silk',      'green', 0, 30.00,  6.00, 'SG-311', 45000, now() - interval '40 days'),
                ('polyester', 'black', 5, 60.00, 10.00, NULL,      8000, now() - interval '25 days'),
                ('polyester', 'red',   4, 60.00,  0.00, 'PR-401',  8000, now() - interval '8 days');
            """;

    private final Pool pool;

    public DemoCatalog(Pool pool) {
        this.pool = pool;
    }

    /** Inserts the demo catalog and stock unless the bot has materials or batches already; true if it did. */
    public Uni<Boolean> insert() {
        return pool.withTransaction(tx -> CatalogRepository.lockForWrites(tx)
                .flatMap(locked -> tx.query("SELECT (SELECT count(*) FROM material) + (SELECT count(*) FROM inventory_batch)").execute())
                .flatMap(rows -> rows.iterator().next().getLong(0) > 0 ? Uni.createFrom().item(false)
                        // A simple query (no parameters) may hold several statements.
                        : tx.query(CATALOG + STOCK).execute().replaceWith(true)));
    }
}
