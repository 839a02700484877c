package dev.parley.runtime.commerce.product;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The owner of {@code product} and {@code product_category}: the catalog customers browse page by page, what the
 * owner enters, and the stock, which only ever changes by a conditional update ({@link #take}, {@link #giveBack}) so
 * that it never goes below zero whoever checks out at the same moment.
 */
@ApplicationScoped
public class ProductRepository {

    private static final String SELECT = "SELECT p.id, p.sku, p.name, p.description, p.category_id, c.name AS category, p.price_minor, p.stock,"
            + " p.image_url, p.active FROM product p JOIN product_category c ON c.id = p.category_id";

    /** A page of a category's active products, and how many it has in all. */
    public record Page(List<Product> products, int total) {
    }

    /** Categories in the owner's order; with {@code onlyStocked}, only those with an active product. */
    public Uni<List<Category>> categories(SqlClient client, boolean onlyStocked) {
        return client.preparedQuery("SELECT c.id, c.name, c.position, count(p.id) FILTER (WHERE p.active) AS products FROM product_category c"
                        + " LEFT JOIN product p ON p.category_id = c.id GROUP BY c.id"
                        + " HAVING NOT $1 OR count(p.id) FILTER (WHERE p.active) > 0 ORDER BY c.position, c.name, c.id")
                .execute(Tuple.of(onlyStocked))
                .map(rows -> {
                    List<Category> categories = new ArrayList<>();
                    rows.forEach(row -> categories.add(new Category(row.getLong("id"), row.getString("name"), row.getInteger("position"),
                            row.getInteger("products"))));
                    return categories;
                });
    }

    public Uni<Optional<Category>> category(SqlClient client, long id) {
        return categories(client, false).map(all -> all.stream().filter(c -> c.id() == id).findFirst());
    }

    /** The category of that name, made when there is none (at the end of the owner's order). */
    public Uni<Long> categoryId(SqlConnection tx, String name) {
        return tx.preparedQuery("INSERT INTO product_category (name, position) SELECT $1, coalesce(max(position), 0) + 1 FROM product_category"
                        + " ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id")
                .execute(Tuple.of(name)).map(rows -> rows.iterator().next().getLong("id"));
    }

    /** Renames a category or moves it in the order; false when there is none. */
    public Uni<Boolean> updateCategory(SqlConnection tx, long id, String name, Integer position) {
        return tx.preparedQuery("UPDATE product_category SET name = coalesce($2, name), position = coalesce($3, position) WHERE id = $1")
                .execute(Tuple.of(id, name, position)).map(rows -> rows.rowCount() > 0);
    }

    /** Active products of a category by name, {@code size} from {@code offset}. */
    public Uni<Page> page(SqlClient client, long categoryId, int offset, int size) {
        return client.preparedQuery(SELECT + " WHERE p.category_id = $1 AND p.active ORDER BY p.name, p.id OFFSET $2 LIMIT $3")
                .execute(Tuple.of(categoryId, offset, size))
                .flatMap(rows -> client.preparedQuery("SELECT count(*) FROM product WHERE category_id = $1 AND active").execute(Tuple.of(categoryId))
                        .map(count -> new Page(products(rows), count.iterator().next().getInteger(0))));
    }

    /** Every product, active or not, by SKU (the owner's list). */
    public Uni<List<Product>> all(SqlClient client) {
        return client.query(SELECT + " ORDER BY p.sku").execute().map(ProductRepository::products);
    }

    public Uni<Optional<Product>> find(SqlClient client, long id) {
        return client.preparedQuery(SELECT + " WHERE p.id = $1").execute(Tuple.of(id)).map(rows -> first(rows));
    }

    public Uni<Optional<Product>> bySku(SqlClient client, String sku) {
        return client.preparedQuery(SELECT + " WHERE p.sku = $1").execute(Tuple.of(sku)).map(rows -> first(rows));
    }

    /** A product is new or changed; {@code created} says which. */
    public record Saved(Product product, boolean created) {
    }

    /**
     * Creates the product, or updates the one with its SKU (everything but the SKU), in the caller's transaction.
     * The input must have no {@link ProductInput#problems()}.
     */
    public Uni<Saved> upsert(SqlConnection tx, ProductInput input) {
        ProductInput product = input.normalised();
        return categoryId(tx, product.category()).flatMap(category -> tx.preparedQuery("INSERT INTO product (sku, name, description, category_id,"
                        + " price_minor, stock, image_url, active) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                        + " ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, category_id = EXCLUDED.category_id,"
                        + " price_minor = EXCLUDED.price_minor, stock = EXCLUDED.stock, image_url = EXCLUDED.image_url, active = EXCLUDED.active,"
                        + " updated_at = now() RETURNING id, (xmax = 0) AS created")
                .execute(Tuple.from(Arrays.asList(product.sku(), product.name(), product.description(), category, product.priceMinor(),
                        product.stock(), product.imageUrl(), product.active()))))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    boolean created = row.getBoolean("created");
                    return find(tx, row.getLong("id")).map(found -> new Saved(found.orElseThrow(), created));
                });
    }

    /** How many rows of an import made new products and how many changed existing ones. */
    public record Imported(int created, int updated) {
    }

    /** Saves the rows of a CSV import ({@link CsvImport}) in the caller's transaction, one after another. */
    public Uni<Imported> importRows(SqlConnection tx, List<CsvImport.Row> rows) {
        Uni<Imported> counts = Uni.createFrom().item(new Imported(0, 0));
        for (CsvImport.Row row : rows) {
            counts = counts.flatMap(c -> upsert(tx, row.product())
                    .map(saved -> saved.created() ? new Imported(c.created() + 1, c.updated()) : new Imported(c.created(), c.updated() + 1)));
        }
        return counts;
    }

    /** Creates the product; empty (nothing written) when its SKU is taken. The input must have no problems. */
    public Uni<Optional<Product>> create(SqlConnection tx, ProductInput input) {
        ProductInput product = input.normalised();
        return categoryId(tx, product.category()).flatMap(category -> tx.preparedQuery("INSERT INTO product (sku, name, description, category_id,"
                        + " price_minor, stock, image_url, active) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (sku) DO NOTHING RETURNING id")
                .execute(Tuple.from(Arrays.asList(product.sku(), product.name(), product.description(), category, product.priceMinor(),
                        product.stock(), product.imageUrl(), product.active()))))
                .flatMap(rows -> rows.size() == 0 ? Uni.createFrom().item(Optional.<Product>empty()) : find(tx, rows.iterator().next().getLong("id")));
    }

    /** Takes the product off sale (it stays for the orders that name it); false when there is no such product. */
    public Uni<Boolean> deactivate(SqlConnection tx, long id) {
        return tx.preparedQuery("UPDATE product SET active = false, updated_at = now() WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * Takes {@code quantity} units of an active product, only if it has them all; false (nothing taken) when it
     * does not. The row stays locked until the transaction ends, so a second taker waits and then sees what is left.
     */
    public Uni<Boolean> take(SqlConnection tx, long productId, int quantity) {
        return tx.preparedQuery("UPDATE product SET stock = stock - $2, updated_at = now() WHERE id = $1 AND active AND stock >= $2")
                .execute(Tuple.of(productId, quantity)).map(rows -> rows.rowCount() == 1);
    }

    /** Puts {@code quantity} units back (a rejected or cancelled order's). */
    public Uni<Void> giveBack(SqlConnection tx, long productId, int quantity) {
        return tx.preparedQuery("UPDATE product SET stock = stock + $2, updated_at = now() WHERE id = $1")
                .execute(Tuple.of(productId, quantity)).replaceWithVoid();
    }

    private static Optional<Product> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(product(rows.iterator().next()));
    }

    private static List<Product> products(RowSet<Row> rows) {
        List<Product> products = new ArrayList<>();
        rows.forEach(row -> products.add(product(row)));
        return products;
    }

    static Product product(Row row) {
        return new Product(row.getLong("id"), row.getString("sku"), row.getString("name"), row.getString("description"),
                row.getLong("category_id"), row.getString("category"), row.getLong("price_minor"), row.getInteger("stock"),
                row.getString("image_url"), row.getBoolean("active"));
    }
}
