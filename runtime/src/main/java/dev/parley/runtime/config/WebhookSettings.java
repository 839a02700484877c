package dev.parley.runtime.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.vertx.core.json.JsonObject;

/**
 * The Bot's {@code spec.integrations.webhooks} as the operator writes them into {@code bot.json}
 * ({@code integrations.webhooks: [{name, url}]}), each with its signing secret from the variable
 * {@code PARLEY_WEBHOOK_SECRET_<NAME>} (upper case, '-' as '_'), which the operator sets from the webhook's secretRef.
 */
public record WebhookSettings(List<Subscriber> subscribers) {

    /** One subscriber: its name, where events go, and the secret they are signed with (never logged). */
    public record Subscriber(String name, URI url, String secret) {

        @Override
        public String toString() {
            return "Subscriber[" + name + " " + url + "]";
        }
    }

    public WebhookSettings {
        subscribers = List.copyOf(subscribers);
    }

    /** The variable a subscriber's secret comes in. */
    public static String secretVariable(String name) {
        return "PARLEY_WEBHOOK_SECRET_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Reads bot.json's webhooks; {@code variables} looks a variable up (the environment, or a test's configuration). A
     * webhook without its secret stops the runtime, naming the variable, as a channel without its token does.
     */
    public static WebhookSettings of(BotSettings settings, Function<String, Optional<String>> variables) {
        List<Subscriber> subscribers = new ArrayList<>();
        BotSettings.list(BotSettings.section(settings.document(), "integrations"), "webhooks").forEach(w -> {
            JsonObject webhook = (JsonObject) w;
            String name = BotSettings.text(webhook, "name").orElseThrow(() -> new IllegalStateException("bot.json: a webhook without a name"));
            String url = BotSettings.text(webhook, "url").orElseThrow(() -> new IllegalStateException("bot.json: webhook " + name + " has no url"));
            String variable = secretVariable(name);
            String secret = variables.apply(variable).filter(s -> !s.isBlank())
                    .orElseThrow(() -> new BotSettings.MissingSetting(variable, "the signing secret of webhook " + name));
            subscribers.add(new Subscriber(name, URI.create(url), secret));
        });
        return new WebhookSettings(subscribers);
    }
}
