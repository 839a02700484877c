package dev.parley.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.runtime.commerce.inventory.AllocationOrder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** What the runtime reads from the bot.json the operator writes (BotConfigMap), and its defaults without one. */
class BotSettingsTest {

    @TempDir
    Path dir;

    private BotSettings settings(JsonObject document, Map<String, String> properties) throws IOException {
        Map<String, String> all = new HashMap<>(properties);
        if (document != null) {
            all.put("parley.bot.config", Files.writeString(dir.resolve("bot.json"), document.encode()).toString());
        }
        return Settings.bot(all);
    }

    private static JsonObject bot() {
        return new JsonObject().put("flow", "orderAgent").put("channels", new JsonObject());
    }

    @Test
    void theBotsSessionExpiryWinsOverTheRuntimesDefault() throws IOException {
        JsonObject document = bot().put("schedules", new JsonObject().put("sessionExpiryMinutes", 90));

        assertThat(settings(document, Map.of("parley.session-expiry.idle-after", "2h")).idleExpiry()).isEqualTo(Duration.ofMinutes(90));
        assertThat(settings(bot(), Map.of("parley.session-expiry.idle-after", "2h")).idleExpiry()).isEqualTo(Duration.ofHours(2));
        assertThat(settings(bot(), Map.of()).idleExpiry()).isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> settings(bot().put("schedules", new JsonObject().put("sessionExpiryMinutes", 0)), Map.of()))
                .hasMessageContaining("sessionExpiryMinutes");
    }

    @Test
    void commerceAndOwnersComeFromBotJsonAsTheOperatorWritesThem() throws IOException {
        JsonObject document = bot()
                .put("owners", new JsonArray().add(new JsonObject().put("name", "Ramesh").put("telegramUserId", "900")))
                .put("commerce", new JsonObject().put("currency", "USD").put("taxRatePercent", 8.25).put("invoicePrefix", "A/")
                        .put("languages", new JsonArray().add("hi").add("en")).put("allocationOrder", "lifo"))
                .put("schedules", new JsonObject().put("reminderCron", "0 9 * * *").put("timeZone", "UTC"));

        CommerceSettings commerce = CommerceSettings.of(settings(document, Map.of()));

        assertThat(commerce.currency()).isEqualTo("USD");
        assertThat(commerce.taxRatePercent()).isEqualByComparingTo(new BigDecimal("8.25"));
        assertThat(commerce.invoicePrefix()).isEqualTo("A/");
        assertThat(commerce.defaultLanguage()).isEqualTo("hi");
        assertThat(commerce.allocationOrder()).isEqualTo(AllocationOrder.LIFO);
        assertThat(commerce.reminderCron()).isEqualTo("0 9 * * *");
        assertThat(commerce.owner("telegram", "900")).map(CommerceSettings.Owner::name).contains("Ramesh");
        assertThat(commerce.owner("telegram", "901")).isEmpty();
        assertThat(commerce.owner("console", "owner")).as("only a local run has a console owner").isEmpty();
    }

    @Test
    void runLocallyTheConsoleChatOwnerIsTheOwnerAndTheDefaultsAreTheCrds() throws IOException {
        CommerceSettings commerce = CommerceSettings.of(settings(null, Map.of()));

        assertThat(commerce.owners()).containsExactly(CommerceSettings.LOCAL_OWNER);
        assertThat(commerce.owner("console", "owner")).isPresent();
        assertThat(List.of(commerce.currency(), commerce.invoicePrefix(), commerce.defaultLanguage())).containsExactly("INR", "INV-", "en");
        assertThat(commerce.taxRatePercent()).isZero();
    }

    /** A minimal Bot: the operator writes its optional sections as null, and the runtime reads their defaults. */
    @Test
    void aBotWithoutItsOptionalSectionsGetsTheDefaults() throws IOException {
        JsonObject document = bot().putNull("commerce").putNull("owners").putNull("schedules").putNull("ai")
                .putNull("publicUrl").putNull("whatsappPhoneNumberId");

        BotSettings settings = settings(document, Map.of());
        CommerceSettings commerce = CommerceSettings.of(settings);

        assertThat(settings.ai()).isEqualTo(AiSettings.RULES);
        assertThat(settings.idleExpiry()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.publicUrl()).isEmpty();
        assertThat(List.of(commerce.currency(), commerce.invoicePrefix(), commerce.defaultLanguage())).containsExactly("INR", "INV-", "en");
        assertThat(commerce.owners()).as("a Bot in a cluster has no console owner").isEmpty();
        assertThat(commerce.allocationOrder()).isEqualTo(AllocationOrder.FIFO);
    }
}
