package dev.parley.runtime.flow.orderagent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.parley.runtime.testing.FakeWhatsApp;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An order-agent bot as the operator configures it: a {@code bot.json} with Telegram and WhatsApp, one owner on
 * each, 5% tax and invoice prefix {@code TX/}; the channels' secrets as the operator passes them. The Telegram
 * Bot API and the Graph API are fakes ({@code TelegramResource}, {@code FakeWhatsApp.Resource}).
 */
public class OrderAgentBot implements QuarkusTestProfile {

    static final String OWNER_TELEGRAM = "900";
    static final String OWNER_PHONE = "919800000001";
    static final String APP_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    @Override
    public Map<String, String> getConfigOverrides() {
        JsonObject bot = new JsonObject()
                .put("name", "shop").put("flow", OrderAgentFlow.NAME).put("publicUrl", "https://shop.example.com")
                .put("channels", new JsonObject().put("telegram", true).put("whatsapp", true))
                .put("whatsappPhoneNumberId", FakeWhatsApp.PHONE_NUMBER_ID)
                .put("owners", new JsonArray().add(new JsonObject().put("name", "Ramesh").put("telegramUserId", OWNER_TELEGRAM)
                        .put("whatsappPhone", OWNER_PHONE)))
                .put("commerce", new JsonObject().put("currency", "INR").put("taxRatePercent", 5).put("invoicePrefix", "TX/")
                        .put("languages", new JsonArray().add("en").add("hi")).put("allocationOrder", "fifo"))
                .put("schedules", new JsonObject().put("reminderCron", "0 10 * * 1").put("timeZone", "Asia/Kolkata"));
        try {
            Path file = Files.createTempFile("bot", ".json");
            Files.writeString(file, bot.encodePrettily());
            file.toFile().deleteOnExit();
            return Map.of(
                    "parley.bot.config", file.toString(),
                    "parley.whatsapp.access-token", FakeWhatsApp.TOKEN,
                    "parley.whatsapp.app-secret", APP_SECRET,
                    "parley.whatsapp.verify-token", "verify-me");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
