package dev.parley.runtime.understanding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** {@code POST /api/v1/understanding/extract} over HTTP, against the demo catalog. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ExtractionResourceTest {

    @jakarta.inject.Inject
    dev.parley.runtime.commerce.inventory.DemoCatalog demoCatalog;

    /** The words are the bot's catalog: the demo one, inserted once (a second insert changes nothing). */
    @org.junit.jupiter.api.BeforeEach
    void demoCatalog() {
        demoCatalog.insert().await().indefinitely();
    }

    private static final String EXTRACT = "/api/v1/understanding/extract";

    private static String extract(String text) {
        return OwnerApi.given().contentType("application/json").body(new JsonObject().put("text", text).encode())
                .post(EXTRACT).then().statusCode(200).contentType("application/json").extract().asString();
    }

    private static String refused(String body) {
        String answer = OwnerApi.given().contentType("application/json").body(body).post(EXTRACT)
                .then().statusCode(400).contentType("application/json").extract().asString();
        return new JsonObject(answer).getString("error");
    }

    @Test
    void linesInMetersWithTheCatalogsNames() {
        assertThat(extract("10m blue cotton aur 6m red polyester")).isEqualTo(
                "{\"items\":[{\"material\":\"cotton\",\"color\":\"blue\",\"meters\":10},"
                        + "{\"material\":\"polyester\",\"color\":\"red\",\"meters\":6}]}");
    }

    @Test
    void wholeRollsAsAnInteger() {
        assertThat(extract("do than laal silk")).isEqualTo("{\"items\":[{\"material\":\"silk\",\"color\":\"red\",\"rolls\":2}]}");
    }

    @Test
    void yardsBecomeMetersWithTwoDecimals() {
        assertThat(extract("10 gaj neela sooti")).isEqualTo("{\"items\":[{\"material\":\"cotton\",\"color\":\"blue\",\"meters\":9.14}]}");
        assertThat(extract("dedh meter kala denim")).isEqualTo("{\"items\":[{\"material\":\"denim\",\"color\":\"black\",\"meters\":1.5}]}");
    }

    @Test
    void aGreetingOrAQuestionHasNoItems() {
        assertThat(extract("namaste bhaiya")).isEqualTo("{\"items\":[]}");
        assertThat(extract("kya blue cotton hai?")).isEqualTo("{\"items\":[]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"text\": null}", "{\"text\": \"  \"}", "{\"text\": 10}", "{\"text\": [\"10m blue cotton\"]}",
            "{\"text\": ", "[\"10m blue cotton\"]", "10m blue cotton", ""})
    void aBodyWithoutTextIsRefused(String body) {
        assertThat(refused(body)).isNotBlank();
    }

    @Test
    void theRefusalSaysWhatIsWrong() {
        assertThat(refused("{}")).isEqualTo("\"text\" is missing");
        assertThat(refused("{\"text\": 10}")).isEqualTo("\"text\" must be a string");
        assertThat(refused("{\"text\": \"\"}")).isEqualTo("\"text\" is empty");
        assertThat(refused("{\"text\": ")).startsWith("the body is not valid JSON");
    }
}
