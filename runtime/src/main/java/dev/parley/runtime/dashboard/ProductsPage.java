package dev.parley.runtime.dashboard;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.parley.runtime.commerce.Money;
import dev.parley.runtime.commerce.product.Category;
import dev.parley.runtime.commerce.product.CsvImport;
import dev.parley.runtime.commerce.product.Product;
import dev.parley.runtime.commerce.product.ProductInput;
import dev.parley.runtime.commerce.product.ProductRepository;
import dev.parley.runtime.config.CommerceSettings;
import io.quarkus.qute.TemplateData;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The shop's products: the list with price, stock, category and whether on sale, adding one, changing a price or the
 * stock, taking one off sale, and the CSV import with its per-row report; the categories with how many products each
 * has. Through the same {@link ProductRepository} and {@link CsvImport} as the owner API's {@code /api/v1/shop}.
 */
@Path(Dashboard.ROOT + "/products")
@Produces(Dashboard.HTML)
public class ProductsPage {

    static final String PATH = Dashboard.ROOT + "/products";
    private static final List<String> DONE = List.of("added", "changed", "deactivated");
    /** A CSV file bigger than this is refused before it is read (5,000 rows of a few hundred bytes fit well). */
    private static final long MAX_FILE = 5L * 1024 * 1024;

    /** A product, its price in the currency's major units too (what the change form starts from). */
    @TemplateData
    public record ProductRow(long id, String sku, String name, String category, String price, String priceValue, int stock, boolean active) {

        static ProductRow of(Product p, String currency) {
            return new ProductRow(p.id(), p.sku(), p.name(), p.category(), Money.format(p.priceMinor(), currency), major(p.priceMinor(), currency),
                    p.stock(), p.active());
        }
    }

    /** A category and how many active products it has. */
    @TemplateData
    public record CategoryRow(String name, int products) {

        static CategoryRow of(Category c) {
            return new CategoryRow(c.name(), c.products());
        }
    }

    /** What a CSV import did; {@code fileError} when the file as a whole could not be read (and nothing went in). */
    @TemplateData
    public record ImportReport(int created, int updated, List<RefusedRow> refused, String fileError) {
    }

    /** A row of the file that did not go in: its line, its SKU if it had one, and everything wrong with it. */
    @TemplateData
    public record RefusedRow(int line, String sku, String problems) {

        static RefusedRow of(CsvImport.Refused r) {
            return new RefusedRow(r.line(), r.sku() == null ? "" : r.sku(), String.join("; ", r.problems()));
        }
    }

    private final Dashboard dashboard;
    private final Pool pool;
    private final ProductRepository products;
    private final String currency;

    public ProductsPage(Dashboard dashboard, Pool pool, ProductRepository products, CommerceSettings settings) {
        this.dashboard = dashboard;
        this.pool = pool;
        this.products = products;
        this.currency = settings.currency();
    }

    @GET
    public Uni<String> list(@RestCookie(SessionCookie.NAME) String cookie, @QueryParam("done") String done, @QueryParam("error") String error) {
        SessionCookie.Session session = dashboard.session(cookie);
        Map<String, Object> data = new HashMap<>();
        data.put("done", done != null && DONE.contains(done) ? done : "");
        data.put("error", error != null && error.matches("[a-zA-Z]{1,20}") ? error : "");
        return page(session, data);
    }

    @POST
    @Path("new")
    public Uni<Response> add(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf, @RestForm String sku, @RestForm String name,
            @RestForm String category, @RestForm String price, @RestForm String stock) {
        SessionCookie.Session session = dashboard.session(cookie, csrf);
        OptionalLong priceMinor = price(price);
        Integer units = stock(stock);
        if (priceMinor.isEmpty() || units == null) {
            return Uni.createFrom().item(Dashboard.seeOther(PATH + "?error=" + (priceMinor.isEmpty() ? "price" : "stock")));
        }
        ProductInput product = new ProductInput(sku, name, null, category, priceMinor.getAsLong(), units, null, true);
        List<String> problems = product.problems();
        if (!problems.isEmpty()) {
            return page(session, new HashMap<>(Map.of("problems", problems))).map(html -> Response.status(Response.Status.BAD_REQUEST)
                    .type(Dashboard.HTML).entity(html).build());
        }
        return pool.withTransaction(tx -> products.create(tx, product))
                .map(created -> Dashboard.seeOther(PATH + (created.isPresent() ? "?done=added" : "?error=skuTaken")));
    }

