package dev.parley.runtime.understanding.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.runtime.config.AiSettings;
import dev.parley.runtime.config.AiSettings.Provider;
import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.config.Settings;
import dev.parley.runtime.understanding.RuleBasedExtractor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;

/** The Bot's spec.ai, as the operator writes it into bot.json, picks the extractor. */
class OrderExtractorProducerTest {

    @TempDir
    Path dir;

    private BotSettings settings(JsonObject ai, Map<String, String> properties) throws IOException {
        JsonObject document = new JsonObject().put("flow", "echo").put("channels", new JsonObject());
        if (ai != null) {
            document.put("ai", ai);
        }
        Path file = Files.writeString(dir.resolve("bot.json"), document.encode());
        Map<String, String> all = new HashMap<>(properties);
        all.put("parley.bot.config", file.toString());
        return Settings.bot(all);
    }

    /** The operator writes every field of spec.ai, null when the Bot leaves it out. */
    private static JsonObject ai(String provider, String model) {
        return new JsonObject().put("provider", provider).put("model", model).putNull("baseUrl")
                .put("timeoutSeconds", 20).putNull("dailyTokenBudget");
    }

    @Test
    void withoutSpecAiTheRulesRead() throws IOException {
        AiSettings ai = settings(null, Map.of()).ai();

        assertThat(ai.provider()).isEqualTo(Provider.RULES);
        assertThat(OrderExtractorProducer.create(ai, null, new SimpleMeterRegistry())).isInstanceOf(RuleBasedExtractor.class);
    }

    @Test
    void theRulesProviderReadsByRules() throws IOException {
        AiSettings ai = settings(ai("rules", null), Map.of()).ai();

        assertThat(OrderExtractorProducer.create(ai, null, new SimpleMeterRegistry())).isInstanceOf(RuleBasedExtractor.class);
    }

    @Test
    void openAiReadsWithTheModelAndTheKeyFromTheEnvironment() throws IOException {
        JsonObject spec = ai("openai", "gpt-4o-mini").put("baseUrl", "http://127.0.0.1:9/v1").put("timeoutSeconds", 7)
                .put("dailyTokenBudget", 50_000);
        AiSettings ai = settings(spec, Map.of("parley.ai.api-key", "sk-abc", "parley.ai.retries", "2")).ai();

        assertThat(ai).isEqualTo(new AiSettings(Provider.OPENAI, "gpt-4o-mini", Optional.of("http://127.0.0.1:9/v1"),
                Duration.ofSeconds(7), OptionalLong.of(50_000), 2, Optional.of("sk-abc")));
        assertThat(OrderExtractorProducer.create(ai, null, new SimpleMeterRegistry())).isInstanceOf(LlmExtractor.class);
    }

    @Test
    void ollamaNeedsNoKeyAndDefaultsWhatTheBotLeavesOut() throws IOException {
        AiSettings ai = settings(new JsonObject().put("provider", "ollama").put("model", "llama3.1"), Map.of()).ai();

        assertThat(ai).isEqualTo(new AiSettings(Provider.OLLAMA, "llama3.1", Optional.empty(), Duration.ofSeconds(20),
                OptionalLong.empty(), 1, Optional.empty()));
        assertThat(OrderExtractorProducer.create(ai, null, new SimpleMeterRegistry())).isInstanceOf(LlmExtractor.class);
    }

    @Test
    void openAiWithoutAKeyStopsTheRuntimeNamingTheVariable() {
        assertThatThrownBy(() -> settings(ai("openai", "gpt-4o-mini"), Map.of()))
                .isInstanceOf(BotSettings.MissingSetting.class).hasMessageContaining("PARLEY_AI_API_KEY");
    }

    @Test
    void aModelProviderWithoutAModelOrAnUnknownProviderStopsTheRuntime() {
        assertThatThrownBy(() -> settings(ai("ollama", null), Map.of())).hasMessageContaining("ai.model");
        assertThatThrownBy(() -> settings(ai("anthropic", "claude"), Map.of())).hasMessageContaining("rules, openai or ollama");
    }
}
