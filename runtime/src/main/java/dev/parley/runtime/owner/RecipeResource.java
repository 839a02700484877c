package dev.parley.runtime.owner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.parley.runtime.commerce.recipe.Recipes;
import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.http.ErrorBody;
import dev.parley.runtime.http.JsonBody;
import dev.parley.runtime.http.JsonInput;
import dev.parley.runtime.http.NotFound;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The owner API for recipes (bills of materials) and ingredient stock: {@code /api/v1/stock-items} (grams, millilitres,
 * pieces) and {@code /api/v1/recipes/{sku}}, what one of an item consumes. Approval deducts it ({@link Recipes}).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recipes", description = "What a sellable item consumes, and the ingredient stock it comes from")
public class RecipeResource {

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("100000000");
    private static final int MAX_INGREDIENTS = 50;

    @Schema(name = "StockItems")
    public record StockItems(List<Recipes.StockItem> items) {
    }

    @Schema(name = "Recipe")
    public record Recipe(String sku, List<Recipes.Ingredient> ingredients) {
    }

    private final Recipes recipes;
    private final Pool pool;

    public RecipeResource(Recipes recipes, Pool pool) {
        this.recipes = recipes;
        this.pool = pool;
    }

    @GET
    @Path("stock-items")
    @Operation(summary = "Ingredient stock items")
    public Uni<StockItems> stockItems() {
        return recipes.stockItems().map(StockItems::new);
    }

    @POST
    @Path("stock-items")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Add an ingredient stock item", description = "{\"name\": \"flour\", \"unit\": \"g\" | \"ml\" | \"pcs\", \"quantity\": 5000}")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = Recipes.StockItem.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong: the error names it",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> create(byte[] body) throws BadInput {
        JsonInput input = JsonInput.of(body, Set.of("name", "unit", "quantity"));
        String name = input.text("name");
        if (name.length() > 100) {
            throw new BadInput("\"name\" is at most 100 characters");
        }
        Recipes.Unit unit = Recipes.unit(input.text("unit"));
        BigDecimal quantity = quantity(input.decimal("quantity", "how much is in stock"), "quantity", true);
        return recipes.createStockItem(name, unit, quantity).map(item -> Response.status(Response.Status.CREATED).entity(item).build());
    }

    @POST
    @Path("stock-items/{id: \\d{1,18}}/receive")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Add a delivery to an ingredient's stock", description = "{\"quantity\": 1000}, in the item's unit")
    @APIResponse(responseCode = "200", description = "The item after it", content = @Content(schema = @Schema(implementation = Recipes.StockItem.class)))
    public Uni<Recipes.StockItem> receive(@PathParam("id") long id, byte[] body) throws BadInput {
        BigDecimal quantity = quantity(JsonInput.of(body, Set.of("quantity")).decimal("quantity", "how much arrived"), "quantity", false);
        return recipes.receive(id, quantity).map(item -> item.orElseThrow(() -> new NotFound("there is no stock item " + id)));
    }

    @GET
    @Path("recipes/{sku}")
    @Operation(summary = "What one of an item consumes")
    @APIResponse(responseCode = "200", description = "The recipe", content = @Content(schema = @Schema(implementation = Recipe.class)))
    @APIResponse(responseCode = "404", description = "The item has no recipe", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Recipe> recipe(@PathParam("sku") String sku) throws BadInput {
        return recipes.recipe(pool, sku(sku)).map(ingredients -> {
            if (ingredients.isEmpty()) {
                throw new NotFound("item " + sku + " has no recipe");
            }
            return new Recipe(sku, ingredients);
        });
    }

    @PUT
    @Path("recipes/{sku}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Set what one of an item consumes", description = "{\"ingredients\": [{\"stockItem\": \"flour\", \"quantity\": 150},"
            + " {\"material\": \"cotton\", \"color\": \"blue\", \"meters\": 2.5}]}; the sku is the one its order lines carry (a shop"
            + " product's). An empty list removes the recipe.")
    @APIResponse(responseCode = "200", description = "The recipe as stored", content = @Content(schema = @Schema(implementation = Recipe.class)))
    @APIResponse(responseCode = "400", description = "An unknown stock item, material or colour, or a quantity that is not above 0",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Recipe> put(@PathParam("sku") String sku, byte[] body) throws BadInput {
        String item = sku(sku);
        JsonObject object = JsonBody.object(body);
        if (!object.fieldNames().equals(Set.of("ingredients")) || !(object.getValue("ingredients") instanceof JsonArray list)
                || list.size() > MAX_INGREDIENTS) {
            throw new BadInput("a recipe is {\"ingredients\": [...]} with at most " + MAX_INGREDIENTS + " ingredients");
        }
        List<Recipes.Ingredient> ingredients = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ingredients.add(ingredient(i, list.getValue(i)));
        }
        return recipes.put(item, ingredients).map(stored -> new Recipe(item, stored));
    }

    private static Recipes.Ingredient ingredient(int index, Object value) throws BadInput {
        String where = "ingredients[" + index + "]";
        if (!(value instanceof JsonObject json)) {
            throw new BadInput(where + " is an object");
        }
        Set<String> unknown = new TreeSet<>(json.fieldNames());
        unknown.removeAll(Set.of("stockItem", "quantity", "material", "color", "meters"));
        if (!unknown.isEmpty()) {
            throw new BadInput("unknown field(s) " + unknown + " in " + where);
        }
        JsonInput input = JsonInput.of(json.toBuffer().getBytes(), json.fieldNames());
        String stockItem = input.optionalText("stockItem");
        if (stockItem != null) {
            if (json.containsKey("material") || json.containsKey("color") || json.containsKey("meters")) {
                throw new BadInput(where + " is a stock item with a quantity, or a material and colour with meters, not both");
            }
            return Recipes.Ingredient.of(stockItem, quantity(input.decimal("quantity", where + ": how much of the stock item"),
                    where + ".quantity", false));
        }
        String material = input.optionalText("material");
        String color = input.optionalText("color");
        if (material == null || color == null) {
            throw new BadInput(where + " needs \"stockItem\" and \"quantity\", or \"material\", \"color\" and \"meters\"");
        }
        BigDecimal meters = input.decimal("meters", where + ": meters of the cloth");
        if (meters.signum() <= 0 || meters.stripTrailingZeros().scale() > 2 || meters.compareTo(new BigDecimal("100000")) > 0) {
            throw new BadInput(where + ".meters is above 0, at most 100000, with at most 2 decimals");
        }
        return Recipes.Ingredient.cloth(material.toLowerCase(java.util.Locale.ROOT), color.toLowerCase(java.util.Locale.ROOT), meters.setScale(2));
    }

    private static BigDecimal quantity(BigDecimal value, String field, boolean zeroAllowed) throws BadInput {
        if ((zeroAllowed ? value.signum() < 0 : value.signum() <= 0) || value.stripTrailingZeros().scale() > 3 || value.compareTo(MAX_QUANTITY) > 0) {
            throw new BadInput("\"" + field + "\" is " + (zeroAllowed ? "0 or more" : "above 0") + ", at most " + MAX_QUANTITY.toPlainString()
                    + ", with at most 3 decimals, not " + value.toPlainString());
        }
        return value;
    }

    private static String sku(String sku) throws BadInput {
        if (!SKU.matcher(sku).matches()) {
            throw new BadInput("a sku is 1 to 64 letters, digits, '.', '_' or '-', not '" + sku + "'");
        }
        return sku;
    }
}
