package dev.parley.runtime.commerce.inventory;

import static dev.parley.runtime.commerce.OwnerApi.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Entering and listing batches through the owner API, against the real database. */
@QuarkusTest
@TestProfile(OwnerApi.Profile.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class InventoryResourceTest {

    private static final String BATCHES = "/api/v1/inventory/batches";

    @BeforeEach
    void catalog() {
        for (String material : List.of("cotton", "silk")) {
            catalogPost("materials", new JsonObject().put("name", material));
        }
        for (String color : List.of("blue", "red")) {
            catalogPost("colors", new JsonObject().put("name", color));
        }
        catalogPost("synonyms", new JsonObject().put("kind", "material").put("word", "sooti").put("canonical", "cotton"));
        catalogPost("synonyms", new JsonObject().put("kind", "color").put("word", "laal").put("canonical", "red"));
    }

    private static void catalogPost(String path, JsonObject body) {
        int status = given().contentType("application/json").body(body.encode()).post("/api/v1/catalog/" + path).statusCode();
        assertThat(status).isIn(200, 201);
    }

    static JsonObject batch(String material, String color) {
        return new JsonObject().put("material", material).put("color", color).put("rollsAvailable", 4).put("metersPerRoll", 50.5)
                .put("looseMetersAvailable", "12.25").put("dyeLot", "L-7").put("pricePerMeterMinor", 12_000);
    }

    static ValidatableResponse post(JsonObject body) {
        return given().contentType("application/json").body(body.encode()).post(BATCHES).then();
    }

    private static JsonArray list(String query) {
        return new JsonObject(given().get(BATCHES + query).then().statusCode(200).extract().asString()).getJsonArray("batches");
    }

    @Test
    void aCreatedBatchComesBackWithItsIdExactMetersAndCanonicalNames() {
        String created = post(batch("Sooti", "LAAL")).statusCode(201)
                .header("Location", containsString(BATCHES + "/"))
                .body("material", equalTo("cotton")).body("color", equalTo("red"))
                .body("rollsAvailable", equalTo(4)).body("dyeLot", equalTo("L-7")).body("pricePerMeterMinor", equalTo(12_000))
                .body("receivedAt", startsWith("20"))
                .extract().asString();
        assertThat(created).contains("\"metersPerRoll\":50.50", "\"looseMetersAvailable\":12.25");
        long id = new JsonObject(created).getLong("id");

        given().get(BATCHES + "/" + id).then().statusCode(200).body("id", equalTo((int) id)).body("material", equalTo("cotton"));
        given().get(BATCHES + "/999999").then().statusCode(404).body("error", containsString("999999"));
    }

    @Test
    void aBatchWithoutDyeLotOrArrivalTimeIsNowAndHasNoLot() {
        post(batch("silk", "blue").put("dyeLot", null).put("receivedAt", "2026-02-01T10:00:00+05:30")).statusCode(201)
                .body("dyeLot", nullValue()).body("receivedAt", equalTo("2026-02-01T04:30:00Z"));
        post(batch("silk", "blue").put("dyeLot", "  ")).statusCode(201).body("dyeLot", nullValue());
    }

    @Test
    void anUnknownMaterialOrColourIsNamedWithTheKnownOnes() {
        post(batch("linen", "blue")).statusCode(400)
                .body("error", allOf(containsString("unknown material \"linen\""), containsString("known materials: cotton, silk")));
        post(batch("cotton", "mauve")).statusCode(400)
                .body("error", allOf(containsString("unknown color \"mauve\""), containsString("known colors: blue, red")));
    }

    @Test
    void missingFieldsWrongTypesAndImpossibleNumbersAreRefused() {
        refused(batch("cotton", "blue").put("material", null), "\"material\" is required");
        refused(batch("cotton", "blue").put("color", ""), "\"color\" is required");
        refused(remove(batch("cotton", "blue"), "rollsAvailable"), "\"rollsAvailable\" is required");
        refused(remove(batch("cotton", "blue"), "metersPerRoll"), "\"metersPerRoll\" is required");
        refused(remove(batch("cotton", "blue"), "looseMetersAvailable"), "\"looseMetersAvailable\" is required");
        refused(remove(batch("cotton", "blue"), "pricePerMeterMinor"), "\"pricePerMeterMinor\" is required");
        refused(batch("cotton", "blue").put("rollsAvailable", -1), "\"rollsAvailable\" cannot be negative");
        refused(batch("cotton", "blue").put("rollsAvailable", 2.5), "\"rollsAvailable\" is a whole number");
        refused(batch("cotton", "blue").put("rollsAvailable", "four"), "\"rollsAvailable\" is a number");
        refused(batch("cotton", "blue").put("metersPerRoll", 0), "metersPerRoll must be more than 0");
        refused(batch("cotton", "blue").put("metersPerRoll", -5), "metersPerRoll cannot be negative");
        refused(batch("cotton", "blue").put("metersPerRoll", 50.125), "metersPerRoll has at most 2 decimals");
        refused(batch("cotton", "blue").put("looseMetersAvailable", "-0.01"), "looseMetersAvailable cannot be negative");
        refused(batch("cotton", "blue").put("looseMetersAvailable", 100_000_000), "looseMetersAvailable is at most 99999999.99");
        refused(batch("cotton", "blue").put("pricePerMeterMinor", 120.5), "\"pricePerMeterMinor\" is a whole number");
        refused(batch("cotton", "blue").put("pricePerMeterMinor", -1), "\"pricePerMeterMinor\" cannot be negative");
        refused(batch("cotton", "blue").put("pricePerMeterMinor", 10_000_000_001L), "pricePerMeterMinor is at most 10000000000");
        refused(batch("cotton", "blue").put("rollsAvailable", new java.math.BigInteger("100000000000000000000")), "\"rollsAvailable\" is a whole number");
        refused(batch("cotton", "blue").put("receivedAt", "yesterday"), "\"receivedAt\" is a date and time");
        refused(batch("cotton", "blue").put("colour", "red"), "unknown field \"colour\"");
        given().contentType("application/json").body("{\"material\": \"cotton\",").post(BATCHES).then()
                .statusCode(400).body("error", containsString("not valid JSON"));
        given().contentType("application/json").body("[]").post(BATCHES).then()
                .statusCode(400).body("error", containsString("a JSON object"));
        given().contentType("application/json").post(BATCHES).then().statusCode(400).body("error", containsString("empty"));

        assertThat(list("?material=cotton&color=blue")).isEmpty();
    }

    private static void refused(JsonObject body, String message) {
        post(body).statusCode(400).body("error", containsString(message));
    }

    private static JsonObject remove(JsonObject body, String field) {
        body.remove(field);
        return body;
    }

    @Test
    void batchesAreListedOldestFirstAndFilteredInAnyOfTheCatalogsWords() {
        post(batch("silk", "red").put("receivedAt", "2026-03-02T00:00:00Z").put("dyeLot", "new")).statusCode(201);
        post(batch("silk", "red").put("receivedAt", "2026-03-01T00:00:00Z").put("dyeLot", "old")).statusCode(201);
        post(batch("cotton", "red").put("receivedAt", "2026-03-01T00:00:00Z")).statusCode(201);

        assertThat(list("?material=silk&color=laal").stream().map(b -> ((JsonObject) b).getString("dyeLot"))).containsExactly("old", "new");
        assertThat(list("?material=SOOTI&color=red")).hasSize(1);
        assertThat(list("?color=red").size()).isGreaterThanOrEqualTo(3);
        assertThat(list("")).allSatisfy(b -> assertThat(((JsonObject) b).fieldNames()).containsExactlyInAnyOrder("id", "material", "color",
                "rollsAvailable", "metersPerRoll", "looseMetersAvailable", "dyeLot", "pricePerMeterMinor", "receivedAt"));
        given().get(BATCHES + "?material=velvet").then().statusCode(400).body("error", containsString("unknown material \"velvet\""));
    }
}
