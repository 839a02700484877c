package dev.parley.runtime.understanding.llm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.testing.FakeLlm;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A runtime whose bot.json asks for an OpenAI-compatible model ({@link FakeLlm}) with a daily token budget: the
 * extraction endpoint reads with the model, the tokens are counted in PostgreSQL, and once they are spent the rules
 * read without asking.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = LlmExtractionResourceTest.ModelBot.class, restrictToAnnotatedClass = true)
class LlmExtractionResourceTest {

    @jakarta.inject.Inject
    dev.parley.runtime.commerce.inventory.DemoCatalog demoCatalog;

    /** The words are the bot's catalog: the demo one, inserted once (a second insert changes nothing). */
    @org.junit.jupiter.api.BeforeEach
    void demoCatalog() {
        demoCatalog.insert().await().indefinitely();
    }

    static final String KEY = "sk-resource-test-key";
    static final long DAILY_TOKENS = 150;

    /** Writes the bot.json the operator would for {@code spec.ai: {provider: openai, ...}}, pointed at the fake. */
    public static final class ModelBot implements QuarkusTestResourceLifecycleManager {

        private FakeLlm llm;

        @Override
        public Map<String, String> start() {
            llm = new FakeLlm();
            JsonObject bot = new JsonObject().put("name", "local").put("flow", "echo").put("channels", new JsonObject())
                    .put("ai", new JsonObject().put("provider", "openai").put("model", "gpt-4o-mini")
                            .put("baseUrl", llm.openAiUrl()).put("timeoutSeconds", 10).put("dailyTokenBudget", DAILY_TOKENS));
            try {
                Path file = Files.createTempFile("bot", ".json");
                Files.writeString(file, bot.encode());
                return Map.of("parley.bot.config", file.toString(), "parley.ai.api-key", KEY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(llm, new TestInjector.MatchesType(FakeLlm.class));
        }

        @Override
        public void stop() {
            if (llm != null) {
                llm.close();
            }
        }
    }

    @Inject
    Pool pool;

    FakeLlm llm;

    private static String extract(String text) {
        return OwnerApi.given().contentType("application/json").body(new JsonObject().put("text", text).encode())
                .post("/api/v1/understanding/extract").then().statusCode(200).extract().asString();
    }

    @Test
    void theModelReadsUntilTheDaysTokensAreSpentThenTheRulesDo() {
        llm.answer(new FakeLlm.Content("{\"items\": [{\"material\": \"silk\", \"color\": \"maroon\", \"rolls\": 4}]}", 100, 50));

        assertThat(extract("wahi bhej do jo pichhli baar liya tha"))
                .isEqualTo("{\"items\":[{\"material\":\"silk\",\"color\":\"maroon\",\"rolls\":4}]}");
        assertThat(llm.calls()).hasSize(1);
        assertThat(llm.calls().get(0).authorization()).isEqualTo("Bearer " + KEY);
        assertThat(llm.calls().get(0).body().getString("model")).isEqualTo("gpt-4o-mini");
        assertThat(pool.query("SELECT sum(tokens) AS spent FROM ai_token_usage").execute().await().indefinitely()
                .iterator().next().getLong("spent")).isEqualTo(DAILY_TOKENS);

        assertThat(extract("10m blue cotton")).as("read by the rules")
                .isEqualTo("{\"items\":[{\"material\":\"cotton\",\"color\":\"blue\",\"meters\":10}]}");
        assertThat(llm.calls()).as("the model is not asked once the budget is spent").hasSize(1);
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("parley_understanding_fallbacks_total{reason=\"budget\"} 1.0");
    }
}
