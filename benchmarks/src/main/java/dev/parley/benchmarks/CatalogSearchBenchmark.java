package dev.parley.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import dev.parley.runtime.catalogwatch.CatalogSearch;
import dev.parley.runtime.catalogwatch.ScrapedProduct;
import dev.parley.testing.PostgresServer;
import dev.parley.testing.RuntimeProcess;
import dev.parley.testing.ShopSite;
import dev.parley.testing.TestServers;
import io.vertx.core.json.JsonObject;

/**
 * {@code benchmarks/run catalog-search [CONCURRENCY] [SECONDS] [PRODUCTS] [PAGES]}: the catalog-watch flow's search
 * and facets on PRODUCTS products (50,000) through the runtime's owner API, CONCURRENCY clients (8) for SECONDS (20)
 * each, against pgbench running the same statements ({@link CatalogSearch#SEARCH}, {@link CatalogSearch#FACETS})
 * with as many clients; and the sync's pages/s reading a local shop of PAGES product pages (1,000) through its
 * sitemap, against plain GETs of the same pages at the same concurrency (no parsing, no database).
 */
public final class CatalogSearchBenchmark {

    static final String SCHEMA = "bot_catalog";
    private static final String TOKEN = "catalog-search-benchmark";
    /** The words searched for, one at random per request: grapes of the generated catalog, a category, an origin. */
    private static final List<String> WORDS = List.of("merlot", "syrah", "chardonnay", "riesling", "grenache", "tempranillo", "sangiovese",
            "pinot", "rose", "port", "italy", "spain");

