package dev.parley.runtime.understanding.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.config.AiSettings;
import dev.parley.runtime.config.AiSettings.Provider;
import dev.parley.runtime.testing.FakeLlm;
import dev.parley.runtime.testing.FakeLlm.Call;
import dev.parley.runtime.understanding.OrderLine;
import dev.parley.runtime.understanding.RuleBasedExtractor;
import dev.parley.runtime.understanding.Vocabulary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The LLM extractor against a local server that speaks OpenAI's chat completions (and Ollama's chat) on the wire. */
class LlmExtractorTest {

    private static final String KEY = "sk-test-4f9c1e7a2b8d6053SECRET";

    private static final Vocabulary VOCABULARY = new Vocabulary(
            Map.of("cotton", Set.of("sooti"), "silk", Set.of("resham"), "polyester", Set.of()),
            Map.of("blue", Set.of("neela"), "red", Set.of(), "sky blue", Set.of()));

    /** What the rules read in {@link #TEXT}: a fallback answers this. */
    private static final String TEXT = "10m neela sooti aur 2 than red silk";
    private static final List<OrderLine> RULES_LINES = List.of(
            OrderLine.meters("cotton", "blue", new BigDecimal("10")), OrderLine.rolls("silk", "red", 2));

    private static final String GOOD = """
            {"items": [{"material": "cotton", "color": "sky blue", "meters": 12.5},
                       {"material": "silk", "color": "red", "rolls": 3}]}""";
    private static final List<OrderLine> GOOD_LINES = List.of(
            OrderLine.meters("cotton", "sky blue", new BigDecimal("12.5")), OrderLine.rolls("silk", "red", 3));

    private final FakeLlm llm = new FakeLlm();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MemoryBudget budget = new MemoryBudget();

    @BeforeEach
    void rulesReadTheTextAsExpected() {
        assertThat(new RuleBasedExtractor().extract(TEXT, VOCABULARY)).isEqualTo(RULES_LINES);
    }

    @AfterEach
    void close() {
        llm.close();
    }

    private LlmExtractor openAi() {
        return openAi(Duration.ofSeconds(10));
    }

    private LlmExtractor openAi(Duration timeout) {
        return extractor(new AiSettings(Provider.OPENAI, "gpt-test", Optional.of(llm.openAiUrl()), timeout,
                OptionalLong.empty(), 1, Optional.of(KEY)));
    }

    private LlmExtractor extractor(AiSettings ai) {
        return new LlmExtractor(ChatModels.create(ai), new RuleBasedExtractor(), budget, ai.retries(), registry, ai.apiKey());
    }

    private double fallbacks(String reason) {
        return registry.get("parley.understanding.fallbacks").tag("reason", reason).counter().count();
    }

