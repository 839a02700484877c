package dev.parley.runtime.flow.orderagent;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The stock of the end-to-end tests, put in place afresh before each: blue cotton is short (12 m), green cotton
 * is its alternative (one 15 m roll and 10 m loose), red polyester has 20 m loose at an awkward price.
 */
final class Shop {

    static final String SETUP = """
            TRUNCATE ledger_entry, invoice, order_allocation, order_line, customer_order, inventory_batch, synonym, material, color CASCADE;
            UPDATE invoice_counter SET last_seq = 0;
            INSERT INTO material (name) VALUES ('cotton'), ('polyester');
            INSERT INTO color (name) VALUES ('blue'), ('green'), ('red');
            INSERT INTO synonym (kind, word, canonical) VALUES ('color', 'neela', 'blue'), ('color', 'laal', 'red'), ('material', 'sooti', 'cotton');
            INSERT INTO inventory_batch (material, color, rolls_available, meters_per_roll, loose_meters_available, dye_lot,
                                         price_per_meter_minor, received_at) VALUES
                ('cotton',    'blue',  1, 10.00,  2.00, NULL, 12000, now() - interval '9 days'),
                ('cotton',    'green', 1, 15.00, 10.00, NULL, 10050, now() - interval '8 days'),
                ('polyester', 'red',   0, 50.00, 20.00, NULL,  8033, now() - interval '7 days');
            """;

    private Shop() {
    }

    static void reset(Pool pool) {
        pool.query(SETUP).execute().await().indefinitely();
    }

    /** {@code rolls_available} and {@code loose_meters_available} of the one batch of a material and colour. */
    static String stock(Pool pool, String material, String color) {
        var row = pool.preparedQuery("SELECT rolls_available, loose_meters_available FROM inventory_batch WHERE material = $1 AND color = $2")
                .execute(Tuple.of(material, color)).await().indefinitely().iterator().next();
        return row.getInteger(0) + " rolls + " + row.getBigDecimal(1).toPlainString() + " m";
    }

    static long count(Pool pool, String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }
}
