package dev.parley.runtime.config;

import java.util.Locale;

/**
 * Who approves an order once it is placed, as the Bot's {@code spec.commerce.approval} says: the owner (the
 * default: the order waits for them), or the bot itself at once (stock deducted, invoice issued, customer told), for
 * businesses whose orders need no one's look, such as a kitchen taking orders from its own web shop.
 */
public enum Approval {
    OWNER, AUTOMATIC;

    /** bot.json's {@code commerce.approval}: {@code owner} (also when absent) or {@code automatic}. */
    public static Approval of(BotSettings settings) {
        String value = BotSettings.text(BotSettings.section(settings.document(), "commerce"), "approval").orElse("owner");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "owner" -> OWNER;
            case "automatic" -> AUTOMATIC;
            default -> throw new IllegalStateException("bot.json's commerce.approval must be owner or automatic, not '" + value + "'");
        };
    }
}