    private CatalogSearchBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 8, args.length > 1 ? Integer.parseInt(args[1]) : 20,
                    args.length > 2 ? Integer.parseInt(args[2]) : 50_000, args.length > 3 ? Integer.parseInt(args[3]) : 1000);
        } catch (Exception e) {
            System.err.println("catalog-search failed: " + e.getMessage());
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /** Latencies of one side, sorted, and how many requests in how long. */
    record Side(long[] sortedNanos, double seconds) {
        double perSecond() {
            return sortedNanos.length / seconds;
        }

        double ms(double quantile) {
            return WebhookLoad.percentileMs(sortedNanos, quantile);
        }
    }

    private static void run(int concurrency, int seconds, int products, int pages) throws Exception {
        Path jar = Path.of(System.getProperty("parley.runtimeJar", "runtime/target/quarkus-app/quarkus-run.jar"));
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("catalog_search");
        System.out.printf("catalog-search: %d products, %d clients, %d s a side; sync of %d pages; %d cores%n", products, concurrency, seconds,
                pages, Runtime.getRuntime().availableProcessors());
        System.out.println("catalog-search: NOT DURABLE, on purpose: the test server runs with fsync and synchronous_commit off");
        try (ShopSite site = new ShopSite(ShopSite.generated(pages, 3))) {
            Map<String, String> env = new HashMap<>();
            env.put("PARLEY_BOT_NAME", "catalog");
            env.put("PARLEY_FLOW", "catalogWatch");
            env.put("PARLEY_DB_HOST", "localhost");
            env.put("PARLEY_DB_PORT", String.valueOf(postgres.port()));
            env.put("PARLEY_DB_NAME", database);
            env.put("PARLEY_DB_USER", PostgresServer.USER);
            env.put("PARLEY_DB_PASSWORD", PostgresServer.PASSWORD);
            env.put("PARLEY_DB_SCHEMA", SCHEMA);
            env.put("PARLEY_DB_POOL_SIZE", String.valueOf(Math.max(10, concurrency)));
            env.put("PARLEY_OWNER_TOKEN", TOKEN);
            env.put("PARLEY_CONSOLE_ENABLED", "false");
            env.put("PARLEY_SCHEDULING_ENABLED", "false");
            env.put("PARLEY_CATALOG_DEMO", "false");
            env.put("PARLEY_CATALOG_EMBEDDINGS", "false");
            env.put("PARLEY_CATALOG_RETRIES", "0");
            env.put("PARLEY_CATALOG_SITEMAP_URL", site.sitemapUrl());
            RuntimeProcess runtime = RuntimeProcess.start(jar, "catalog-search", env);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
            try {
                runtime.awaitReady(Duration.ofMinutes(3));
                double syncPagesPerSecond = sync(http, runtime, postgres, database);
                double fetchPagesPerSecond = plainFetch(http, site, concurrency);
                System.out.printf("sync: %.1f pages/s (JSON-LD parsed, products written) vs plain GETs of the same pages: %.1f pages/s: ratio %.2f%n",
                        syncPagesPerSecond, fetchPagesPerSecond, syncPagesPerSecond / fetchPagesPerSecond);

                fill(postgres, database, products);
                Side search = load(http, concurrency, seconds, word -> runtime.url() + "/api/v1/catalogwatch/products?limit=5&q=" + word);
                Side facets = load(http, concurrency, seconds, word -> runtime.url() + "/api/v1/catalogwatch/facets?q=" + word);
                Pgbench searchReference = pgbench(postgres, database, concurrency, seconds, "search",
                        String.format(CatalogSearch.SEARCH, "ts_rank(to_tsvector('simple', search_text), to_tsquery('simple', $1)) DESC, name, id"),
                        "5", "0");
                Pgbench facetsReference = pgbench(postgres, database, concurrency, seconds, "facets", CatalogSearch.FACETS);
                print("search", search, searchReference);
                print("facets", facets, facetsReference);
                System.out.printf("  runtime peak RSS %d MB%n", runtime.peakRssMb());
                System.out.printf("RESULT catalog-search search_per_s=%.1f search_p50_ms=%.2f search_p99_ms=%.2f pgbench_search_tps=%.1f search_ratio=%.2f"
                        + " facets_per_s=%.1f facets_p50_ms=%.2f facets_p99_ms=%.2f pgbench_facets_tps=%.1f facets_ratio=%.2f"
                        + " sync_pages_per_s=%.1f fetch_pages_per_s=%.1f sync_ratio=%.2f%n",
                        search.perSecond(), search.ms(0.5), search.ms(0.99), searchReference.tps(), search.perSecond() / searchReference.tps(),
                        facets.perSecond(), facets.ms(0.5), facets.ms(0.99), facetsReference.tps(), facets.perSecond() / facetsReference.tps(),
                        syncPagesPerSecond, fetchPagesPerSecond, syncPagesPerSecond / fetchPagesPerSecond);
            } finally {
                runtime.stop();
            }
        }
    }

    private static void print(String what, Side runtime, Pgbench reference) {
        long[] nanos = reference.latencyNanos();
        System.out.printf("%s: runtime (owner API, HTTP and JSON included) %.1f req/s, p50 %.2f ms, p99 %.2f ms; pgbench (-M prepared) %.1f tps,"
                + " p50 %.2f ms, p99 %.2f ms: ratio %.2f%n", what, runtime.perSecond(), runtime.ms(0.5), runtime.ms(0.99), reference.tps(),
                WebhookLoad.percentileMs(nanos, 0.5), WebhookLoad.percentileMs(nanos, 0.99), runtime.perSecond() / reference.tps());
    }

    /** One sync of the whole site through the owner API; its pages/s from the run's own record. */
    private static double sync(HttpClient http, RuntimeProcess runtime, PostgresServer postgres, String database) throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(runtime.url() + "/api/v1/catalogwatch/sync-runs"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        long id = new JsonObject(started.body()).getLong("id");
        while (true) {
            JsonObject run = new JsonObject(http.send(HttpRequest.newBuilder(URI.create(runtime.url() + "/api/v1/catalogwatch/sync-runs/" + id))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body());
            if (!run.getString("status").equals("RUNNING")) {
                System.out.printf("sync: run %d %s: %d pages fetched, %d added, %d failed (the site's broken pages) in %d ms%n", id,
                        run.getString("status"), run.getInteger("pagesFetched"), run.getInteger("added"), run.getInteger("failed"),
                        run.getLong("durationMillis"));
                return run.getInteger("pagesFetched") * 1000.0 / run.getLong("durationMillis");
            }
            Thread.sleep(200);
        }
    }

    /** The same product pages fetched with as many threads as the sync has (its default concurrency, 4). */
    private static double plainFetch(HttpClient http, ShopSite site, int concurrency) throws Exception {
        List<String> urls = site.items().stream().map(i -> site.url() + i.path()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        try {
            List<Future<?>> all = new ArrayList<>();
            for (String url : urls) {
                all.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return urls.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** PRODUCTS rows written straight into the table (the sync's own speed is measured above): the generated catalog's shape. */
    private static void fill(PostgresServer postgres, String database, int products) throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + SCHEMA + ".catalog_product (source, external_id, url, name, brand,"
                    + " category, origin, description, price_minor, currency, available, search_text) VALUES ('upload', ?, ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?)")) {
                List<ShopSite.Item> items = ShopSite.generated(products, 50);
                int n = 0;
                for (ShopSite.Item i : items) {
                    ScrapedProduct p = new ScrapedProduct("bench-" + i.slug(), "https://bench/" + i.slug(), null, i.name(), i.brand(), i.category(),
                            i.origin(), i.description(), null, new java.math.BigDecimal(i.price()).movePointRight(2).longValueExact(), "EUR",
                            i.available(), null);
                    insert.setString(1, p.externalId());
                    insert.setString(2, p.url());
                    insert.setString(3, p.name());
                    insert.setString(4, p.brand());
                    insert.setString(5, p.category());
                    insert.setString(6, p.origin());
                    insert.setString(7, p.description());
                    insert.setLong(8, p.priceMinor());
                    insert.setBoolean(9, p.available());
                    insert.setString(10, p.searchText());
                    insert.addBatch();
                    if (++n % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            c.createStatement().execute("ANALYZE " + SCHEMA + ".catalog_product");
            try (ResultSet count = c.createStatement().executeQuery("SELECT count(*) FROM " + SCHEMA + ".catalog_product WHERE NOT delisted")) {
                count.next();
                System.out.printf("catalog: %d listed products (%.1f s to write %d)%n", count.getLong(1), (System.nanoTime() - start) / 1e9, products);
            }
        }
    }

    private static Side load(HttpClient http, int concurrency, int seconds, java.util.function.Function<String, String> url) throws Exception {
        // A short warm-up: the runtime's JIT and PostgreSQL's caches.
        run(http, concurrency, Math.max(3, seconds / 4), url);
        return run(http, concurrency, seconds, url);
    }

    private static Side run(HttpClient http, int concurrency, int seconds, java.util.function.Function<String, String> url) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        List<Future<long[]>> all = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            all.add(clients.submit(() -> {
                long[] nanos = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    String word = WORDS.get(ThreadLocalRandom.current().nextInt(WORDS.size()));
                    long t = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url.apply(URLEncoder.encode(word, StandardCharsets.UTF_8))))
                            .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                    }
                    if (n == nanos.length) {
                        nanos = Arrays.copyOf(nanos, n * 2);
                    }
                    nanos[n++] = System.nanoTime() - t;
                }
                return Arrays.copyOf(nanos, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : all) {
            parts.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        long[] sorted = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Side(sorted, elapsed);
    }

    /**
     * pgbench running {@code statement} with the search's parameters: $1 a random word of {@link #WORDS} as the
     * runtime makes it ({@code word:*}), no filter, and {@code extra} for the parameters after the filters.
     */
    private static Pgbench pgbench(PostgresServer postgres, String database, int concurrency, int seconds, String name, String statement,
            String... extra) throws Exception {
        StringBuilder words = new StringBuilder("(ARRAY[");
        for (int i = 0; i < WORDS.size(); i++) {
            words.append(i == 0 ? "" : ", ").append('\'').append(WORDS.get(i)).append(":*'");
        }
        words.append("])[:w]");
        List<String> values = new ArrayList<>(List.of(words.toString(), "NULL::text", "NULL::text", "NULL::text", "NULL::bigint", "NULL::bigint", "false"));
        values.addAll(Arrays.asList(extra));
        String sql = java.util.regex.Pattern.compile("\\$(\\d+)").matcher(statement).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                values.get(Integer.parseInt(m.group(1)) - 1)));
        Path workDir = TestServers.workDir("pgbench-catalog");
        Path script = workDir.resolve(name + ".sql");
        Files.writeString(script, "\\set w random(1, " + WORDS.size() + ")\n" + sql.replace("\n", " ") + ";\n");
        // The same warm-up as the runtime's side, then the measured run.
        Pgbench.run(postgres, database, concurrency, Duration.ofSeconds(Math.max(3, seconds / 4)), script, workDir, "log-" + name + "-warm", List.of(), SCHEMA);
        return Pgbench.run(postgres, database, concurrency, Duration.ofSeconds(seconds), script, workDir, "log-" + name, List.of(), SCHEMA);
    }

}
