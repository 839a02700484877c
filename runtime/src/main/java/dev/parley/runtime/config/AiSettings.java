package dev.parley.runtime.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import io.vertx.core.json.JsonObject;

/**
 * How the bot understands orders: the Bot's {@code spec.ai} as the operator writes it into {@code bot.json}
 * ({@code "ai": {provider, model, baseUrl, timeoutSeconds, dailyTokenBudget}}), the API key from
 * {@code PARLEY_AI_API_KEY} and the number of retries from {@code PARLEY_AI_RETRIES}. Without an {@code "ai"}
 * object the rules answer, with no network.
 *
 * @param baseUrl empty for the provider's public endpoint
 * @param dailyTokenBudget empty for no limit
 * @param apiKey empty when the provider takes none (Ollama)
 */
public record AiSettings(Provider provider, String model, Optional<String> baseUrl, Duration timeout,
        OptionalLong dailyTokenBudget, int retries, Optional<String> apiKey) {

    /** The CRD's default, for a {@code bot.json} written without one. */
    static final int DEFAULT_TIMEOUT_SECONDS = 20;

    public enum Provider {
        RULES, OPENAI, OLLAMA;

        /** The name in {@code bot.json}: {@code rules}, {@code openai}, {@code ollama}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Provider of(String value) {
            for (Provider provider : values()) {
                if (provider.value().equals(value)) {
                    return provider;
                }
            }
            throw new IllegalStateException("bot.json's ai.provider (the Bot's spec.ai.provider) must be rules, openai or"
                    + " ollama, not '" + value + "'");
        }
    }

    public static final AiSettings RULES = new AiSettings(Provider.RULES, null, Optional.empty(),
            Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS), OptionalLong.empty(), 0, Optional.empty());

    /** Reads {@code ai} (null when the Bot has no {@code spec.ai}); a model provider without its model or key is an error. */
    static AiSettings from(JsonObject ai, RuntimeConfig.Ai config) {
        if (ai == null) {
            return RULES;
        }
        // The operator writes every field, null when unset.
        Provider provider = Provider.of(Optional.ofNullable(ai.getString("provider")).orElse(Provider.RULES.value()));
        if (provider == Provider.RULES) {
            return RULES;
        }
        String model = ai.getString("model");
        if (model == null || model.isBlank()) {
            throw new IllegalStateException("bot.json's ai.model (the Bot's spec.ai.model) is required with the "
                    + provider.value() + " provider");
        }
        Optional<String> apiKey = config.apiKey().filter(s -> !s.isBlank());
        if (provider == Provider.OPENAI && apiKey.isEmpty()) {
            throw new BotSettings.MissingSetting("PARLEY_AI_API_KEY", "the API key of the openai provider (spec.ai.apiKeySecretRef)");
        }
        Long budget = ai.getLong("dailyTokenBudget");
        int retries = config.retries();
        if (retries < 0) {
            throw new IllegalStateException("PARLEY_AI_RETRIES must be 0 or more, not " + retries);
        }
        return new AiSettings(provider, model,
                Optional.ofNullable(ai.getString("baseUrl")).filter(s -> !s.isBlank()),
                Duration.ofSeconds(Optional.ofNullable(ai.getInteger("timeoutSeconds")).orElse(DEFAULT_TIMEOUT_SECONDS)),
                budget == null ? OptionalLong.empty() : OptionalLong.of(budget),
                retries, apiKey);
    }

    @Override
    public String toString() {
        // Startup logs print the settings: never the key.
        return "AiSettings[provider=" + provider.value() + ", model=" + model + ", baseUrl=" + baseUrl.orElse("(default)")
                + ", timeout=" + timeout + ", dailyTokenBudget=" + (dailyTokenBudget.isPresent() ? dailyTokenBudget.getAsLong() : "none")
                + ", retries=" + retries + ", apiKey=" + (apiKey.isPresent() ? "(set)" : "(none)") + "]";
    }
}
