package dev.parley.runtime.owner;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.parley.runtime.catalogwatch.CatalogSearch;
import dev.parley.runtime.catalogwatch.CatalogSync;
import dev.parley.runtime.catalogwatch.Feeds;
import dev.parley.runtime.catalogwatch.SyncRuns;
import dev.parley.runtime.catalogwatch.Watches;
import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.http.Conflict;
import dev.parley.runtime.http.ErrorBody;
import dev.parley.runtime.http.NotFound;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The owner API of the catalog-watch flow ({@code /api/v1/catalogwatch}): the synced products (search, facets, one
 * product with its watchers), the sync runs with their summaries and failed pages, a sync started on demand, and a
 * catalog uploaded as CSV or JSON.
 */
@Path("/api/v1/catalogwatch")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog watch", description = "The synced web catalog, its sync runs, and customers' watches")
public class CatalogWatchResource {

    private static final int MAX_LIMIT = 200;

    /** A page of products. */
    @Schema(name = "CatalogProducts")
    public record Products(long total, List<CatalogSearch.Hit> products) {
    }

    /** A product with its watchers. */
    @Schema(name = "CatalogProduct")
    public record ProductView(CatalogSearch.Product product, List<Watches.Watcher> watchers) {
    }

    /** The facets of a search. */
    @Schema(name = "CatalogFacets")
    public record FacetsView(long total, long available, Map<String, Long> categories, Map<String, Long> brands, Map<String, Long> origins) {
    }

    /** A sync run, its duration in milliseconds (null while it runs) and, for one run, the pages it could not read. */
    @Schema(name = "CatalogSyncRun")
    public record RunView(long id, String kind, String trigger, String status, String startedAt, String finishedAt, Long durationMillis,
            int pagesFetched, int unchanged, int added, int updated, int delisted, int failed, String error, List<SyncRuns.Failure> failures) {

        static RunView of(SyncRuns.Run r, List<SyncRuns.Failure> failures) {
            return new RunView(r.id(), r.kind(), r.trigger(), r.status(), r.startedAt().toInstant().toString(),
                    r.finishedAt() == null ? null : r.finishedAt().toInstant().toString(), r.durationMillis(), r.pagesFetched(), r.unchanged(),
                    r.added(), r.updated(), r.delisted(), r.failed(), r.error(), failures);
        }
    }

    @Schema(name = "CatalogSyncRuns")
    public record Runs(List<RunView> runs) {
    }

    private final Pool pool;
    private final CatalogSync sync;

    public CatalogWatchResource(Pool pool, CatalogSync sync) {
        this.pool = pool;
        this.sync = sync;
    }

