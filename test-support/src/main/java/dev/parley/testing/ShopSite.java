package dev.parley.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A web shop as the catalog sync finds it, served locally: {@code /robots.txt} (which disallows {@code /private/}),
 * a sitemap index {@code /sitemap.xml} naming two sub-sitemaps (the second gzipped), and product pages carrying
 * schema.org {@code Product} JSON-LD. Besides the products, it lists pages that are broken on purpose: one whose
 * JSON-LD is not JSON, one with no Product, one that answers 404, one that always answers 500, and one under the
 * disallowed path. A test changes products (price, stock, {@code lastmod}), removes them, and reads which paths
 * were requested with which user agent. The runtime's catalog-watch tests and {@code benchmarks/run catalog-search} read it.
 */
public final class ShopSite implements AutoCloseable {

    /** A product as the shop publishes it; {@code price} in major units ({@code "24.95"}). */
    public record Item(String slug, String name, String brand, String category, String origin, String price, boolean available, String lastmod,
            String description) {

        public Item withAvailable(boolean available, String lastmod) {
            return new Item(slug, name, brand, category, origin, price, available, lastmod, description);
        }

        public Item withPrice(String price, String lastmod) {
            return new Item(slug, name, brand, category, origin, price, available, lastmod, description);
        }

        public String path() {
            return "/products/" + slug + ".html";
        }
    }

    /** The broken pages every site lists: path to what is wrong with it. */
    public static final Map<String, String> BROKEN = Map.of(
            "/products/broken-json.html", "JSON-LD that is not valid JSON",
            "/products/no-product.html", "no schema.org Product",
            "/products/gone.html", "HTTP 404",
            "/products/failing.html", "HTTP 500",
            "/private/secret.html", "robots.txt disallows it");

    public static final List<String> CATEGORIES = List.of("Red wine", "White wine", "Rosé wine", "Sparkling wine", "Port");
    public static final List<String> ORIGINS = List.of("France", "Italy", "Spain", "Portugal", "Canada");
    public static final List<String> BRANDS = List.of("Domaine Alpha", "Cave Beta", "Bodega Gamma", "Tenuta Delta", "Quinta Epsilon", "Vignoble Zeta");

    private final HttpServer server;
    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final List<String[]> requests = new CopyOnWriteArrayList<>();
    private volatile boolean secondSitemapFails;

