package dev.parley.runtime.owner;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.parley.runtime.commerce.product.CsvImport;
import dev.parley.runtime.commerce.product.Product;
import dev.parley.runtime.commerce.product.ProductInput;
import dev.parley.runtime.commerce.product.ProductRepository;
import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.http.Conflict;
import dev.parley.runtime.http.ErrorBody;
import dev.parley.runtime.http.JsonInput;
import dev.parley.runtime.http.NotFound;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The owner API for the shop's products and categories: create, read, change (only the fields sent), take off sale,
 * and a CSV import that reports every refused row. Prices are integer minor units, stock whole units. A product's
 * category is named; a new name makes the category.
 */
@Path("/api/v1/shop")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shop catalog", description = "The shop flow's products and categories")
public class ProductResource {

    private static final Set<String> FIELDS = Set.of("sku", "name", "description", "category", "priceMinor", "stock", "imageUrl", "active");
    private static final Set<String> CATEGORY_FIELDS = Set.of("name", "position");

    private final Pool pool;
    private final ProductRepository products;

    public ProductResource(Pool pool, ProductRepository products) {
        this.pool = pool;
        this.products = products;
    }

    @GET
    @Path("products")
    @Operation(summary = "Every product, active or not, by SKU")
    @APIResponse(responseCode = "200", description = "The products", content = @Content(schema = @Schema(implementation = ProductView.Products.class)))
    public Uni<ProductView.Products> list() {
        return products.all(pool).map(all -> new ProductView.Products(all.stream().map(ProductView::of).toList()));
    }