    @GET
    @Path("products")
    @Operation(summary = "Listed products: a search with filters, a page at a time")
    @APIResponse(responseCode = "200", description = "The products", content = @Content(schema = @Schema(implementation = Products.class)))
    @APIResponse(responseCode = "400", description = "A limit or offset out of range", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Products> products(@Parameter(description = "Words to search for") @QueryParam("q") String q,
            @QueryParam("category") String category, @QueryParam("brand") String brand, @QueryParam("origin") String origin,
            @Parameter(description = "Only products in stock") @QueryParam("available") @DefaultValue("false") boolean available,
            @Parameter(description = "1 to 200; 50 when absent") @QueryParam("limit") Integer limit,
            @QueryParam("offset") @DefaultValue("0") int offset) throws BadInput {
        int most = limit == null ? 50 : limit;
        if (most < 1 || most > MAX_LIMIT || offset < 0) {
            throw new BadInput("\"limit\" is a whole number from 1 to " + MAX_LIMIT + " and \"offset\" one from 0");
        }
        return CatalogSearch.search(pool, q, new CatalogSearch.Filters(category, brand, origin, null, null, available), CatalogSearch.Order.RELEVANCE,
                offset, most).map(page -> new Products(page.total(), page.hits()));
    }

    @GET
    @Path("facets")
    @Operation(summary = "How many listed products each category, brand and origin has, under a search")
    @APIResponse(responseCode = "200", description = "The facets", content = @Content(schema = @Schema(implementation = FacetsView.class)))
    public Uni<FacetsView> facets(@QueryParam("q") String q, @QueryParam("category") String category, @QueryParam("brand") String brand,
            @QueryParam("origin") String origin, @QueryParam("available") @DefaultValue("false") boolean available) {
        return CatalogSearch.facets(pool, q, new CatalogSearch.Filters(category, brand, origin, null, null, available))
                .map(f -> new FacetsView(f.total(), f.available(), f.categories(), f.brands(), f.origins()));
    }

    @GET
    @Path("products/{id}")
    @Operation(summary = "A product, listed or delisted, with who watches it")
    @APIResponse(responseCode = "200", description = "The product", content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<ProductView> product(@PathParam("id") long id) {
        return CatalogSearch.product(pool, id).flatMap(found -> found.isEmpty()
                ? Uni.createFrom().failure(new NotFound("there is no catalog product " + id))
                : Watches.ofProduct(pool, id).map(watchers -> new ProductView(found.get(), watchers)));
    }

    @GET
    @Path("products/{id}/watches")
    @Operation(summary = "Who watches a product")
    @APIResponse(responseCode = "200", description = "The watchers", content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<ProductView> watches(@PathParam("id") long id) {
        return product(id);
    }

    @GET
    @Path("sync-runs")
    @Operation(summary = "The catalog's sync runs, newest first, with their summaries")
    @APIResponse(responseCode = "200", description = "The runs", content = @Content(schema = @Schema(implementation = Runs.class)))
    @APIResponse(responseCode = "400", description = "A limit out of range", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Runs> runs(@Parameter(description = "1 to 200; 20 when absent") @QueryParam("limit") Integer limit) throws BadInput {
        int most = limit == null ? 20 : limit;
        if (most < 1 || most > MAX_LIMIT) {
            throw new BadInput("\"limit\" is a whole number from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        return SyncRuns.newest(pool, most).map(runs -> new Runs(runs.stream().map(r -> RunView.of(r, null)).toList()));
    }

    @GET
    @Path("sync-runs/{id}")
    @Operation(summary = "One sync run with the pages it could not read")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<RunView> run(@PathParam("id") long id) {
        return SyncRuns.find(pool, id).flatMap(run -> run.isEmpty()
                ? Uni.createFrom().failure(new NotFound("there is no sync run " + id))
                : SyncRuns.failures(pool, id).map(failures -> RunView.of(run.get(), failures)));
    }

    @POST
    @Path("sync-runs")
    @Operation(summary = "Starts a sync of the catalog's sitemap or feed now; it runs in the background")
    @APIResponse(responseCode = "202", description = "The run, started", content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "400", description = "The catalog has no sitemap or feed (it is uploaded)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "A sync is running", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> startSync() throws BadInput {
        if (sync.settings().source().equals("upload")) {
            throw new BadInput("the catalog has no sitemap or feed to read (the Bot's spec.catalog); upload it with POST /api/v1/catalogwatch/uploads");
        }
        return sync.startInBackground(CatalogSync.OWNER)
                .onFailure(SyncRuns.AlreadyRunning.class).transform(e -> new Conflict(e.getMessage()))
                .flatMap(id -> SyncRuns.find(pool, id))
                .map(run -> Response.accepted(RunView.of(run.orElseThrow(), null)).build());
    }

    @POST
    @Path("uploads")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Uploads the catalog as CSV (a header row) or JSON (a list of products); the run's summary")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "400", description = "Neither CSV nor JSON of products", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "A sync is running", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<RunView> upload(byte[] body,
            @Parameter(description = "true: products the upload leaves out stay listed; false (default): they are delisted")
            @QueryParam("partial") @DefaultValue("false") boolean partial,
            @Parameter(description = "The currency of rows that name none; the Bot's when absent") @QueryParam("currency") String currency)
            throws BadInput {
        Feeds.Parsed parsed;
        try {
            parsed = Feeds.parse(new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8),
                    currency == null || currency.isBlank() ? sync.defaultCurrency() : currency.toUpperCase(Locale.ROOT));
        } catch (Feeds.NotAFeed e) {
            throw new BadInput(e.getMessage());
        }
        if (parsed.products().isEmpty()) {
            throw new BadInput("the upload has no product that can be read" + (parsed.rejected().isEmpty() ? ""
                    : ": row " + parsed.rejected().get(0).row() + ": " + parsed.rejected().get(0).reason()));
        }
        return sync.upload(parsed, partial, CatalogSync.OWNER)
                .onFailure(SyncRuns.AlreadyRunning.class).transform(e -> new Conflict(e.getMessage()))
                .flatMap(run -> SyncRuns.failures(pool, run.id()).map(failures -> RunView.of(run, failures)));
    }
}
