package dev.parley.api.v1alpha1.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;

/** The three CRDs install, become Established and publish their documentation the way kubectl explain reads it. */
class CrdSchemaTest extends ApiServerTestBase {

    @Test
    void everyCrdIsEstablishedWithShortNamesAndPrinterColumns() throws IOException {
        assertThat(generatedCrds()).hasSize(3);
        for (CustomResourceDefinition generated : generatedCrds()) {
            CustomResourceDefinition served = client.apiextensions().v1().customResourceDefinitions()
                    .withName(generated.getMetadata().getName()).get();
            assertThat(established(served)).as("%s Established", generated.getMetadata().getName()).isTrue();
            assertThat(served.getStatus().getAcceptedNames().getShortNames()).isNotEmpty();
            assertThat(served.getStatus().getAcceptedNames().getCategories()).contains("parley");
            assertThat(served.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
                    .extracting(c -> c.getName()).contains("Age");
        }
    }

    @Test
    void openApiPublishesFieldDescriptionsForExplain() throws IOException, InterruptedException {
        JsonNode schemas = new ObjectMapper().readTree(openApiDocument()).path("components").path("schemas");

        JsonNode botSpec = schemaOfKind(schemas, "Bot").path("properties").path("spec").path("properties");
        assertThat(botSpec.path("flow").path("description").asText()).contains("orderAgent");
        assertThat(botSpec.path("flow").path("enum")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("orderAgent", "shop", "catalogWatch");
        assertThat(botSpec.path("publicUrl").path("description").asText()).contains("public https URL");
        assertThat(botSpec.path("commerce").path("properties").path("taxRatePercent").path("description").asText())
                .contains("Tax rate");

        JsonNode storage = schemaOfKind(schemas, "StorageBackend").path("properties").path("spec").path("properties");
        assertThat(storage.path("postgres").path("properties").path("credentialsSecretRef").path("description").asText())
                .contains("CloudNativePG");
        JsonNode scaling = schemaOfKind(schemas, "ScalingPolicy").path("properties").path("spec").path("properties");
        assertThat(scaling.path("maxReplicas").path("description").asText()).contains("minReplicas");
    }

    /** kubectl explain reads the OpenAPI v3 document of the group version, which the server publishes shortly after the CRD. */
    private static String openApiDocument() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            String document = client.raw("/openapi/v3/apis/parley.dev/v1alpha1");
            if (document != null && document.contains("x-kubernetes-group-version-kind")) {
                return document;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the API server did not publish OpenAPI v3 for parley.dev/v1alpha1 within 60s");
            }
            Thread.sleep(250);
        }
    }

    private static JsonNode schemaOfKind(JsonNode schemas, String kind) {
        for (JsonNode schema : schemas) {
            for (JsonNode gvk : schema.path("x-kubernetes-group-version-kind")) {
                if ("parley.dev".equals(gvk.path("group").asText()) && kind.equals(gvk.path("kind").asText())) {
                    return schema;
                }
            }
        }
        throw new AssertionError("no OpenAPI schema for parley.dev " + kind + " among " + schemas.size() + " schemas");
    }
}
