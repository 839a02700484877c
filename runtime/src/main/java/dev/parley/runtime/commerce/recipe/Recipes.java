package dev.parley.runtime.commerce.recipe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.parley.runtime.commerce.inventory.Allocation;
import dev.parley.runtime.commerce.inventory.AllocationOrder;
import dev.parley.runtime.commerce.inventory.Allocator;
import dev.parley.runtime.commerce.inventory.InventoryRepository;
import dev.parley.runtime.understanding.OrderLine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The owner of {@code stock_item} and {@code recipe_ingredient}: ingredient stock counted in grams, millilitres or
 * pieces, and what a sellable item (by sku) consumes of it or of the cloth batches. {@link #deduct} takes an item's
 * ingredients for a quantity of it in the approval's transaction, each only while there is enough (a conditional
 * update), and says which ingredient is short and by how much when one is.
 */
@ApplicationScoped
public class Recipes {

    /** Units an ingredient stock item is counted in. */
    public enum Unit { g, ml, pcs }

    public record StockItem(long id, String name, Unit unit, BigDecimal quantityAvailable) {
    }

    /** One ingredient: units of a stock item, or meters of a material and colour (the other fields null). */
    public record Ingredient(String stockItem, BigDecimal quantity, Unit unit, String material, String color, BigDecimal meters) {

        public static Ingredient of(String stockItem, BigDecimal quantity) {
            return new Ingredient(stockItem, quantity, null, null, null, null);
        }

        public static Ingredient cloth(String material, String color, BigDecimal meters) {
            return new Ingredient(null, null, null, material, color, meters);
        }
    }

    /** A name the owner used that is not there (a stock item, a material or colour). */
    public static final class Unknown extends IllegalArgumentException {
        public Unknown(String message) {
            super(message);
        }
    }

    /** A stock item of that name exists already. */
    public static final class Duplicate extends IllegalStateException {
        public Duplicate(String message) {
            super(message);
        }
    }

    private final Pool pool;
    private final InventoryRepository inventory;

    public Recipes(Pool pool, InventoryRepository inventory) {
        this.pool = pool;
        this.inventory = inventory;
    }