    private double allFallbacks() {
        return registry.get("parley.understanding.fallbacks").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aValidAnswerBecomesTheOrderLines() {
        llm.answer(FakeLlm.content(GOOD));

        assertThat(openAi().extract(TEXT, VOCABULARY)).isEqualTo(GOOD_LINES);
        assertThat(llm.calls()).hasSize(1);
        assertThat(allFallbacks()).isZero();
    }

    @Test
    void anAnswerWithNoItemsIsAnAnswer() {
        llm.answer(FakeLlm.content("{\"items\": []}"));

        assertThat(openAi().extract("namaste bhaiya, kya haal hai", VOCABULARY)).isEmpty();
        assertThat(allFallbacks()).isZero();
    }

    @Test
    void theRequestCarriesTheModelTheVocabularyAndTheSchema() {
        llm.answer(FakeLlm.content(GOOD));
        openAi().extract(TEXT, VOCABULARY);

        Call call = llm.calls().get(0);
        assertThat(call.path()).isEqualTo("/v1/chat/completions");
        JsonObject body = call.body();
        assertThat(body.getString("model")).isEqualTo("gpt-test");
        JsonArray messages = body.getJsonArray("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.getJsonObject(0).getString("role")).isEqualTo("system");
        assertThat(messages.getJsonObject(0).getString("content"))
                .contains("- cotton (sooti)\n", "- silk (resham)\n", "- polyester\n", "- blue (neela)\n", "- red\n", "- sky blue\n");
        assertThat(messages.getJsonObject(1)).isEqualTo(new JsonObject().put("role", "user").put("content", TEXT));

        JsonObject format = body.getJsonObject("response_format");
        assertThat(format.getString("type")).isEqualTo("json_schema");
        assertThat(format.getJsonObject("json_schema").getBoolean("strict")).isTrue();
        JsonObject schema = format.getJsonObject("json_schema").getJsonObject("schema");
        assertThat(schema.getJsonArray("required")).containsExactly("items");
        JsonArray lineShapes = schema.getJsonObject("properties").getJsonObject("items").getJsonObject("items").getJsonArray("anyOf");
        assertThat(lineShapes).hasSize(2);
        JsonObject inMeters = lineShapes.getJsonObject(0).getJsonObject("properties");
        assertThat(inMeters.getJsonObject("material").getJsonArray("enum")).containsExactly("cotton", "polyester", "silk");
        assertThat(inMeters.getJsonObject("color").getJsonArray("enum")).containsExactly("blue", "red", "sky blue");
        assertThat(inMeters.getJsonObject("meters").getString("type")).isEqualTo("number");
        assertThat(lineShapes.getJsonObject(1).getJsonObject("properties").getJsonObject("rolls").getString("type")).isEqualTo("integer");
    }

    @Test
    void theAuthorizationHeaderCarriesTheKey() {
        openAi().extract(TEXT, VOCABULARY);

        assertThat(llm.calls().get(0).authorization()).isEqualTo("Bearer " + KEY);
    }

    @Test
    void anUnknownMaterialIsAskedAgainAndThenTheRulesAnswer() {
        llm.answer(FakeLlm.content("{\"items\": [{\"material\": \"chiffon\", \"color\": \"red\", \"meters\": 10}]}"));

        assertThat(openAi().extract(TEXT, VOCABULARY)).isEqualTo(RULES_LINES);
        assertThat(llm.calls()).hasSize(2);
        assertThat(fallbacks("invalid")).isEqualTo(1);
    }

    @Test
    void malformedJsonIsAskedAgainAndThenTheRulesAnswer() {
        llm.answer(FakeLlm.content("{\"items\": [{\"material\": \"cotton\", \"color\": "));

        assertThat(openAi().extract(TEXT, VOCABULARY)).isEqualTo(RULES_LINES);
        assertThat(llm.calls()).hasSize(2);
        assertThat(fallbacks("invalid")).isEqualTo(1);
    }

    @Test
    void aValidSecondAnswerIsTaken() {
        llm.answer(FakeLlm.content("Sure! Here is the order: 12.5m sky blue cotton"), FakeLlm.content(GOOD));

        assertThat(openAi().extract(TEXT, VOCABULARY)).isEqualTo(GOOD_LINES);
        assertThat(llm.calls()).hasSize(2);
        assertThat(allFallbacks()).isZero();
    }

    @Test
    void aServerErrorIsRetriedOnceAndThenTheRulesAnswer() {
        llm.answer(new FakeLlm.Error(500, "The server had an error while processing your request.", "server_error", null));

        assertThat(openAi().extract(TEXT, VOCABULARY)).isEqualTo(RULES_LINES);
        assertThat(llm.calls()).hasSize(2);
        assertThat(fallbacks("error")).isEqualTo(1);
    }

    @Test
    void aRateLimitIsTransient() {
        llm.answer(new FakeLlm.Error(429, "Rate limit reached for requests", "requests", "rate_limit_exceeded"),
                FakeLlm.content(GOOD));

        assertThat(openAi().extract(TEXT, VOCABULARY)).isEqualTo(GOOD_LINES);
        assertThat(llm.calls()).hasSize(2);
        assertThat(allFallbacks()).isZero();
    }

    @Test
    void aRefusedRequestIsNotRetried() {
        llm.answer(new FakeLlm.Error(400, "Invalid schema for response_format 'order_items'", "invalid_request_error", null));

        assertThat(openAi().extract(TEXT, VOCABULARY)).isEqualTo(RULES_LINES);
        assertThat(llm.calls()).hasSize(1);
        assertThat(fallbacks("error")).isEqualTo(1);
    }

    @Test
    void anUnreachableServerLeavesItToTheRules() {
        LlmExtractor extractor = openAi();
        llm.close();

        assertThat(extractor.extract(TEXT, VOCABULARY)).isEqualTo(RULES_LINES);
        assertThat(fallbacks("error")).isEqualTo(1);
    }

    @Test
    void aServerSlowerThanTheTimeoutIsLeftAndTheRulesAnswer() {
        llm.answer(new FakeLlm.Slow(Duration.ofSeconds(5), FakeLlm.content(GOOD)));

        assertThat(openAi(Duration.ofMillis(300)).extract(TEXT, VOCABULARY)).isEqualTo(RULES_LINES);
        assertThat(llm.calls()).as("a timeout is not retried").hasSize(1);
        assertThat(fallbacks("timeout")).isEqualTo(1);
    }

    @Test
    void theTokensOfEveryAnswerAreSpent() {
        llm.answer(new FakeLlm.Content("not json", 100, 7), new FakeLlm.Content(GOOD, 100, 20));

        openAi().extract(TEXT, VOCABULARY);

        assertThat(budget.spent.get()).isEqualTo(227);
    }

    @Test
    void aSpentBudgetAsksNothingAndTheRulesAnswer() {
        budget.limit = 500;
        budget.spent.set(500);

        assertThat(openAi().extract(TEXT, VOCABULARY)).isEqualTo(RULES_LINES);
        assertThat(llm.calls()).isEmpty();
        assertThat(fallbacks("budget")).isEqualTo(1);
    }

    @Test
    void aBudgetSpentByTheFirstAnswerIsNotAskedAgain() {
        budget.limit = 100;
        llm.answer(new FakeLlm.Content("{}", 90, 20));

        assertThat(openAi().extract(TEXT, VOCABULARY)).isEqualTo(RULES_LINES);
        assertThat(llm.calls()).hasSize(1);
        assertThat(fallbacks("budget")).isEqualTo(1);
    }

    @Test
    void aBudgetThatCannotBeReadLeavesItToTheRules() {
        budget.broken = true;

        assertThat(openAi().extract(TEXT, VOCABULARY)).isEqualTo(RULES_LINES);
        assertThat(llm.calls()).isEmpty();
        assertThat(fallbacks("error")).isEqualTo(1);
    }

    @Test
    void theKeyIsNeverLogged() {
        try (CapturedLogs logs = new CapturedLogs()) {
            // Providers echo a wrong key in their error body; a model may say anything.
            llm.answer(new FakeLlm.Error(401, "Incorrect API key provided: " + KEY + ". You can find your API key at"
                    + " https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key"));
            openAi().extract(TEXT, VOCABULARY);
            llm.answer(new FakeLlm.Error(500, "upstream rejected key " + KEY, "server_error", null));
            openAi().extract(TEXT, VOCABULARY);
            llm.answer(FakeLlm.content("{\"items\": [{\"material\": \"" + KEY + "\", \"color\": \"red\", \"rolls\": 1}]}"));
            openAi().extract(TEXT, VOCABULARY);

            assertThat(logs.text()).as("the fallbacks are logged").contains("the rules did").doesNotContain(KEY);
        }
        AiSettings ai = new AiSettings(Provider.OPENAI, "gpt-test", Optional.empty(), Duration.ofSeconds(1),
                OptionalLong.empty(), 1, Optional.of(KEY));
        assertThat(ai.toString()).doesNotContain(KEY);
    }

    @Test
    void ollamaOnItsOwnWireFormat() {
        llm.answer(new FakeLlm.Content(GOOD, 80, 25));
        AiSettings ai = new AiSettings(Provider.OLLAMA, "llama3.1", Optional.of(llm.ollamaUrl()), Duration.ofSeconds(10),
                OptionalLong.of(10_000), 1, Optional.empty());

        assertThat(extractor(ai).extract(TEXT, VOCABULARY)).isEqualTo(GOOD_LINES);

        Call call = llm.calls().get(0);
        assertThat(call.path()).isEqualTo("/api/chat");
        assertThat(call.authorization()).isNull();
        assertThat(call.body().getString("model")).isEqualTo("llama3.1");
        assertThat(call.body().getBoolean("stream")).isFalse();
        assertThat(call.body().getJsonObject("format").getJsonObject("properties").getJsonObject("items")).isNotNull();
        assertThat(budget.spent.get()).isEqualTo(105);
    }

    /** A budget in memory: the PostgreSQL one is tested against a database. */
    private static final class MemoryBudget implements TokenBudget {
        long limit = Long.MAX_VALUE;
        final AtomicLong spent = new AtomicLong();
        boolean broken;

        @Override
        public boolean allows() {
            if (broken) {
                throw new IllegalStateException("connection refused");
            }
            return spent.get() < limit;
        }

        @Override
        public void spend(long tokens) {
            spent.addAndGet(tokens);
        }
    }
}
