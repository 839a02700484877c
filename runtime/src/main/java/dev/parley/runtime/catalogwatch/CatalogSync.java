package dev.parley.runtime.catalogwatch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.logging.Logger;

import dev.parley.runtime.config.CatalogSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Syncs the catalog from its source: a sitemap (index and sub-sitemaps, incremental by {@code lastmod}) whose product
 * pages are read through their JSON-LD, a CSV or JSON feed, or an upload; and re-reads the pages of watched products
 * (the restock check). Every run is a {@code catalog_sync_run} with its summary. A page that cannot be fetched or
 * parsed is recorded and skipped, never fatal; only a run that cannot read its listing at all fails, and a run whose
 * listing is incomplete (a sub-sitemap that failed) delists nothing. Products are written a batch per transaction,
 * each with the change events it caused; after the run the events are delivered to watchers
 * ({@link CatalogChanges#deliver}), the embeddings refreshed and, when the Bot has a digest chat, the digest queued.
 *
 * <p>Fetching blocks, on a pool of {@code catalog.concurrency} threads per run, never on the event loop.
 */
public final class CatalogSync {

    private static final Logger LOG = Logger.getLogger(CatalogSync.class);
    private static final int BATCH = 100;
    private static final int MAX_SITEMAPS = 1000;
    private static final Duration DB = Duration.ofMinutes(2);

    /** A sync's trigger: the scheduler, the owner API, the restock check, an upload. */
    public static final String SCHEDULE = "schedule";
    public static final String OWNER = "owner";

    private final Pool pool;
    private final CatalogSettings settings;
    private final String defaultCurrency;
    private final String defaultLanguage;
    private final Recommendations recommendations;
    private final Digest digest;
    private final MeterRegistry registry;

    public CatalogSync(Pool pool, CatalogSettings settings, String defaultCurrency, String defaultLanguage, Recommendations recommendations,
            MeterRegistry registry) {
        this.pool = pool;
        this.settings = settings;
        this.defaultCurrency = defaultCurrency;
        this.defaultLanguage = defaultLanguage;
        this.recommendations = recommendations;
        this.digest = new Digest(settings.digestChatId(), defaultLanguage);
        this.registry = registry;
    }

    public CatalogSettings settings() {
        return settings;
    }

    /** The currency of a feed's or an upload's prices when a row names none: the Bot's. */
    public String defaultCurrency() {
        return defaultCurrency;
    }

    /** What a run counts as it goes. */
    private static final class Tally {
        int fetched;
        int unchanged;
        int added;
        int updated;
        int delisted;
        int failed;

        void add(CatalogProducts.Counts counts) {
            added += counts.added();
            updated += counts.updated();
            unchanged += counts.unchanged();
        }

        SyncRuns.Summary summary() {
            return new SyncRuns.Summary(fetched, unchanged, added, updated, delisted, failed);
        }
    }

    /** Why a run stopped before its end. */
    private static final class RunFailed extends Exception {
        RunFailed(String reason) {
            super(reason);
        }
    }

    /** Starts a run of the configured source; fails with {@link SyncRuns.AlreadyRunning} while another runs. */
    public Uni<Long> start(String trigger) {
        return SyncRuns.start(pool, settings.source().equals("upload") ? "upload" : settings.source(), trigger);
    }

    /**
     * Starts a run of the configured source now and lets it go on in the background (the owner's "sync now", from the
     * API or the dashboard): the run's id, or {@link SyncRuns.AlreadyRunning} while another runs. Its progress and end
     * are in its record ({@link SyncRuns#find}).
     */
    public Uni<Long> startInBackground(String trigger) {
        return start(trigger).invoke(id -> execute(id).subscribe().with(run -> { }, failure -> { }));
    }

    /** Runs the configured source to its end (the scheduled job waits for it); the run's record. */
    public Uni<SyncRuns.Run> sync(String trigger) {
        return start(trigger).flatMap(this::execute);
    }

    /**
     * Re-reads the pages of watched products, so that watchers hear of a restock between catalog syncs; no run when
     * nothing is watched (or the catalog has no pages: a feed or an upload is read whole by the sync). Events left
     * undelivered by a replica that stopped are delivered either way.
     */
    public Uni<Optional<SyncRuns.Run>> restockCheck() {
        if (!settings.source().equals("sitemap")) {
            return CatalogChanges.deliver(pool, defaultLanguage).replaceWith(Optional.empty());
        }
        return CatalogProducts.watchedPages(pool, "sitemap").flatMap(watched -> watched.isEmpty()
                ? CatalogChanges.deliver(pool, defaultLanguage).replaceWith(Optional.<SyncRuns.Run>empty())
                : SyncRuns.start(pool, "restock-check", "restock").flatMap(this::execute).map(Optional::of));
    }

    /** An upload (CSV or JSON, {@link Feeds}) as a run; {@code partial}: products it leaves out stay listed. */
    public Uni<SyncRuns.Run> upload(Feeds.Parsed parsed, boolean partial, String trigger) {
        return SyncRuns.start(pool, "upload", trigger).flatMap(id -> blocking(() -> {
            Tally tally = new Tally();
            String error = null;
            try {
                tally.fetched = parsed.products().size();
                for (Feeds.Rejected rejected : parsed.rejected()) {
                    SyncRuns.failed(pool, id, "row " + rejected.row(), rejected.reason()).await().atMost(DB);
                    tally.failed++;
                }
                write(id, "upload", parsed.products(), tally);
                if (!partial) {
                    tally.delisted += pool.withTransaction(tx -> CatalogProducts.delistUnseen(tx, id, "upload")).await().atMost(DB);
                }
            } catch (RuntimeException e) {
                error = e.getMessage();
            }
            return end(id, tally, error, true);
        }));
    }

    /** Runs a started run to its end, off the event loop; the run's record. */
    public Uni<SyncRuns.Run> execute(long runId) {
        return SyncRuns.find(pool, runId).flatMap(run -> blocking(() -> {
            Tally tally = new Tally();
            String kind = run.orElseThrow().kind();
            String error = null;
            long started = System.nanoTime();
            try {
                switch (kind) {
                    case "sitemap" -> sitemap(runId, tally);
                    case "feed" -> feed(runId, tally);
                    case "restock-check" -> restock(runId, tally);
                    default -> { } // an upload-only catalog: the scheduled run has nothing to read
                }
            } catch (RunFailed e) {
                error = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (RuntimeException e) {
                LOG.warnf(e, "catalog sync %d failed", runId);
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            Timer.builder("parley.catalog.sync.duration").description("How long catalog syncs take").tag("kind", kind)
                    .register(registry).record(Duration.ofNanos(System.nanoTime() - started));
            return end(runId, tally, error, !kind.equals("restock-check"));
        }));
    }

    private SyncRuns.Run end(long runId, Tally tally, String error, boolean withDigest) {
        SyncRuns.Summary summary = tally.summary();
        pool.withTransaction(tx -> SyncRuns.finish(tx, runId, summary, error)
                .flatMap(ignored -> withDigest && error == null ? digest.queue(tx, runId) : Uni.createFrom().voidItem()))
                .await().atMost(DB);
        count("added", summary.added());
        count("updated", summary.updated());
        count("unchanged", summary.unchanged());
        count("delisted", summary.delisted());
        count("failed", summary.failed());
        Counter.builder("parley.catalog.sync.runs").description("Catalog sync runs by outcome")
                .tag("status", error == null ? "succeeded" : "failed").register(registry).increment();
        LOG.infof("catalog sync %d %s: %d fetched, %d added, %d updated, %d unchanged, %d delisted, %d failed%s", runId,
                error == null ? "succeeded" : "failed", summary.pagesFetched(), summary.added(), summary.updated(), summary.unchanged(),
                summary.delisted(), summary.failed(), error == null ? "" : " (" + error + ")");
        int alerts = CatalogChanges.deliver(pool, defaultLanguage).await().atMost(DB);
        if (alerts > 0) {
            LOG.infof("catalog sync %d: %d alerts queued for watchers", runId, alerts);
        }
        if (recommendations != null) {
            try {
                recommendations.refresh(pool);
            } catch (RuntimeException | LinkageError e) { // the model's native libraries included: never the sync's failure
                LOG.warnf("the embeddings were not refreshed after sync %d: %s", runId, e.getMessage());
            }
        }
        return SyncRuns.find(pool, runId).await().atMost(DB).orElseThrow();
    }

    private void count(String outcome, int n) {
        Counter.builder("parley.catalog.sync.products").description("Products a catalog sync added, updated, left, delisted or failed")
                .tag("outcome", outcome).register(registry).increment(n);
    }

    private static <T> Uni<T> blocking(java.util.function.Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Fetcher fetcher() {
        return new Fetcher(settings.userAgent(), settings.requestTimeout(), settings.concurrency(), settings.retries(), settings.retryBackoff());
    }

    private void sitemap(long runId, Tally tally) throws RunFailed, InterruptedException {
        URI root = URI.create(settings.sitemapUrl().orElseThrow());
        Fetcher fetcher = fetcher();
        Robots robots = fetcher.robots(root);
        fetcher.pace(robots.crawlDelay());
        Map<String, String> pages = new LinkedHashMap<>();
        boolean complete = true;
        Deque<URI> sitemaps = new ArrayDeque<>(List.of(root));
        Set<URI> seen = new HashSet<>();
        while (!sitemaps.isEmpty() && seen.size() < MAX_SITEMAPS) {
            URI sitemap = sitemaps.pop();
            if (!seen.add(sitemap)) {
                continue;
            }
            try {
                if (!robots.allows(sitemap)) {
                    throw new Fetcher.Unreachable("robots.txt disallows it");
                }
                Fetcher.Page page = fetcher.get(sitemap);
                if (!page.ok()) {
                    throw new Fetcher.Unreachable("HTTP " + page.status());
                }
                Sitemaps.Document document = Sitemaps.parse(page.body());
                for (Sitemaps.Entry entry : document.entries()) {
                    if (document.index()) {
                        sitemaps.add(sitemap.resolve(entry.loc()));
                    } else {
                        pages.put(sitemap.resolve(entry.loc()).toString(), entry.lastmod());
                    }
                }
            } catch (Fetcher.Unreachable | Sitemaps.NotASitemap | IllegalArgumentException e) {
                if (sitemap.equals(root)) {
                    throw new RunFailed("the sitemap " + root + " cannot be read: " + e.getMessage());
                }
                complete = false;
                SyncRuns.failed(pool, runId, sitemap.toString(), "sitemap: " + e.getMessage()).await().atMost(DB);
                tally.failed++;
            }
        }
        Map<String, String> stored = CatalogProducts.lastmods(pool, "sitemap").await().atMost(DB);
        List<String> unchanged = new ArrayList<>();
        Map<String, String> toRead = new LinkedHashMap<>();
        pages.forEach((url, lastmod) -> {
            if (lastmod != null && lastmod.equals(stored.get(url))) {
                unchanged.add(url);
            } else {
                toRead.put(url, lastmod);
            }
        });
        for (int i = 0; i < unchanged.size(); i += 1000) {
            List<String> chunk = unchanged.subList(i, Math.min(unchanged.size(), i + 1000));
            tally.unchanged += pool.withTransaction(tx -> CatalogProducts.touch(tx, runId, "sitemap", chunk)).await().atMost(DB);
        }
        readPages(runId, "sitemap", fetcher, robots, toRead, tally);
        if (complete && !pages.isEmpty()) {
            tally.delisted += pool.withTransaction(tx -> CatalogProducts.delistUnseen(tx, runId, "sitemap")).await().atMost(DB);
        }
    }

    private void restock(long runId, Tally tally) throws InterruptedException {
        String source = "sitemap";
        List<String> watched = CatalogProducts.watchedPages(pool, source).await().atMost(DB);
        if (watched.isEmpty()) {
            return;
        }
        Map<String, String> lastmods = CatalogProducts.lastmods(pool, source).await().atMost(DB);
        Map<String, String> toRead = new LinkedHashMap<>();
        watched.forEach(url -> toRead.put(url, lastmods.get(url)));
        Fetcher fetcher = fetcher();
        Robots robots = fetcher.robots(URI.create(watched.get(0)));
        fetcher.pace(robots.crawlDelay());
        readPages(runId, source, fetcher, robots, toRead, tally);
    }

    private record Read(String url, ScrapedProduct product, String failure) {
    }

    /** Fetches and parses the pages, {@code catalog.concurrency} at a time, writing a batch per transaction. */
    private void readPages(long runId, String source, Fetcher fetcher, Robots robots, Map<String, String> pages, Tally tally)
            throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread thread = new Thread(r, "catalog-sync-" + runId);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Map.Entry<String, String>> all = new ArrayList<>(pages.entrySet());
            for (int i = 0; i < all.size(); i += BATCH) {
                List<Future<Read>> reads = new ArrayList<>();
                for (Map.Entry<String, String> page : all.subList(i, Math.min(all.size(), i + BATCH))) {
                    reads.add(workers.submit(() -> read(fetcher, robots, page.getKey(), page.getValue())));
                }
                List<ScrapedProduct> products = new ArrayList<>();
                List<Read> failures = new ArrayList<>();
                for (Future<Read> future : reads) {
                    Read read;
                    try {
                        read = future.get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException(e.getCause());
                    }
                    tally.fetched++;
                    if (read.product() != null) {
                        products.add(read.product());
                    } else {
                        failures.add(read);
                    }
                }
                write(runId, source, products, tally);
                List<String> failed = failures.stream().map(Read::url).toList();
                pool.withTransaction(tx -> CatalogProducts.touch(tx, runId, source, failed)).await().atMost(DB);
                for (Read failure : failures) {
                    SyncRuns.failed(pool, runId, failure.url(), failure.failure()).await().atMost(DB);
                    tally.failed++;
                }
                SyncRuns.heartbeat(pool, runId, tally.summary()).await().atMost(DB);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private static Read read(Fetcher fetcher, Robots robots, String url, String lastmod) throws InterruptedException {
        URI uri = URI.create(url);
        if (!robots.allows(uri)) {
            return new Read(url, null, "robots.txt disallows it");
        }
        try {
            Fetcher.Page page = fetcher.get(uri);
            if (!page.ok()) {
                return new Read(url, null, "HTTP " + page.status());
            }
            return new Read(url, ProductJsonLd.parse(url, new String(page.body(), StandardCharsets.UTF_8)).withLastmod(lastmod), null);
        } catch (Fetcher.Unreachable | ProductJsonLd.NotAProduct e) {
            return new Read(url, null, e.getMessage());
        }
    }

    private void feed(long runId, Tally tally) throws RunFailed, InterruptedException {
        URI url = URI.create(settings.feedUrl().orElseThrow());
        Fetcher fetcher = fetcher();
        Fetcher.Page page;
        try {
            if (!fetcher.robots(url).allows(url)) {
                throw new RunFailed("robots.txt disallows the feed " + url);
            }
            page = fetcher.get(url);
        } catch (Fetcher.Unreachable e) {
            throw new RunFailed("the feed " + url + " cannot be read: " + e.getMessage());
        }
        if (!page.ok()) {
            throw new RunFailed("the feed " + url + " answered HTTP " + page.status());
        }
        Feeds.Parsed parsed;
        try {
            parsed = Feeds.parse(new String(page.body(), StandardCharsets.UTF_8), defaultCurrency);
        } catch (Feeds.NotAFeed e) {
            throw new RunFailed(e.getMessage());
        }
        tally.fetched = 1;
        for (Feeds.Rejected rejected : parsed.rejected()) {
            SyncRuns.failed(pool, runId, "row " + rejected.row(), rejected.reason()).await().atMost(DB);
            tally.failed++;
        }
        write(runId, "feed", parsed.products(), tally);
        if (!parsed.products().isEmpty()) {
            tally.delisted += pool.withTransaction(tx -> CatalogProducts.delistUnseen(tx, runId, "feed")).await().atMost(DB);
        }
    }

    private void write(long runId, String source, List<ScrapedProduct> products, Tally tally) {
        for (int i = 0; i < products.size(); i += BATCH) {
            List<ScrapedProduct> batch = products.subList(i, Math.min(products.size(), i + BATCH));
            tally.add(pool.withTransaction(tx -> CatalogProducts.upsert(tx, runId, source, batch)).await().atMost(DB));
        }
    }
}