    public Uni<StockItem> createStockItem(String name, Unit unit, BigDecimal quantity) {
        return pool.preparedQuery("INSERT INTO stock_item (name, unit, quantity_available) VALUES ($1, $2, $3)"
                        + " ON CONFLICT (name) DO NOTHING RETURNING id, name, unit, quantity_available").execute(Tuple.of(name, unit.name(), quantity))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new Duplicate("there is a stock item '" + name + "' already; add to its stock with POST /api/v1/stock-items/{id}/receive");
                    }
                    return item(rows.iterator().next());
                });
    }

    public Uni<List<StockItem>> stockItems() {
        return pool.query("SELECT id, name, unit, quantity_available FROM stock_item ORDER BY name").execute().map(rows -> {
            List<StockItem> items = new ArrayList<>();
            rows.forEach(row -> items.add(item(row)));
            return items;
        });
    }

    /** Adds a delivery to an item's stock: the item after it, or empty when there is no such item. */
    public Uni<Optional<StockItem>> receive(long id, BigDecimal quantity) {
        return pool.preparedQuery("UPDATE stock_item SET quantity_available = quantity_available + $2, updated_at = now() WHERE id = $1"
                        + " RETURNING id, name, unit, quantity_available").execute(Tuple.of(id, quantity))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(item(rows.iterator().next())));
    }

    /** Replaces the recipe of {@code sku} (an empty list removes it); names that do not exist fail with {@link Unknown}. */
    public Uni<List<Ingredient>> put(String sku, List<Ingredient> ingredients) {
        return pool.withTransaction(tx -> tx.preparedQuery("DELETE FROM recipe_ingredient WHERE sku = $1").execute(Tuple.of(sku))
                .flatMap(ignored -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (int i = 0; i < ingredients.size(); i++) {
                        Ingredient ingredient = ingredients.get(i);
                        int no = i + 1;
                        all = all.flatMap(x -> insert(tx, sku, no, ingredient));
                    }
                    return all;
                }))
                .flatMap(ignored -> recipe(pool, sku));
    }

    private static Uni<Void> insert(SqlConnection tx, String sku, int no, Ingredient ingredient) {
        if (ingredient.stockItem() != null) {
            return tx.preparedQuery("INSERT INTO recipe_ingredient (sku, ingredient_no, stock_item_id, quantity)"
                            + " SELECT $1, $2, id, $4 FROM stock_item WHERE name = $3").execute(Tuple.of(sku, no, ingredient.stockItem(), ingredient.quantity()))
                    .invoke(rows -> {
                        if (rows.rowCount() == 0) {
                            throw new Unknown("there is no stock item '" + ingredient.stockItem() + "'; add it first (POST /api/v1/stock-items)");
                        }
                    }).replaceWithVoid();
        }
        return tx.preparedQuery("INSERT INTO recipe_ingredient (sku, ingredient_no, material, color, meters)"
                        + " SELECT $1, $2, m.name, c.name, $5 FROM material m, color c WHERE m.name = $3 AND c.name = $4")
                .execute(Tuple.of(sku, no, ingredient.material(), ingredient.color(), ingredient.meters()))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new Unknown("'" + ingredient.color() + " " + ingredient.material() + "' is not in the catalog");
                    }
                }).replaceWithVoid();
    }

    /** The recipe of {@code sku}, in its order; empty when the item has none. */
    public Uni<List<Ingredient>> recipe(SqlClient client, String sku) {
        return client.preparedQuery("SELECT s.name, r.quantity, s.unit, r.material, r.color, r.meters FROM recipe_ingredient r"
                        + " LEFT JOIN stock_item s ON s.id = r.stock_item_id WHERE r.sku = $1 ORDER BY r.ingredient_no").execute(Tuple.of(sku))
                .map(rows -> {
                    List<Ingredient> ingredients = new ArrayList<>();
                    rows.forEach(row -> ingredients.add(new Ingredient(row.getString("name"), row.getBigDecimal("quantity"),
                            row.getString("unit") == null ? null : Unit.valueOf(row.getString("unit")), row.getString("material"),
                            row.getString("color"), row.getBigDecimal("meters"))));
                    return ingredients;
                });
    }

    /**
     * Deducts the ingredients of {@code quantity} of {@code sku} in {@code tx}: empty when all were there (or the item has
     * no recipe), else what is short, as {@code flour: 600 g needed, 550 g in stock, 50 g missing}. The caller rolls back
     * what was deducted before the shortage (OrderDecisions' savepoint).
     */
    public Uni<Optional<String>> deduct(SqlConnection tx, String sku, int quantity, AllocationOrder order) {
        BigDecimal times = BigDecimal.valueOf(quantity);
        return recipe(tx, sku).flatMap(ingredients -> {
            Uni<Optional<String>> shortage = Uni.createFrom().item(Optional.empty());
            // Stock items in name order (one lock order for every approval), then cloth.
            List<Ingredient> ordered = new ArrayList<>(ingredients);
            ordered.sort(Comparator.comparing((Ingredient i) -> i.stockItem() == null ? "\uffff" : i.stockItem()));
            for (Ingredient ingredient : ordered) {
                shortage = shortage.flatMap(found -> found.isPresent() ? Uni.createFrom().item(found)
                        : ingredient.stockItem() != null ? units(tx, ingredient, ingredient.quantity().multiply(times))
                        : cloth(tx, ingredient, ingredient.meters().multiply(times), order));
            }
            return shortage;
        });
    }

    private static Uni<Optional<String>> units(SqlConnection tx, Ingredient ingredient, BigDecimal needed) {
        return tx.preparedQuery("UPDATE stock_item SET quantity_available = quantity_available - $2, updated_at = now()"
                        + " WHERE name = $1 AND quantity_available >= $2 RETURNING id").execute(Tuple.of(ingredient.stockItem(), needed))
                .flatMap(rows -> rows.rowCount() > 0 ? Uni.createFrom().item(Optional.<String>empty())
                        : tx.preparedQuery("SELECT quantity_available FROM stock_item WHERE name = $1").execute(Tuple.of(ingredient.stockItem()))
                                .map(left -> {
                                    BigDecimal have = left.iterator().next().getBigDecimal(0);
                                    String unit = " " + ingredient.unit().name();
                                    return Optional.of(ingredient.stockItem() + ": " + plain(needed) + unit + " needed, " + plain(have) + unit
                                            + " in stock, " + plain(needed.subtract(have)) + unit + " missing");
                                }));
    }

    private Uni<Optional<String>> cloth(SqlConnection tx, Ingredient ingredient, BigDecimal needed, AllocationOrder order) {
        BigDecimal meters = needed.setScale(2, RoundingMode.UNNECESSARY);
        return inventory.forAllocation(tx, ingredient.material(), ingredient.color()).flatMap(batches -> {
            Allocation allocation = Allocator.allocate(OrderLine.meters(ingredient.material(), ingredient.color(), meters), batches, order);
            String what = ingredient.color() + " " + ingredient.material();
            if (allocation.status() != Allocation.Status.FULL) {
                BigDecimal have = allocation.meters();
                return Uni.createFrom().item(Optional.of(what + ": " + plain(meters) + " m needed, " + plain(have) + " m can be cut, "
                        + plain(meters.subtract(have)) + " m missing"));
            }
            List<Allocation.Take> takes = new ArrayList<>(allocation.takes());
            takes.sort(Comparator.comparingLong(Allocation.Take::batchId));
            Uni<Optional<String>> done = Uni.createFrom().item(Optional.empty());
            for (Allocation.Take take : takes) {
                done = done.flatMap(found -> found.isPresent() ? Uni.createFrom().item(found)
                        : inventory.deduct(tx, take.batchId(), take.rolls(), take.looseMeters())
                                .map(ok -> ok ? Optional.<String>empty() : Optional.of(what + ": batch " + take.batchId() + " changed meanwhile")));
            }
            return done;
        });
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static StockItem item(Row row) {
        return new StockItem(row.getLong("id"), row.getString("name"), Unit.valueOf(row.getString("unit")), row.getBigDecimal("quantity_available"));
    }

    /** The unit named {@code g}, {@code ml} or {@code pcs}, or an {@link IllegalArgumentException} that lists them. */
    public static Unit unit(String name) {
        try {
            return Unit.valueOf(name.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"unit\" is one of " + Arrays.toString(Unit.values()) + ", not '" + name + "'");
        }
    }
}
