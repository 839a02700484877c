package dev.parley.runtime.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;

import dev.parley.runtime.catalogwatch.CatalogSearch;
import dev.parley.runtime.catalogwatch.CatalogSync;
import dev.parley.runtime.catalogwatch.SyncRuns;
import dev.parley.runtime.catalogwatch.Watches;
import dev.parley.runtime.commerce.Money;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The catalog watch: the sync runs with their counts and state, one run's unreadable pages, starting a sync now (one
 * at a time, as the owner API's {@code POST /api/v1/catalogwatch/sync-runs}), the synced products with a search, and
 * who watches a product. Through the same {@link CatalogSync}, {@link SyncRuns}, {@link CatalogSearch} and
 * {@link Watches} as the owner API.
 */
@Path(Dashboard.ROOT + "/catalog-watch")
@Produces(Dashboard.HTML)
public class CatalogWatchPage {

    static final String RUNS = Dashboard.ROOT + "/catalog-watch";
    static final String PRODUCTS = RUNS + "/products";
    private static final int NEWEST_RUNS = 30;
    private static final int PAGE = 50;
    private static final int MAX_QUERY = 200;

    /** A sync run: its state ({@code RUNNING}, {@code SUCCEEDED}, {@code FAILED}, {@code ABANDONED}) and counts. */
    @TemplateData
    public record RunRow(long id, String kind, String trigger, String status, boolean running, String startedAt, String finishedAt,
            String seconds, int pagesFetched, int unchanged, int added, int updated, int delisted, int failed, String error) {

        static RunRow of(SyncRuns.Run r) {
            Long millis = r.durationMillis();
            return new RunRow(r.id(), r.kind(), r.trigger(), r.status(), "RUNNING".equals(r.status()), Views.time(r.startedAt().toInstant()),
                    r.finishedAt() == null ? "" : Views.time(r.finishedAt().toInstant()),
                    millis == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0), r.pagesFetched(), r.unchanged(), r.added(),
                    r.updated(), r.delisted(), r.failed(), r.error());
        }
    }

    /** A page a run could not read, and why. */
    @TemplateData
    public record FailureRow(String url, String reason) {
    }

    /** A synced product in a list. */
    @TemplateData
    public record HitRow(long id, String name, String brand, String category, String price, boolean available) {

        static HitRow of(CatalogSearch.Hit h) {
            return new HitRow(h.id(), h.name(), h.brand(), h.category(), CatalogWatchPage.price(h.priceMinor(), h.currency()), h.available());
        }
    }

    /** A product's card and who watches it. */
    @TemplateData
    public record ProductCard(long id, String name, String brand, String category, String origin, String sku, String price, boolean available,
            boolean delisted, String url) {

        static ProductCard of(CatalogSearch.Product p) {
            return new ProductCard(p.id(), p.name(), p.brand(), p.category(), p.origin(), p.sku(), CatalogWatchPage.price(p.priceMinor(), p.currency()), p.available(),
                    p.delisted(), p.url() != null && p.url().matches("https?://.*") ? p.url() : null);
        }
    }

    /** A customer watching a product: their channel and chat, since when. */
    @TemplateData
    public record WatcherRow(String channel, String chatId, String since) {
    }

    private final Dashboard dashboard;
    private final Pool pool;
    private final CatalogSync sync;

    public CatalogWatchPage(Dashboard dashboard, Pool pool, CatalogSync sync) {
        this.dashboard = dashboard;
        this.pool = pool;
        this.sync = sync;
    }

    @GET
    public Uni<String> runs(@RestCookie(SessionCookie.NAME) String cookie, @QueryParam("error") String error) {
        SessionCookie.Session session = dashboard.session(cookie);
        return SyncRuns.newest(pool, NEWEST_RUNS).map(runs -> {
            List<RunRow> rows = runs.stream().map(RunRow::of).toList();
            Map<String, Object> data = new HashMap<>();
            data.put("runs", rows);
            data.put("running", rows.stream().anyMatch(RunRow::running));
            data.put("uploaded", sync.settings().source().equals("upload"));
            data.put("error", "running".equals(error) || "upload".equals(error) ? error : "");
            return dashboard.page("catalog-watch-runs", session, RUNS, data);
        });
    }

    @GET
    @Path("runs/{id: \\d{1,18}}")
    public Uni<Response> run(@RestCookie(SessionCookie.NAME) String cookie, @PathParam("id") long id, @QueryParam("started") String started) {
        SessionCookie.Session session = dashboard.session(cookie);
        return SyncRuns.find(pool, id).flatMap(found -> found.isEmpty()
                ? Uni.createFrom().item(notFound(session))
                : SyncRuns.failures(pool, id).map(failures -> {
                    Map<String, Object> data = new HashMap<>();
                    data.put("run", RunRow.of(found.get()));
                    data.put("failures", failures.stream().map(f -> new FailureRow(f.url(), f.reason())).toList());
                    data.put("started", "1".equals(started));
                    return Response.ok(dashboard.page("catalog-watch-run", session, RUNS, data), Dashboard.HTML).build();
                }));
    }

    /** Starts a sync now, unless one is running (then the runs' page says so and nothing starts). */
    @POST
    @Path("sync")
    public Uni<Response> startSync(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf) {
        dashboard.session(cookie, csrf);
        if (sync.settings().source().equals("upload")) {
            return Uni.createFrom().item(Dashboard.seeOther(RUNS + "?error=upload"));
        }
        return sync.startInBackground(CatalogSync.OWNER)
                .map(id -> Dashboard.seeOther(RUNS + "/runs/" + id + "?started=1"))
                .onFailure(SyncRuns.AlreadyRunning.class).recoverWithItem(() -> Dashboard.seeOther(RUNS + "?error=running"));
    }

    @GET
    @Path("products")
    public Uni<String> products(@RestCookie(SessionCookie.NAME) String cookie, @QueryParam("q") String q, @QueryParam("page") String page) {
        SessionCookie.Session session = dashboard.session(cookie);
        String words = q == null ? "" : q.strip();
        String query = words.length() > MAX_QUERY ? words.substring(0, MAX_QUERY) : words;
        int number = page != null && page.matches("\\d{1,4}") ? Integer.parseInt(page) : 0;
        return CatalogSearch.search(pool, query.isEmpty() ? null : query, CatalogSearch.Filters.NONE,
                CatalogSearch.Order.RELEVANCE, number * PAGE, PAGE).map(found -> {
                    Map<String, Object> data = new HashMap<>();
                    data.put("q", query);
                    data.put("hits", found.hits().stream().map(HitRow::of).toList());
                    data.put("total", found.total());
                    data.put("qUrl", java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
                    data.put("previousPage", number - 1);
                    data.put("nextPage", number + 1);
                    data.put("previous", number > 0);
                    data.put("next", (long) (number + 1) * PAGE < found.total());
                    return dashboard.page("catalog-watch-products", session, PRODUCTS, data);
                });
    }

    @GET
    @Path("products/{id: \\d{1,18}}")
    public Uni<Response> product(@RestCookie(SessionCookie.NAME) String cookie, @PathParam("id") long id) {
        SessionCookie.Session session = dashboard.session(cookie);
        return CatalogSearch.product(pool, id).flatMap(found -> found.isEmpty()
                ? Uni.createFrom().item(notFound(session))
                : Watches.ofProduct(pool, id).map(watchers -> {
                    Map<String, Object> data = new HashMap<>();
                    data.put("product", ProductCard.of(found.get()));
                    data.put("watchers", watchers.stream().map(w -> new WatcherRow(w.channel(), w.chatId(),
                            Views.time(java.time.Instant.parse(w.since())))).toList());
                    return Response.ok(dashboard.page("catalog-watch-product", session, PRODUCTS, data), Dashboard.HTML).build();
                }));
    }

    private Response notFound(SessionCookie.Session session) {
        return Response.status(Response.Status.NOT_FOUND).type(Dashboard.HTML).entity(dashboard.page("not-found", session, RUNS, Map.of())).build();
    }

    private static String price(Long minor, String currency) {
        return minor == null || currency == null ? "—" : Money.format(minor, currency);
    }
}
