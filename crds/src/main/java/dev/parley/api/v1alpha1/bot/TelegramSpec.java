package dev.parley.api.v1alpha1.bot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.parley.api.v1alpha1.common.SecretKeyRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class TelegramSpec {

    @Required
    @JsonPropertyDescription("Secret key holding the bot token from @BotFather.")
    private SecretKeyRef tokenSecretRef;

    @Required
    @JsonPropertyDescription("Secret key holding the webhook secret token; Telegram sends it in X-Telegram-Bot-Api-Secret-Token "
            + "(1-256 characters of A-Z, a-z, 0-9, _ and -).")
    private SecretKeyRef webhookSecretTokenSecretRef;

    @Default("40")
    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Most simultaneous webhook connections Telegram opens (setWebhook max_connections).")
    private Integer maxConnections = 40;

    public SecretKeyRef getTokenSecretRef() {
        return tokenSecretRef;
    }

    public void setTokenSecretRef(SecretKeyRef tokenSecretRef) {
        this.tokenSecretRef = tokenSecretRef;
    }

    public SecretKeyRef getWebhookSecretTokenSecretRef() {
        return webhookSecretTokenSecretRef;
    }

    public void setWebhookSecretTokenSecretRef(SecretKeyRef webhookSecretTokenSecretRef) {
        this.webhookSecretTokenSecretRef = webhookSecretTokenSecretRef;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }
}