    public ShopSite(Collection<Item> items) {
        items.forEach(i -> this.items.put(i.slug(), i));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /** {@code n} products made from {@code seed}: every category, origin and brand, prices from 8 to 90, a third out of stock. */
    public static List<Item> generated(int n, long seed) {
        Random random = new Random(seed);
        List<Item> items = new ArrayList<>();
        String[] grapes = {"Merlot", "Syrah", "Chardonnay", "Riesling", "Grenache", "Tempranillo", "Sangiovese", "Pinot"};
        for (int i = 0; i < n; i++) {
            String category = CATEGORIES.get(i % CATEGORIES.size());
            String origin = ORIGINS.get(random.nextInt(ORIGINS.size()));
            String brand = BRANDS.get(random.nextInt(BRANDS.size()));
            String grape = grapes[random.nextInt(grapes.length)];
            int cents = 800 + random.nextInt(8200);
            items.add(new Item("p" + i, grape + " " + brand.split(" ")[1] + " " + (2010 + i % 12), brand, category, origin,
                    (cents / 100) + "." + String.format("%02d", cents % 100), random.nextInt(3) != 0, "2026-01-01",
                    "A " + category.toLowerCase() + " of " + grape + " from " + origin + "."));
        }
        return items;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String sitemapUrl() {
        return url() + "/sitemap.xml";
    }

    public void put(Item item) {
        items.put(item.slug(), item);
    }

    public void remove(String slug) {
        items.remove(slug);
    }

    public Item item(String slug) {
        return items.get(slug);
    }

    public Collection<Item> items() {
        return List.copyOf(items.values());
    }

    /** The second sub-sitemap answers 500 from now on (or again 200). */
    public void failSecondSitemap(boolean fail) {
        secondSitemapFails = fail;
    }

    /** How often {@code path} was requested. */
    public long hits(String path) {
        return requests.stream().filter(r -> r[0].equals(path)).count();
    }

    public Set<String> userAgents() {
        return Set.copyOf(requests.stream().map(r -> r[1]).toList());
    }

    public void forgetRequests() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(new String[] {path, String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent"))});
        try (exchange) {
            if (path.equals("/robots.txt")) {
                send(exchange, 200, "text/plain", ("# test shop\nUser-agent: *\nDisallow: /private/\nAllow: /products/\n\nSitemap: "
                        + sitemapUrl() + "\n").getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/sitemap.xml")) {
                send(exchange, 200, "application/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                        + "  <sitemap><loc>" + url() + "/sitemap-products-1.xml</loc><lastmod>2026-01-01</lastmod></sitemap>\n"
                        + "  <sitemap><loc>" + url() + "/sitemap-products-2.xml.gz</loc></sitemap>\n"
                        + "</sitemapindex>\n").getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/sitemap-products-1.xml")) {
                send(exchange, 200, "application/xml", urlset(0).getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/sitemap-products-2.xml.gz")) {
                if (secondSitemapFails) {
                    send(exchange, 500, "text/plain", "down".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                ByteArrayOutputStream gz = new ByteArrayOutputStream();
                try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                    out.write(urlset(1).getBytes(StandardCharsets.UTF_8));
                }
                send(exchange, 200, "application/gzip", gz.toByteArray());
            } else if (path.equals("/products/broken-json.html")) {
                page(exchange, "{\"@context\": \"https://schema.org\", \"@type\": \"Product\", \"name\": \"Broken\",");
            } else if (path.equals("/products/no-product.html")) {
                page(exchange, "{\"@context\": \"https://schema.org\", \"@type\": \"BreadcrumbList\", \"itemListElement\": []}");
            } else if (path.equals("/products/failing.html")) {
                send(exchange, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/products/") && items.containsKey(path.substring(10, path.length() - 5))) {
                page(exchange, jsonLd(items.get(path.substring(10, path.length() - 5))));
            } else {
                send(exchange, 404, "text/html", "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Half of the pages in each sub-sitemap (by slug), the broken ones in the first. */
    private String urlset(int half) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Item item : items.values()) {
            if (Math.floorMod(item.slug().hashCode(), 2) == half) {
                xml.append("  <url><loc>").append(url()).append(item.path()).append("</loc><lastmod>").append(item.lastmod())
                        .append("</lastmod></url>\n");
            }
        }
        if (half == 0) {
            BROKEN.keySet().forEach(path -> xml.append("  <url><loc>").append(url()).append(path).append("</loc></url>\n"));
        }
        return xml.append("</urlset>\n").toString();
    }

    /** The JSON-LD the shop publishes for {@code item}: brand as an object, the origin as an additional property. */
    public String jsonLd(Item item) {
        return "{\"@context\": \"https://schema.org\", \"@type\": \"Product\", \"name\": " + quoted(item.name())
                + ", \"sku\": " + quoted("SKU-" + item.slug())
                + ", \"brand\": {\"@type\": \"Brand\", \"name\": " + quoted(item.brand()) + "}"
                + ", \"category\": " + quoted("Wines > " + item.category()) + ", \"description\": " + quoted(item.description())
                + ", \"image\": " + quoted(url() + "/img/" + item.slug() + ".jpg") + ", \"url\": " + quoted(url() + item.path())
                + ", \"additionalProperty\": [{\"@type\": \"PropertyValue\", \"name\": \"Country\", \"value\": " + quoted(item.origin()) + "}]"
                + ", \"offers\": {\"@type\": \"Offer\", \"price\": " + quoted(item.price()) + ", \"priceCurrency\": \"EUR\""
                + ", \"availability\": " + quoted(item.available() ? "https://schema.org/InStock" : "https://schema.org/OutOfStock") + "}}";
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '<' -> json.append("\\u003c"); // never "</script>" inside the script
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static void page(HttpExchange exchange, String jsonLd) throws IOException {
        send(exchange, 200, "text/html; charset=utf-8", ("<!doctype html><html><head><title>Shop</title>"
                + "<script type=\"application/ld+json\">" + jsonLd + "</script></head><body><h1>Product</h1></body></html>")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
