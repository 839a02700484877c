package dev.parley.api.v1alpha1.bot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.parley.api.v1alpha1.common.Names;
import dev.parley.api.v1alpha1.common.SecretKeyRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.provider == 'rules' || has(self.model)",
        message = "ai.model is required when ai.provider is openai or ollama", fieldPath = ".model")
@ValidationRule(value = "self.provider != 'openai' || has(self.apiKeySecretRef)",
        message = "ai.apiKeySecretRef is required when ai.provider is openai", fieldPath = ".apiKeySecretRef")
public class AiSpec {

    @Default("rules")
    @JsonPropertyDescription("'rules' (default: no network), 'openai' (any OpenAI-compatible endpoint) or 'ollama'. "
            + "LLM output is validated and falls back to the rules on failure.")
    private AiProvider provider = AiProvider.RULES;

    @JsonPropertyDescription("Model name, for example 'gpt-4o-mini' or 'llama3.1'.")
    private String model;

    @Pattern(Names.HTTP_URL)
    @JsonPropertyDescription("Base URL of the provider's API; the provider's public endpoint when omitted.")
    private String baseUrl;

    @JsonPropertyDescription("Secret key holding the API key.")
    private SecretKeyRef apiKeySecretRef;

    @Default("20")
    @Min(1)
    @Max(300)
    @JsonPropertyDescription("Seconds to wait for the model before falling back to the rules.")
    private Integer timeoutSeconds = 20;

    @Min(0)
    @JsonPropertyDescription("Tokens the bot may spend per day; over it the rules are used. Unlimited when omitted.")
    private Long dailyTokenBudget;

    public AiProvider getProvider() {
        return provider;
    }

    public void setProvider(AiProvider provider) {
        this.provider = provider;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public SecretKeyRef getApiKeySecretRef() {
        return apiKeySecretRef;
    }

    public void setApiKeySecretRef(SecretKeyRef apiKeySecretRef) {
        this.apiKeySecretRef = apiKeySecretRef;
    }

    public Integer getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public void setTimeoutSeconds(Integer timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    public Long getDailyTokenBudget() {
        return dailyTokenBudget;
    }

    public void setDailyTokenBudget(Long dailyTokenBudget) {
        this.dailyTokenBudget = dailyTokenBudget;
    }
}
