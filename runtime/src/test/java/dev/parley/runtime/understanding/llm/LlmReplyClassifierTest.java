package dev.parley.runtime.understanding.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.config.AiSettings;
import dev.parley.runtime.config.AiSettings.Provider;
import dev.parley.runtime.testing.FakeLlm;
import dev.parley.runtime.understanding.Intent;
import dev.parley.runtime.understanding.IntentClassifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;

/** Replies read by a model (spec.ai): schema-checked, asked again, and left to the rules when the model cannot answer. */
class LlmReplyClassifierTest {

    /** The rules read this as UNKNOWN; a model may know better. */
    private static final String TEXT = "theek hai par jaldi bhejna, kal function hai";

    private final FakeLlm llm = new FakeLlm();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong spent = new AtomicLong();
    private long limit = Long.MAX_VALUE;

    private final TokenBudget budget = new TokenBudget() {
        @Override
        public boolean allows() {
            return spent.get() < limit;
        }

        @Override
        public void spend(long tokens) {
            spent.addAndGet(tokens);
        }
    };

    @AfterEach
    void close() {
        llm.close();
    }

    private LlmReplyClassifier classifier() {
        AiSettings ai = new AiSettings(Provider.OPENAI, "gpt-test", Optional.of(llm.openAiUrl()), Duration.ofSeconds(10),
                OptionalLong.empty(), 1, Optional.of("sk-test"));
        return new LlmReplyClassifier(ChatModels.create(ai), new IntentClassifier(), budget, ai.retries(), registry, ai.apiKey());
    }

    private double fallbacks(String reason) {
        return registry.get("parley.understanding.reply.fallbacks").tag("reason", reason).counter().count();
    }

    @Test
    void aValidAnswerIsTheIntentAndItsTokensAreSpent() {
        llm.answer(FakeLlm.content("{\"intent\": \"CONFIRM\"}"));

        assertThat(classifier().classify(TEXT)).isEqualTo(Intent.CONFIRM);
        assertThat(llm.calls()).hasSize(1);
        assertThat(spent.get()).isPositive();
        JsonObject format = llm.calls().get(0).body().getJsonObject("response_format");
        assertThat(format.getJsonObject("json_schema").getJsonObject("schema").getJsonObject("properties").getJsonObject("intent")
                .getJsonArray("enum")).contains("CONFIRM", "CANCEL", "UNKNOWN");
    }

    @Test
    void anInvalidAnswerIsAskedAgainAndThenTheRulesAnswer() {
        llm.answer(FakeLlm.content("{\"intent\": \"MAYBE\"}"));

        assertThat(classifier().classify("kuch samajh nahi aaya")).isEqualTo(Intent.UNKNOWN);
        assertThat(llm.calls()).hasSize(2);
        assertThat(fallbacks("invalid")).isEqualTo(1);
    }

    @Test
    void aValidSecondAnswerIsTaken() {
        llm.answer(FakeLlm.content("Sure, the customer confirms."), FakeLlm.content("{\"intent\": \"CANCEL\"}"));

        assertThat(classifier().classify(TEXT)).isEqualTo(Intent.CANCEL);
        assertThat(fallbacks("invalid")).isZero();
    }

    @Test
    void aSpentBudgetAsksNoModel() {
        limit = 0;

        assertThat(classifier().classify("haan bhej do")).isEqualTo(Intent.CONFIRM);
        assertThat(llm.calls()).isEmpty();
        assertThat(fallbacks("budget")).isEqualTo(1);
    }

    @Test
    void aRefusedRequestLeavesItToTheRules() {
        llm.answer(new FakeLlm.Error(400, "Invalid schema", "invalid_request_error", null));

        assertThat(classifier().classify("nahi chahiye")).isEqualTo(Intent.CANCEL);
        assertThat(llm.calls()).hasSize(1);
        assertThat(fallbacks("error")).isEqualTo(1);
    }
}
