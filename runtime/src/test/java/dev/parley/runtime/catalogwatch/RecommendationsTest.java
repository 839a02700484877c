package dev.parley.runtime.catalogwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Recommendations by meaning over the demo catalog, with the real in-process model: descriptive queries that name
 * no product find products of the right kind; the embeddings are in PostgreSQL, one per listed product.
 */
@QuarkusTest
@TestProfile(RecommendingBot.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class RecommendationsTest {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static boolean uploaded;

    @Inject
    Recommendations recommendations;

    @Inject
    Pool pool;

    @BeforeEach
    void demoCatalog() throws IOException {
        if (uploaded) {
            return;
        }
        uploaded = true;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("catalogwatch/demo-catalog.json")) {
            OwnerApi.given().contentType("application/json").body(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .post("/api/v1/catalogwatch/uploads").then().statusCode(200);
        }
    }

    private List<String> categories(String query, int top) {
        List<Long> ids = recommendations.similar(pool, query, top).await().atMost(WAIT);
        return CatalogSearch.hits(pool, ids).await().atMost(WAIT).stream().map(CatalogSearch.Hit::category).toList();
    }

    @Test
    void everyListedProductHasAUnitEmbeddingInPostgres() {
        var row = pool.query("SELECT count(*), min(array_length(vector, 1)), max(abs(1 - (SELECT sum(v::float8 * v::float8) FROM unnest(vector) v)))"
                + " FROM catalog_embedding").execute().await().atMost(WAIT).iterator().next();
        assertThat(row.getLong(0)).isEqualTo(30);
        assertThat(row.getInteger(1)).isEqualTo(384);
        assertThat(row.getDouble(2)).isLessThan(1e-3);
    }

    @Test
    void descriptiveQueriesFindProductsOfTheRightKind() {
        // Measured with the quantized all-MiniLM-L6-v2: a small model; "a sweet fortified wine with chocolate" finds no port
        // (README, "Recommendations", says so), so the queries here are those it is expected to get right.
        assertThat(categories("a smoky peaty scotch", 2)).containsOnly("Whisky");
        assertThat(categories("bubbly for a celebration toast", 2)).containsOnly("Champagne");
        assertThat(categories("port wine for dessert", 2)).containsOnly("Port");
        assertThat(categories("a dark beer", 2)).containsOnly("Beer");
        assertThat(categories("a crisp dry white to drink with oysters and seafood", 3)).containsOnly("White wine");
        assertThat(categories("a pink wine for a summer terrace", 1)).containsOnly("Rosé wine");
    }

    @Test
    void theChatAnswersRecommendWithTheNearestProducts() {
        RestAssured.given().contentType("application/json").body(new JsonObject().put("text", "/recommend a smoky peaty scotch").encode())
                .post("/api/v1/console/chats/{chat}/messages", "noor").then().statusCode(200);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> RestAssured.given().get("/api/v1/console/chats/{chat}/messages", "noor")
                .asString().contains("Suggestions"));
        String transcript = RestAssured.given().get("/api/v1/console/chats/{chat}/messages", "noor").asString();
        assertThat(transcript).contains("✨ Suggestions for \\\"a smoky peaty scotch\\\"").contains("1. Laphroaig 10 Year Old");
        RestAssured.given().contentType("application/json").body(new JsonObject().put("text", "/recommend").encode())
                .post("/api/v1/console/chats/{chat}/messages", "noor").then().statusCode(200).body(containsString("processed"));
    }
}
