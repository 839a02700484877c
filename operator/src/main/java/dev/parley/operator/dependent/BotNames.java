package dev.parley.operator.dependent;

import java.util.Locale;
import java.util.Map;

import dev.parley.api.v1alpha1.bot.Bot;

/** Names and labels every object made for a Bot shares, so dependents and watches agree on them. */
public final class BotNames {

    public static final String LABEL_BOT = "parley.dev/bot";
    public static final String LABEL_COMPONENT = "app.kubernetes.io/component";
    public static final String LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "parley-operator";
    /** Label selector of every dependent informer: only objects the operator made. */
    public static final String SELECTOR = LABEL_MANAGED_BY + "=" + MANAGED_BY;

    public static final int HTTP_PORT = 8080;

    private BotNames() {
    }

    /** The name of the Deployment, Service, ConfigMap, ServiceAccount, HPA and PDB: the Bot's own name. */
    public static String name(Bot bot) {
        return bot.getMetadata().getName();
    }

    /** The Lease the runtime replicas elect a leader with. */
    public static String leaseName(Bot bot) {
        return name(bot) + "-leader";
    }

    /** PostgreSQL schema of the bot: {@code bot_} and its name with '-' and '.' as '_'. */
    public static String schema(Bot bot) {
        return "bot_" + name(bot).toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    public static Map<String, String> labels(Bot bot) {
        return Map.of(
                "app.kubernetes.io/name", "parley-runtime",
                "app.kubernetes.io/instance", name(bot),
                LABEL_COMPONENT, "bot-runtime",
                LABEL_MANAGED_BY, MANAGED_BY,
                LABEL_BOT, name(bot));
    }

    /** The subset of labels that selects the bot's pods; stable for the life of the Deployment. */
    public static Map<String, String> selector(Bot bot) {
        return Map.of(LABEL_BOT, name(bot), LABEL_COMPONENT, "bot-runtime");
    }

    /** Where Telegram and WhatsApp deliver updates for this bot. */
    public static String webhookUrl(Bot bot) {
        String base = bot.getSpec().getPublicUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/webhooks/" + name(bot);
    }
}
