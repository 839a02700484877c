package dev.parley.runtime.flow.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.testing.FakeWhatsApp;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A shop bot as the operator configures it: {@code flow: shop} on Telegram and WhatsApp, one owner on each, rupees
 * at 5% tax, invoices {@code SH/000001}; the Bot API and the Graph API are fakes. Telegram's per-chat spacing is
 * short so that a whole purchase takes seconds; the scheduler is off so that only a test runs the cart job.
 */
public class ShopBot implements QuarkusTestProfile {

    static final String OWNER_TELEGRAM = "910";
    static final String OWNER_PHONE = "919800000009";
    static final String APP_SECRET = "1f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String SHOP_NAME = "Corner Shop";

    @Override
    public Map<String, String> getConfigOverrides() {
        JsonObject bot = new JsonObject()
                .put("name", "shop").put("flow", ShopFlow.NAME).put("publicUrl", "https://shop.example.com")
                .put("channels", new JsonObject().put("telegram", true).put("whatsapp", true))
                .put("whatsappPhoneNumberId", FakeWhatsApp.PHONE_NUMBER_ID)
                .put("owners", new JsonArray().add(new JsonObject().put("name", "Asha").put("telegramUserId", OWNER_TELEGRAM)
                        .put("whatsappPhone", OWNER_PHONE)))
                .put("commerce", new JsonObject().put("currency", "INR").put("taxRatePercent", 5).put("invoicePrefix", "SH/")
                        .put("languages", new JsonArray().add("en").add("hi")))
                .put("schedules", new JsonObject().put("reminderCron", "0 10 * * 1").put("timeZone", "Asia/Kolkata"));
        try {
            Path file = Files.createTempFile("shop-bot", ".json");
            Files.writeString(file, bot.encodePrettily());
            file.toFile().deleteOnExit();
            return Map.ofEntries(
                    Map.entry("parley.bot.config", file.toString()),
                    Map.entry("parley.shop.name", SHOP_NAME),
                    Map.entry("parley.owner.token", OwnerApi.TOKEN),
                    Map.entry("parley.telegram.chat-spacing", "50ms"),
                    Map.entry("parley.scheduling.enabled", "false"),
                    Map.entry("parley.whatsapp.access-token", FakeWhatsApp.TOKEN),
                    Map.entry("parley.whatsapp.app-secret", APP_SECRET),
                    Map.entry("parley.whatsapp.verify-token", "verify-me"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
