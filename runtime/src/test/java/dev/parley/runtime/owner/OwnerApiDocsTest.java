package dev.parley.runtime.owner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/**
 * {@code /q/openapi} documents every answer of the API under {@code /api/v1}: each operation has a 2xx answer, and
 * every answer it documents (2xx, 4xx and 5xx) says what its body is, with a schema that exists. An operation that
 * answers with a hand-built body, or documents an error without the {@code Error} schema, fails here.
 */
@QuarkusTest
@TestProfile(OwnerApi.Profile.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class OwnerApiDocsTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    JsonObject openapi;

    /** Read per test: the port is known once the application has started, after any static set-up. */
    @BeforeEach
    void read() {
        openapi = new JsonObject(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    private List<Map.Entry<String, JsonObject>> operations() {
        List<Map.Entry<String, JsonObject>> operations = new ArrayList<>();
        JsonObject paths = openapi.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            if (!path.startsWith("/api/v1/")) {
                continue;
            }
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (METHODS.contains(method)) {
                    operations.add(Map.entry(method.toUpperCase() + " " + path, item.getJsonObject(method)));
                }
            }
        }
        return operations;
    }

    @Test
    void everyOperationUnderApiV1HasASchemaForEachOfItsAnswers() {
        List<Map.Entry<String, JsonObject>> operations = operations();
        assertThat(operations).extracting(Map.Entry::getKey).contains("GET /api/v1/orders", "POST /api/v1/orders/{id}/approve",
                "GET /api/v1/invoices/{id}/pdf", "POST /api/v1/customers/{id}/payments", "POST /api/v1/inventory/batches",
                "POST /api/v1/catalog/synonyms", "POST /api/v1/understanding/extract", "GET /api/v1/console/chats/{chatId}/messages");

        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonObject> operation : operations) {
            JsonObject responses = operation.getValue().getJsonObject("responses", new JsonObject());
            if (responses.fieldNames().stream().noneMatch(code -> code.startsWith("2"))) {
                missing.add(operation.getKey() + ": no 2xx answer");
            }
            for (String code : responses.fieldNames()) {
                JsonObject content = responses.getJsonObject(code).getJsonObject("content");
                if (content == null || content.isEmpty()) {
                    missing.add(operation.getKey() + " " + code + ": no content");
                    continue;
                }
                for (String mediaType : content.fieldNames()) {
                    String problem = problem(content.getJsonObject(mediaType).getJsonObject("schema"));
                    if (problem != null) {
                        missing.add(operation.getKey() + " " + code + " " + mediaType + ": " + problem);
                    }
                }
            }
        }
        assertThat(missing).as("answers under /api/v1 without a schema").isEmpty();
    }

    @Test
    void theOwnerOperationsDocumentTheTokenAndTheRetry() {
        for (Map.Entry<String, JsonObject> operation : operations()) {
            if (!operation.getKey().contains("/api/v1/console/")) {
                assertThat(operation.getValue().getJsonObject("responses").fieldNames()).as(operation.getKey()).contains("401", "503");
            }
        }
    }

    @Test
    void theErrorSchemaHasTheErrorAndTheOptionalReason() {
        JsonObject error = openapi.getJsonObject("components").getJsonObject("schemas").getJsonObject("Error");
        assertThat(error.getJsonObject("properties").fieldNames()).containsExactlyInAnyOrder("error", "reason");
        assertThat(error.getJsonArray("required").getList()).containsExactly("error");
    }

    /** What is wrong with a response's schema, or null: it is absent, says nothing, or names a schema that does not exist. */
    private String problem(JsonObject schema) {
        if (schema == null) {
            return "no schema";
        }
        String ref = schema.getString("$ref");
        if (ref != null) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            JsonObject schemas = openapi.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
            return schemas.containsKey(name) ? null : "the schema " + ref + " does not exist";
        }
        return schema.getString("type") == null ? "a schema without a type: " + schema.encode() : null;
    }
}
