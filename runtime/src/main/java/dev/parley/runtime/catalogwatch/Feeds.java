package dev.parley.runtime.catalogwatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A catalog as a feed (a URL the sync reads) or an upload (the owner API): JSON (a list of products, or
 * {@code {"products": [...]}}) or CSV with a header row (RFC 4180 quoting). The fields, by name: {@code id} (else
 * {@code sku}, else {@code url}: the product's identity), {@code sku}, {@code name}, {@code brand}, {@code category},
 * {@code origin} (or {@code country}), {@code description}, {@code image} (or {@code imageUrl}), {@code url},
 * {@code price} (in major units: {@code 24.95}), {@code currency}, {@code available} ({@code true}/{@code false}) or
 * {@code availability} (schema.org's {@code InStock} ...). A row that cannot be read is a {@link Rejected} with its
 * reason; the others are read.
 */
public final class Feeds {

    private Feeds() {
    }

    /** A row that is no product, with its position (1 is the first) and why. */
    public record Rejected(int row, String reason) {
    }

    /** What a feed held. */
    public record Parsed(List<ScrapedProduct> products, List<Rejected> rejected) {
    }

    /** A feed that cannot be read at all. */
    public static final class NotAFeed extends Exception {
        public NotAFeed(String reason) {
            super(reason);
        }
    }

    /** Reads {@code body} as JSON when it looks like JSON ({@code [} or <code>{</code> first), else as CSV. */
    public static Parsed parse(String body, String defaultCurrency) throws NotAFeed {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        String start = text.stripLeading();
        List<Map<String, String>> rows = start.startsWith("[") || start.startsWith("{") ? jsonRows(start) : csvRows(text);
        List<ScrapedProduct> products = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                products.add(product(rows.get(i), defaultCurrency));
            } catch (IllegalArgumentException | ProductJsonLd.NotAProduct e) {
                rejected.add(new Rejected(i + 1, e.getMessage()));
            }
        }
        return new Parsed(products, rejected);
    }

    private static ScrapedProduct product(Map<String, String> row, String defaultCurrency) throws ProductJsonLd.NotAProduct {
        String id = first(row, "id", "sku", "url");
        if (id == null) {
            throw new IllegalArgumentException("a product needs an id, a sku or a url");
        }
        String currency = first(row, "currency", "pricecurrency");
        currency = currency == null ? defaultCurrency : currency.toUpperCase(Locale.ROOT);
        String price = first(row, "price");
        String available = first(row, "available", "instock");
        String availability = first(row, "availability");
        boolean inStock = available != null ? available.equalsIgnoreCase("true") || available.equals("1") || available.equalsIgnoreCase("yes")
                : ProductJsonLd.availability(availability);
        return new ScrapedProduct(id, first(row, "url", "link"), first(row, "sku"), first(row, "name", "title"), first(row, "brand"),
                first(row, "category"), first(row, "origin", "country"), first(row, "description"), first(row, "image", "imageurl", "image_url"),
                price == null ? null : ProductJsonLd.minorUnits(price, currency), currency, inStock, null);
    }

    private static String first(Map<String, String> row, String... names) {
        for (String name : names) {
            String value = row.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static List<Map<String, String>> jsonRows(String text) throws NotAFeed {
        Object json;
        try {
            json = Json.decodeValue(text);
        } catch (DecodeException e) {
            throw new NotAFeed("the feed is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonArray list = json instanceof JsonArray array ? array
                : json instanceof JsonObject object && object.getValue("products") instanceof JsonArray products ? products : null;
        if (list == null) {
            throw new NotAFeed("a JSON feed is a list of products or {\"products\": [...]}");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (Object item : list) {
            Map<String, String> row = new LinkedHashMap<>();
            if (item instanceof JsonObject object) {
                object.forEach(e -> row.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue() == null ? null : String.valueOf(e.getValue())));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, String>> csvRows(String text) throws NotAFeed {
        List<List<String>> records = csv(text);
        if (records.isEmpty()) {
            throw new NotAFeed("the CSV feed is empty: it needs a header row (id,name,price,...)");
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.contains("name") && !header.contains("title")) {
            throw new NotAFeed("the CSV feed's header has no 'name' column: " + String.join(",", header));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < record.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** RFC 4180: fields separated by commas, quoted with {@code "} when they hold commas, quotes or line breaks. */
    static List<List<String>> csv(String text) throws NotAFeed {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new NotAFeed("the CSV feed ends inside a quoted field");
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
