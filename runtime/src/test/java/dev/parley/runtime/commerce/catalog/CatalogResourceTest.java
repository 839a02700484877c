package dev.parley.runtime.commerce.catalog;

import static dev.parley.runtime.commerce.OwnerApi.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.testing.PostgresResource;
import dev.parley.runtime.understanding.Vocabulary;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

/** The catalog's vocabulary through the owner API, and as order extraction gets it. */
@QuarkusTest
@TestProfile(OwnerApi.Profile.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class CatalogResourceTest {

    @Inject
    CatalogRepository catalog;

    static ValidatableResponse post(String path, JsonObject body) {
        return given().contentType("application/json").body(body.encode()).post("/api/v1/catalog/" + path).then();
    }

    static ValidatableResponse addSynonym(String kind, String word, String canonical) {
        return post("synonyms", new JsonObject().put("kind", kind).put("word", word).put("canonical", canonical));
    }

    @Test
    void aMaterialIsStoredInItsCanonicalFormAndAddingItAgainChangesNothing() {
        post("materials", new JsonObject().put("name", "  Khadi   Cotton ")).statusCode(201)
                .body("name", equalTo("khadi cotton")).body("synonyms.size()", equalTo(0));
        post("materials", new JsonObject().put("name", "khadi cotton")).statusCode(200).body("name", equalTo("khadi cotton"));

        String materials = given().get("/api/v1/catalog/materials").then().statusCode(200).extract().asString();
        assertThat(new JsonObject(materials).getJsonArray("materials").stream().map(m -> ((JsonObject) m).getString("name")))
                .containsOnlyOnce("khadi cotton");
    }

    @Test
    void aSynonymMeansOneCanonicalNameOfItsKind() {
        post("materials", new JsonObject().put("name", "cotton")).statusCode(201);
        post("materials", new JsonObject().put("name", "silk")).statusCode(201);

        addSynonym("material", "Sooti", "cotton").statusCode(201)
                .body("kind", equalTo("material")).body("word", equalTo("sooti")).body("canonical", equalTo("cotton"));
        addSynonym("material", "sooti", "cotton").statusCode(200);
        addSynonym("material", "sooti", "silk").statusCode(409).body("error", containsString("already means the material cotton"));
        addSynonym("material", "silk", "cotton").statusCode(409).body("error", containsString("a material of the catalog itself"));
        addSynonym("material", "dhaga", "SOOTI").statusCode(201).body("canonical", equalTo("cotton"));
        post("materials", new JsonObject().put("name", "sooti")).statusCode(409).body("error", containsString("already a synonym of the material cotton"));

        given().get("/api/v1/catalog/materials").then().statusCode(200)
                .body("materials.find { it.name == 'cotton' }.synonyms", equalTo(java.util.List.of("dhaga", "sooti")));
        given().get("/api/v1/catalog/synonyms").then().statusCode(200)
                .body("synonyms.find { it.word == 'sooti' }.canonical", equalTo("cotton"));
    }

    @Test
    void aSynonymForAnUnknownNameSaysWhichNamesAreKnown() {
        post("colors", new JsonObject().put("name", "red")).statusCode(201);
        post("colors", new JsonObject().put("name", "blue")).statusCode(201);

        addSynonym("color", "hara", "green").statusCode(400)
                .body("error", allOf(containsString("unknown color \"green\""), containsString("known colors: blue, red")));
        addSynonym("colour", "laal", "red").statusCode(400).body("error", containsString("\"material\" or \"color\""));
        addSynonym("color", "laal", "red").statusCode(201);
    }

    @Test
    void malformedRequestsAreRefusedWithAMessage() {
        given().contentType("application/json").body("{\"name\": ").post("/api/v1/catalog/materials").then()
                .statusCode(400).body("error", containsString("not valid JSON"));
        post("materials", new JsonObject()).statusCode(400).body("error", equalTo("\"name\" is required"));
        post("materials", new JsonObject().put("name", "   ")).statusCode(400).body("error", equalTo("\"name\" is required"));
        post("materials", new JsonObject().put("name", 7)).statusCode(400).body("error", equalTo("\"name\" is a string"));
        post("colors", new JsonObject().put("colour", "red")).statusCode(400).body("error", containsString("unknown field \"colour\""));
        post("materials", new JsonObject().put("name", "x".repeat(101))).statusCode(400).body("error", containsString("at most 100"));
        addSynonym("material", "sooti", null).statusCode(400).body("error", equalTo("\"canonical\" is required"));
        given().get("/api/v1/catalog/fabrics").then().statusCode(404);
    }

    @Test
    void theVocabularyForOrderExtractionHasEveryNameWithItsSynonyms() {
        post("materials", new JsonObject().put("name", "polyester")).statusCode(201);
        post("colors", new JsonObject().put("name", "yellow")).statusCode(201);
        addSynonym("color", "peela", "yellow").statusCode(201);
        addSynonym("color", "पीला", "yellow").statusCode(201);

        Vocabulary vocabulary = catalog.vocabulary().await().atMost(Duration.ofSeconds(10));

        assertThat(vocabulary.materials()).containsEntry("polyester", Set.of());
        assertThat(vocabulary.colors()).containsEntry("yellow", Set.of("peela", "पीला"));
        assertThat(vocabulary.materials().keySet()).doesNotContain("yellow", "peela");
        assertThat(Map.copyOf(vocabulary.colors()).get("yellow")).isUnmodifiable();
    }
}
