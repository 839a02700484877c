package dev.parley.operator.dependent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.parley.api.v1alpha1.bot.Bot;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The bot's non-secret configuration, mounted into the runtime as {@code /etc/parley/bot.json}. */
@KubernetesDependent(informer = @Informer(labelSelector = BotNames.SELECTOR))
public class BotConfigMap extends BotDependent<ConfigMap> {

    public static final String KEY = "bot.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public BotConfigMap() {
        super(ConfigMap.class);
    }

    @Override
    protected ConfigMap desired(Bot bot, Context<Bot> context) {
        return desired(bot);
    }

    public static ConfigMap desired(Bot bot) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(BotNames.name(bot))
                .withNamespace(bot.getMetadata().getNamespace())
                .withLabels(BotNames.labels(bot))
                .endMetadata()
                .withData(Map.of(KEY, configJson(bot)))
                .build();
    }

    /** The document the runtime reads: what the bot does, never a secret (secrets arrive as env from Secrets). */
    public static String configJson(Bot bot) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", BotNames.name(bot));
        config.put("flow", bot.getSpec().getFlow());
        config.put("publicUrl", bot.getSpec().getPublicUrl());
        config.put("webhookUrl", BotNames.webhookUrl(bot));
        config.put("channels", Map.of(
                "telegram", bot.getSpec().getChannels().getTelegram() != null,
                "whatsapp", bot.getSpec().getChannels().getWhatsapp() != null));
        if (bot.getSpec().getChannels().getWhatsapp() != null) {
            config.put("whatsappPhoneNumberId", bot.getSpec().getChannels().getWhatsapp().getPhoneNumberId());
            config.put("whatsappReengagementTemplate", bot.getSpec().getChannels().getWhatsapp().getReengagementTemplate());
        }
        config.put("owners", bot.getSpec().getOwners());
        config.put("commerce", bot.getSpec().getCommerce());
        if (bot.getSpec().getAi() != null) {
            Map<String, Object> ai = new LinkedHashMap<>();
            ai.put("provider", bot.getSpec().getAi().getProvider());
            ai.put("model", bot.getSpec().getAi().getModel());
            ai.put("baseUrl", bot.getSpec().getAi().getBaseUrl());
            ai.put("timeoutSeconds", bot.getSpec().getAi().getTimeoutSeconds());
            ai.put("dailyTokenBudget", bot.getSpec().getAi().getDailyTokenBudget());
            config.put("ai", ai);
        }
        config.put("schedules", bot.getSpec().getSchedules());
        config.put("integrations", integrations(bot));
        config.put("catalog", bot.getSpec().getCatalog());
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the configuration of Bot " + BotNames.name(bot), e);
        }
    }

    /** The webhooks' names and URLs; their secrets come as variables (BotDeployment.webhookSecretVariable). */
    private static Map<String, Object> integrations(Bot bot) {
        var integrations = bot.getSpec().getIntegrations();
        if (integrations == null) {
            return null;
        }
        List<Map<String, Object>> webhooks = new ArrayList<>();
        if (integrations.getWebhooks() != null) {
            integrations.getWebhooks().forEach(webhook -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("name", webhook.getName());
                one.put("url", webhook.getUrl());
                webhooks.add(one);
            });
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("webhooks", webhooks);
        return section;
    }
}
