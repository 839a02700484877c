package dev.parley.runtime.catalogwatch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads a product page through its schema.org {@code Product} JSON-LD ({@code <script type="application/ld+json">}),
 * the markup most web shops publish for search engines: name, sku, brand, category, offers (price, currency,
 * availability), image, description, and the country of origin ({@code countryOfOrigin}, or an
 * {@code additionalProperty} named like "country" / "pays" / "origin"). The Product may be the block itself, one of
 * a list, or inside an {@code @graph}; offers may be an {@code Offer}, a list of them or an {@code AggregateOffer}.
 */
public final class ProductJsonLd {

    private static final Pattern SCRIPT = Pattern.compile(
            "<script[^>]*type\\s*=\\s*[\"']application/ld\\+json[\"'][^>]*>(.*?)</script>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ORIGIN_PROPERTY = Pattern.compile("(?i).*(country|pays|origin|origine|region|région).*");

    private ProductJsonLd() {
    }

    /** Why a page gave no product: recorded with the page's URL in the run, never fatal. */
    public static final class NotAProduct extends Exception {
        public NotAProduct(String reason) {
            super(reason);
        }
    }

    /** The page's product; {@code url} is its identity. */
    public static ScrapedProduct parse(String url, String html) throws NotAProduct {
        Matcher scripts = SCRIPT.matcher(html);
        List<String> broken = new ArrayList<>();
        while (scripts.find()) {
            Object json;
            try {
                json = Json.decodeValue(unescapeCdata(scripts.group(1)));
            } catch (DecodeException e) {
                broken.add(e.getMessage());
                continue;
            }
            Optional<JsonObject> product = findProduct(json);
            if (product.isPresent()) {
                return product(url, product.get());
            }
        }
        throw new NotAProduct(broken.isEmpty() ? "no schema.org Product in the page's JSON-LD"
                : "JSON-LD that is not valid JSON: " + broken.get(0).lines().findFirst().orElse(""));
    }

    private static String unescapeCdata(String script) {
        String text = script.strip();
        if (text.startsWith("<![CDATA[") && text.endsWith("]]>")) {
            text = text.substring(9, text.length() - 3);
        }
        return text;
    }

    private static Optional<JsonObject> findProduct(Object json) {
        if (json instanceof JsonArray array) {
            for (Object item : array) {
                Optional<JsonObject> found = findProduct(item);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (json instanceof JsonObject object) {
            if (isType(object, "Product")) {
                return Optional.of(object);
            }
            if (object.getValue("@graph") != null) {
                return findProduct(object.getValue("@graph"));
            }
        }
        return Optional.empty();
    }

    private static boolean isType(JsonObject object, String type) {
        Object value = object.getValue("@type");
        if (value instanceof JsonArray types) {
            return types.stream().anyMatch(t -> type.equals(shortName(String.valueOf(t))));
        }
        return value != null && type.equals(shortName(String.valueOf(value)));
    }

    private static String shortName(String type) {
        int slash = type.lastIndexOf('/');
        return slash >= 0 ? type.substring(slash + 1) : type;
    }

    private static ScrapedProduct product(String url, JsonObject product) throws NotAProduct {
        String name = text(product.getValue("name"));
        if (name == null || name.isBlank()) {
            throw new NotAProduct("the Product has no name");
        }
        JsonObject offer = offer(product.getValue("offers"));
        String currency = offer == null ? null : text(offer.getValue("priceCurrency"));
        Long price = null;
        if (offer != null) {
            Object raw = offer.getValue("price") != null ? offer.getValue("price") : offer.getValue("lowPrice");
            price = raw == null ? null : minorUnits(raw, currency);
        }
        boolean available = offer != null && availability(offer.getValue("availability"));
        try {
            return new ScrapedProduct(url, text(product.getValue("url")) != null ? text(product.getValue("url")) : url,
                    text(product.getValue("sku")), name, text(product.getValue("brand")), category(product.getValue("category")),
                    origin(product), text(product.getValue("description")), image(product.getValue("image")), price,
                    currency == null ? null : currency.toUpperCase(Locale.ROOT), available, null);
        } catch (IllegalArgumentException e) {
            throw new NotAProduct(e.getMessage());
        }
    }

    private static JsonObject offer(Object offers) {
        if (offers instanceof JsonObject object) {
            return object;
        }
        if (offers instanceof JsonArray array) {
            // The first offer that is in stock, else the first.
            JsonObject first = null;
            for (Object item : array) {
                if (item instanceof JsonObject o) {
                    first = first == null ? o : first;
                    if (availability(o.getValue("availability"))) {
                        return o;
                    }
                }
            }
            return first;
        }
        return null;
    }

    /** {@code https://schema.org/InStock}, {@code InStock}, {@code LimitedAvailability}, ... as in stock; the rest not. */
    static boolean availability(Object value) {
        if (value == null) {
            return false;
        }
        String state = shortName(String.valueOf(value)).toLowerCase(Locale.ROOT);
        return state.equals("instock") || state.equals("limitedavailability") || state.equals("onlineonly") || state.equals("instoreonly")
                || state.equals("presale");
    }

    /** A price such as {@code 24.95}, {@code "24.95"} or {@code "1 299,00"} in minor units of {@code currency}. */
    static Long minorUnits(Object raw, String currency) throws NotAProduct {
        String text = String.valueOf(raw).replaceAll("[\\s\\u00a0]", "");
        if (text.matches("\\d+,\\d{1,2}")) {
            text = text.replace(',', '.');
        }
        text = text.replace(",", "");
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new NotAProduct("the price '" + raw + "' is not a number");
        }
        if (amount.signum() < 0) {
            throw new NotAProduct("the price '" + raw + "' is negative");
        }
        int digits = 2;
        if (currency != null) {
            try {
                digits = Math.max(0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
            } catch (IllegalArgumentException e) {
                throw new NotAProduct("the currency '" + currency + "' is not an ISO 4217 code");
            }
        }
        return amount.movePointRight(digits).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    }

    private static String category(Object value) {
        String category = text(value);
        if (category == null) {
            return null;
        }
        // "Wine > Red wine": the most specific part is the one customers search by.
        String[] parts = category.split("\\s*[>/|]\\s*");
        return parts[parts.length - 1];
    }

    private static String origin(JsonObject product) {
        String country = text(product.getValue("countryOfOrigin"));
        if (country != null) {
            return country;
        }
        if (product.getValue("additionalProperty") instanceof JsonArray properties) {
            for (Object p : properties) {
                if (p instanceof JsonObject property && property.getString("name") != null
                        && ORIGIN_PROPERTY.matcher(property.getString("name")).matches()) {
                    return text(property.getValue("value"));
                }
            }
        }
        return null;
    }

    private static String image(Object value) {
        if (value instanceof JsonArray array) {
            return array.isEmpty() ? null : image(array.getValue(0));
        }
        if (value instanceof JsonObject object) {
            return text(object.getValue("url") != null ? object.getValue("url") : object.getValue("contentUrl"));
        }
        return text(value);
    }

    /** A text property: a string, a number, or a thing's {@code name} ({@code "brand": {"@type": "Brand", "name": ...}}). */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonObject object) {
            return text(object.getValue("name"));
        }
        if (value instanceof JsonArray array) {
            return array.isEmpty() ? null : text(array.getValue(0));
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : htmlEntities(text);
    }

    private static String htmlEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return text.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ");
    }
}