    @GET
    @Path("products/{id: \\d{1,18}}")
    @Operation(summary = "One product")
    @APIResponse(responseCode = "200", description = "The product", content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "There is no such product", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<ProductView> one(@PathParam("id") long id) {
        return products.find(pool, id).map(p -> ProductView.of(p.orElseThrow(() -> new NotFound("there is no product " + id))));
    }

    @POST
    @Path("products")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Create a product", description = "{\"sku\", \"name\", \"category\", \"priceMinor\", \"stock\"} and optionally"
            + " \"description\", \"imageUrl\" (http or https) and \"active\" (true when absent).")
    @APIResponse(responseCode = "201", description = "The product, with its id", content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "A missing, unknown or impossible field; every problem is named",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "A product has this SKU already", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<RestResponse<ProductView>> create(byte[] body) throws BadInput {
        JsonInput input = JsonInput.of(body, FIELDS);
        ProductInput product = checked(new ProductInput(input.text("sku"), input.text("name"), input.optionalText("description"), input.text("category"),
                input.count("priceMinor", "the price in minor units (paise, cents), 0 or more"), stock(input), input.optionalText("imageUrl"),
                flag(input.optionalFlag("active"), true)));
        return pool.withTransaction(tx -> products.create(tx, product)).map(created -> {
            Product p = created.orElseThrow(() -> new Conflict("a product has the SKU " + product.sku() + " already", "SKU_TAKEN"));
            return RestResponse.ResponseBuilder.<ProductView>created(URI.create("/api/v1/shop/products/" + p.id())).entity(ProductView.of(p)).build();
        });
    }

    @PATCH
    @Path("products/{id: \\d{1,18}}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Change a product", description = "Only the fields sent change; the SKU, if sent, must be the product's own.")
    @APIResponse(responseCode = "200", description = "The product as it is now", content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "An unknown or impossible field", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "There is no such product", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<ProductView> update(@PathParam("id") long id, byte[] body) throws BadInput {
        JsonInput input = JsonInput.of(body, FIELDS);
        String sku = input.optionalText("sku");
        String name = input.optionalText("name");
        String description = input.has("description") ? input.optionalText("description") : null;
        String category = input.optionalText("category");
        Long price = input.has("priceMinor") ? input.count("priceMinor", "the price in minor units (paise, cents), 0 or more") : null;
        Integer stock = input.has("stock") ? stock(input) : null;
        String imageUrl = input.optionalText("imageUrl");
        Boolean active = input.optionalFlag("active");
        return pool.withTransaction(tx -> products.find(tx, id).flatMap(found -> {
            Product p = found.orElseThrow(() -> new NotFound("there is no product " + id));
            if (sku != null && !sku.equals(p.sku())) {
                throw new Conflict("the SKU of product " + id + " is " + p.sku() + "; a SKU does not change", "SKU_FIXED");
            }
            ProductInput changed = checkedUnchecked(new ProductInput(p.sku(), name != null ? name : p.name(),
                    input.has("description") ? description : p.description(), category != null ? category : p.category(),
                    price != null ? price : p.priceMinor(), stock != null ? stock : p.stock(),
                    input.has("imageUrl") ? imageUrl : p.imageUrl(), active != null ? active : p.active()));
            return products.upsert(tx, changed);
        })).map(saved -> ProductView.of(saved.product()));
    }

    @POST
    @Path("products/{id: \\d{1,18}}/deactivate")
    @Operation(summary = "Take a product off sale", description = "It is no longer shown or sold; orders that name it keep it.")
    @APIResponse(responseCode = "200", description = "The product as it is now", content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "There is no such product", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<ProductView> deactivate(@PathParam("id") long id) {
        return pool.withTransaction(tx -> products.deactivate(tx, id).flatMap(done -> {
            if (!done) {
                throw new NotFound("there is no product " + id);
            }
            return products.find(tx, id);
        })).map(p -> ProductView.of(p.orElseThrow()));
    }

    @POST
    @Path("products/import")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Import products from CSV", description = "UTF-8, the first line naming the columns: sku, name, category, priceMinor,"
            + " stock, and optionally description, imageUrl, active. A product whose SKU exists is updated, others created; a broken row is"
            + " refused with its line number and problems, and the other rows go in.")
    @APIResponse(responseCode = "200", description = "What went in, and every refused row",
            content = @Content(schema = @Schema(implementation = ProductView.ImportReport.class)))
    @APIResponse(responseCode = "400", description = "The file as a whole cannot be read: not UTF-8, no header, an unknown column, too many rows",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<ProductView.ImportReport> importCsv(byte[] body) throws BadInput {
        CsvImport.Parsed parsed;
        try {
            parsed = CsvImport.parse(body);
        } catch (CsvImport.BadFile e) {
            throw new BadInput(e.getMessage());
        }
        List<ProductView.RefusedRow> refused = parsed.refused().stream().map(ProductView.RefusedRow::of).toList();
        return pool.withTransaction(tx -> products.importRows(tx, parsed.rows()))
                .map(imported -> new ProductView.ImportReport(imported.created(), imported.updated(), refused));
    }

    @GET
    @Path("categories")
    @Operation(summary = "Categories in the shop's order")
    @APIResponse(responseCode = "200", description = "The categories", content = @Content(schema = @Schema(implementation = ProductView.Categories.class)))
    public Uni<ProductView.Categories> categories() {
        return products.categories(pool, false).map(all -> new ProductView.Categories(all.stream().map(ProductView.CategoryView::of).toList()));
    }

    @POST
    @Path("categories")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Create a category, or find it by name", description = "{\"name\"} and optionally {\"position\"}.")
    @APIResponse(responseCode = "200", description = "The category", content = @Content(schema = @Schema(implementation = ProductView.CategoryView.class)))
    @APIResponse(responseCode = "400", description = "A missing or impossible field", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<ProductView.CategoryView> createCategory(byte[] body) throws BadInput {
        JsonInput input = JsonInput.of(body, CATEGORY_FIELDS);
        String name = categoryName(input.text("name"));
        Integer position = input.has("position") ? position(input) : null;
        return pool.withTransaction(tx -> products.categoryId(tx, name)
                .flatMap(id -> (position == null ? Uni.createFrom().item(true) : products.updateCategory(tx, id, null, position))
                        .flatMap(ignored -> products.category(tx, id))))
                .map(c -> ProductView.CategoryView.of(c.orElseThrow()));
    }

    @PATCH
    @Path("categories/{id: \\d{1,18}}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Rename a category or move it", description = "{\"name\"} and/or {\"position\"}.")
    @APIResponse(responseCode = "200", description = "The category", content = @Content(schema = @Schema(implementation = ProductView.CategoryView.class)))
    @APIResponse(responseCode = "404", description = "There is no such category", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "Another category has the name", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<ProductView.CategoryView> updateCategory(@PathParam("id") long id, byte[] body) throws BadInput {
        JsonInput input = JsonInput.of(body, CATEGORY_FIELDS);
        String name = input.has("name") ? categoryName(input.text("name")) : null;
        Integer position = input.has("position") ? position(input) : null;
        return pool.withTransaction(tx -> products.categories(tx, false).flatMap(all -> {
            if (name != null && all.stream().anyMatch(c -> c.name().equals(name) && c.id() != id)) {
                throw new Conflict("another category is named " + name, "CATEGORY_NAME_TAKEN");
            }
            return products.updateCategory(tx, id, name, position);
        }).flatMap(found -> {
            if (!found) {
                throw new NotFound("there is no category " + id);
            }
            return products.category(tx, id);
        })).map(c -> ProductView.CategoryView.of(c.orElseThrow()));
    }

    private static String categoryName(String name) throws BadInput {
        if (name.length() > 100) {
            throw new BadInput("\"name\" is at most 100 characters");
        }
        return name;
    }

    private static int position(JsonInput input) throws BadInput {
        long position = input.count("position", "the category's place in the catalog, 0 or more");
        if (position > 100_000) {
            throw new BadInput("\"position\" is at most 100000");
        }
        return (int) position;
    }

    private static int stock(JsonInput input) throws BadInput {
        long stock = input.count("stock", "whole units in stock, 0 or more");
        if (stock > ProductInput.MAX_STOCK) {
            throw new BadInput("\"stock\" is at most " + ProductInput.MAX_STOCK);
        }
        return (int) stock;
    }

    private static boolean flag(Boolean value, boolean otherwise) {
        return value == null ? otherwise : value;
    }

    private static ProductInput checked(ProductInput input) throws BadInput {
        List<String> problems = input.problems();
        if (!problems.isEmpty()) {
            throw new BadInput(String.join("; ", problems));
        }
        return input.normalised();
    }

    /** {@link #checked} inside a pipeline, where a checked exception cannot go: an IllegalArgumentException is a 400 here too. */
    private static ProductInput checkedUnchecked(ProductInput input) {
        List<String> problems = input.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return input.normalised();
    }
}