    @POST
    @Path("{id: \\d{1,18}}")
    public Uni<Response> change(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf, @PathParam("id") long id,
            @RestForm String price, @RestForm String stock) {
        dashboard.session(cookie, csrf);
        OptionalLong priceMinor = price(price);
        Integer units = stock(stock);
        if (priceMinor.isEmpty() || units == null) {
            return Uni.createFrom().item(Dashboard.seeOther(PATH + "?error=" + (priceMinor.isEmpty() ? "price" : "stock")));
        }
        return pool.withTransaction(tx -> products.find(tx, id).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            Product p = found.get();
            return products.upsert(tx, new ProductInput(p.sku(), p.name(), p.description(), p.category(), priceMinor.getAsLong(), units,
                    p.imageUrl(), p.active())).replaceWith(true);
        })).map(changed -> Dashboard.seeOther(PATH + (changed ? "?done=changed" : "?error=noProduct")));
    }

    @POST
    @Path("{id: \\d{1,18}}/deactivate")
    public Uni<Response> deactivate(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf, @PathParam("id") long id) {
        dashboard.session(cookie, csrf);
        return pool.withTransaction(tx -> products.deactivate(tx, id))
                .map(done -> Dashboard.seeOther(PATH + (done ? "?done=deactivated" : "?error=noProduct")));
    }

    /**
     * The CSV file from the upload form: the rows that can be read go in (created, or updated by SKU), and the page
     * shows how many, and each refused row with its line and what is wrong with it. Blocking: it reads the uploaded
     * file from disk.
     */
    @POST
    @Path("import")
    @Blocking
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    public Uni<String> importCsv(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf, @RestForm("file") FileUpload file) {
        SessionCookie.Session session = dashboard.session(cookie, csrf);
        CsvImport.Parsed parsed;
        try {
            if (file == null || file.size() > MAX_FILE) {
                throw new CsvImport.BadFile(file == null ? "choose a file" : "the file is larger than 5 MB");
            }
            parsed = CsvImport.parse(Files.readAllBytes(file.uploadedFile()));
        } catch (CsvImport.BadFile e) {
            return page(session, new HashMap<>(Map.of("report", new ImportReport(0, 0, List.of(), e.getMessage()))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return pool.withTransaction(tx -> products.importRows(tx, parsed.rows()))
                .flatMap(imported -> page(session, new HashMap<>(Map.of("report",
                        new ImportReport(imported.created(), imported.updated(),
                                parsed.refused().stream().map(RefusedRow::of).toList(), "")))));
    }

    private Uni<String> page(SessionCookie.Session session, Map<String, Object> data) {
        return products.all(pool).flatMap(all -> products.categories(pool, false).map(categories -> {
            data.putIfAbsent("done", "");
            data.putIfAbsent("error", "");
            data.putIfAbsent("problems", List.of());
            data.put("imported", data.containsKey("report"));
            data.putIfAbsent("report", new ImportReport(0, 0, List.of(), ""));
            data.put("products", all.stream().map(p -> ProductRow.of(p, currency)).toList());
            data.put("categories", categories.stream().map(CategoryRow::of).toList());
            data.put("currency", currency);
            return dashboard.page("products", session, PATH, data);
        }));
    }

    /** A price typed in major units ({@code 95} or {@code 1,250.50}); 0 is a price too (a free sample). */
    private OptionalLong price(String typed) {
        if (typed != null && typed.strip().matches("0+(\\.0+)?")) {
            return OptionalLong.of(0);
        }
        return CustomersPage.minorUnits(typed, currency);
    }

    private static Integer stock(String typed) {
        if (typed == null || !typed.strip().matches("\\d{1,7}")) {
            return null;
        }
        int units = Integer.parseInt(typed.strip());
        return units <= ProductInput.MAX_STOCK ? units : null;
    }

    private static String major(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor).movePointLeft(digits).toPlainString();
    }
}
