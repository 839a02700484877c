package dev.parley.runtime.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.parley.runtime.commerce.inventory.AllocationOrder;
import io.vertx.core.json.JsonObject;

/**
 * The Bot's {@code spec.commerce}, {@code spec.owners} and payment reminders ({@code spec.schedules}) as the
 * operator writes them into {@code bot.json}; the CRD's defaults when it says nothing (a local run).
 *
 * @param languages the languages the bot answers in, the first the default for a customer whose language is unknown
 */
public record CommerceSettings(String currency, BigDecimal taxRatePercent, String invoicePrefix, List<String> languages,
        AllocationOrder allocationOrder, List<Owner> owners, String reminderCron, String timeZone) {

    /**
     * Who may approve orders, by their identity on each channel (either may be null): a Telegram user id, a
     * WhatsApp phone (digits only).
     */
    public record Owner(String name, String telegramUserId, String whatsappPhone, String consoleChatId) {

        public Owner(String name, String telegramUserId, String whatsappPhone) {
            this(name, telegramUserId, whatsappPhone, null);
        }

        /** The owner's chat on {@code channel} (on Telegram a private chat's id is the user's id), if they have one. */
        public Optional<String> chatId(String channel) {
            return Optional.ofNullable(switch (channel) {
                case "telegram" -> telegramUserId;
                case "whatsapp" -> whatsappPhone;
                case "console" -> consoleChatId;
                default -> null;
            });
        }
    }

    /** Run locally without owners, the console chat {@code owner} is the owner's (docs/architecture.md: approve without Telegram). */
    public static final Owner LOCAL_OWNER = new Owner("owner", null, null, "owner");

    public CommerceSettings {
        languages = List.copyOf(languages);
        owners = List.copyOf(owners);
        if (taxRatePercent.signum() < 0 || taxRatePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalStateException("bot.json's commerce.taxRatePercent must be between 0 and 100, not " + taxRatePercent);
        }
    }

    public static CommerceSettings of(BotSettings settings) {
        JsonObject document = settings.document();
        JsonObject commerce = BotSettings.section(document, "commerce");
        JsonObject schedules = BotSettings.section(document, "schedules");
        List<String> languages = new ArrayList<>();
        BotSettings.list(commerce, "languages").forEach(l -> languages.add(String.valueOf(l)));
        if (languages.isEmpty()) {
            languages.add("en");
        }
        List<Owner> owners = new ArrayList<>();
        BotSettings.list(document, "owners").forEach(o -> {
            JsonObject owner = (JsonObject) o;
            owners.add(new Owner(BotSettings.text(owner, "name").orElse(null), BotSettings.text(owner, "telegramUserId").orElse(null),
                    BotSettings.text(owner, "whatsappPhone").orElse(null)));
        });
        if (owners.isEmpty() && settings.local()) {
            owners.add(LOCAL_OWNER);
        }
        Object rate = commerce.getValue("taxRatePercent");
        return new CommerceSettings(BotSettings.text(commerce, "currency").orElse("INR"), new BigDecimal(String.valueOf(rate == null ? 0 : rate)),
                BotSettings.text(commerce, "invoicePrefix").orElse("INV-"), languages,
                AllocationOrder.parse(BotSettings.text(commerce, "allocationOrder").orElse("fifo")), owners,
                BotSettings.text(schedules, "reminderCron").orElse("0 10 * * 1"), BotSettings.text(schedules, "timeZone").orElse("Asia/Kolkata"));
    }

    /** The language for a customer whose language is not known. */
    public String defaultLanguage() {
        return languages.isEmpty() ? "en" : languages.get(0);
    }

    /** The owner whose chat this is on {@code channel}, if it is one. */
    public Optional<Owner> owner(String channel, String chatId) {
        return owners.stream().filter(o -> o.chatId(channel).filter(chatId::equals).isPresent()).findFirst();
    }
}
