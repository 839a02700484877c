package dev.parley.runtime.catalogwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.testing.PostgresResource;
import dev.parley.testing.ShopSite;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Search and facets over an uploaded catalog of 300 generated wines, every count checked against the fixture itself:
 * text (prefixes, accents and case aside), each filter, facets under filters, pages that add up to the total.
 */
@QuarkusTest
@TestProfile(UploadedCatalogBot.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class CatalogSearchTest {

    static final List<ShopSite.Item> ITEMS = ShopSite.generated(300, 42);

    private static boolean uploaded;

    @BeforeEach
    void upload() {
        if (uploaded) {
            return;
        }
        uploaded = true;
        JsonArray products = new JsonArray();
        ITEMS.forEach(i -> products.add(new JsonObject().put("id", i.slug()).put("name", i.name()).put("brand", i.brand())
                .put("category", i.category()).put("origin", i.origin()).put("price", i.price()).put("available", i.available())
                .put("description", i.description())));
        OwnerApi.given().contentType("application/json").body(products.encode()).post("/api/v1/catalogwatch/uploads")
                .then().statusCode(200).body(containsString("\"added\":300"));
    }

    private static JsonObject products(Map<String, Object> query) {
        return new JsonObject(OwnerApi.given().queryParams(query).get("/api/v1/catalogwatch/products").then().statusCode(200).extract().asString());
    }

    private static JsonObject facets(Map<String, Object> query) {
        return new JsonObject(OwnerApi.given().queryParams(query).get("/api/v1/catalogwatch/facets").then().statusCode(200).extract().asString());
    }

    private static long count(Predicate<ShopSite.Item> which) {
        return ITEMS.stream().filter(which).count();
    }

    @Test
    void textFindsEveryProductWithTheWordsAsPrefixesWhateverTheCaseAndAccents() {
        assertThat(products(Map.of("q", "merlot")).getLong("total")).isEqualTo(count(i -> i.name().startsWith("Merlot ")));
        assertThat(products(Map.of("q", "CHARD")).getLong("total")).isEqualTo(count(i -> i.name().startsWith("Chardonnay ")));
        assertThat(products(Map.of("q", "rose wine")).getLong("total")).as("'rose' finds Rosé")
                .isEqualTo(count(i -> i.category().equals("Rosé wine")));
        assertThat(products(Map.of("q", "syrah portugal")).getLong("total"))
                .isEqualTo(count(i -> i.name().startsWith("Syrah ") && i.origin().equals("Portugal")));
        assertThat(products(Map.of("q", "zzzz")).getLong("total")).isZero();
        assertThat(products(Map.of("q", "!!")).getLong("total")).as("no words: everything").isEqualTo(ITEMS.size());
    }

    @Test
    void eachFilterCountsWhatTheFixtureHas() {
        assertThat(products(Map.of("category", "Port")).getLong("total")).isEqualTo(count(i -> i.category().equals("Port")));
        assertThat(products(Map.of("origin", "Italy", "available", true)).getLong("total"))
                .isEqualTo(count(i -> i.origin().equals("Italy") && i.available()));
        assertThat(products(Map.of("brand", "Cave Beta", "q", "pinot")).getLong("total"))
                .isEqualTo(count(i -> i.brand().equals("Cave Beta") && i.name().startsWith("Pinot ")));
    }

    @Test
    void facetsCountEachValueUnderTheFiltersChosen() {
        JsonObject all = facets(Map.of());
        assertThat(all.getLong("total")).isEqualTo(ITEMS.size());
        assertThat(all.getLong("available")).isEqualTo(count(ShopSite.Item::available));
        assertThat(all.getJsonObject("categories").getMap()).isEqualTo(grouped(ITEMS.stream().toList(), ShopSite.Item::category));
        assertThat(all.getJsonObject("origins").getMap()).isEqualTo(grouped(ITEMS, ShopSite.Item::origin));

        JsonObject redInStock = facets(Map.of("category", "Red wine", "available", true));
        List<ShopSite.Item> chosen = ITEMS.stream().filter(i -> i.category().equals("Red wine") && i.available()).toList();
        assertThat(redInStock.getLong("total")).isEqualTo(chosen.size());
        assertThat(redInStock.getJsonObject("brands").getMap()).isEqualTo(grouped(chosen, ShopSite.Item::brand));
        assertThat(redInStock.getJsonObject("categories").getMap()).containsOnlyKeys("Red wine");
    }

    private static Map<String, Object> grouped(List<ShopSite.Item> items, Function<ShopSite.Item, String> by) {
        return items.stream().collect(Collectors.groupingBy(by, Collectors.counting())).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (Object) e.getValue().intValue()));
    }

    @Test
    void pagesAddUpToTheTotalWithoutRepeats() {
        long total = count(i -> i.category().equals("White wine"));
        List<String> seen = new java.util.ArrayList<>();
        for (int offset = 0; offset < total; offset += 7) {
            JsonObject page = products(Map.of("category", "White wine", "limit", 7, "offset", offset));
            assertThat(page.getLong("total")).isEqualTo(total);
            page.getJsonArray("products").forEach(p -> seen.add(((JsonObject) p).getString("name") + "#" + ((JsonObject) p).getLong("id")));
        }
        assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(products(Map.of("category", "White wine", "limit", 7, "offset", 1000)).getJsonArray("products")).isEmpty();
        OwnerApi.given().queryParam("limit", 201).get("/api/v1/catalogwatch/products").then().statusCode(400);
    }

    @Test
    void pricesAreStoredInCentsAndAProductShowsItsWatchers() {
        ShopSite.Item first = ITEMS.get(0);
        JsonObject hit = products(Map.of("q", first.name())).getJsonArray("products").stream().map(o -> (JsonObject) o)
                .filter(p -> p.getString("name").equals(first.name())).findFirst().orElseThrow();
        assertThat(hit.getLong("priceMinor")).isEqualTo(new BigDecimal(first.price()).movePointRight(2).longValueExact());
        JsonObject product = new JsonObject(OwnerApi.given().get("/api/v1/catalogwatch/products/" + hit.getLong("id")).then().statusCode(200)
                .extract().asString());
        assertThat(product.getJsonObject("product").getString("brand")).isEqualTo(first.brand());
        assertThat(product.getJsonArray("watchers")).isEmpty();
        OwnerApi.given().get("/api/v1/catalogwatch/products/987654").then().statusCode(404);
    }

    @Test
    void anUploadThatIsNoCatalogIsRefusedWithTheReason() {
        OwnerApi.given().contentType("application/json").body("{\"items\": 1}").post("/api/v1/catalogwatch/uploads")
                .then().statusCode(400).body(containsString("products"));
        OwnerApi.given().contentType("text/csv").body("sku,price\n1,2\n").post("/api/v1/catalogwatch/uploads")
                .then().statusCode(400).body(containsString("'name' column"));
        OwnerApi.given().post("/api/v1/catalogwatch/sync-runs").then().statusCode(400).body(containsString("uploads"));
    }
}
