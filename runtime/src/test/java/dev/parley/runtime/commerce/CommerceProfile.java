package dev.parley.runtime.commerce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A runtime whose bot.json sets commerce as a textile shop would: rupees, 5 % tax, invoices {@code INV-000001},
 * English and Hindi, reminders on Mondays at 10:00 in India. The scheduler is off, so that only a test runs jobs,
 * at the times it chooses; no channel is on, so the outbox keeps what is written to it for the test to read.
 */
public class CommerceProfile implements QuarkusTestProfile {

    public static final String PREFIX = "INV-";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.bot.config", botJson(bot -> { }), "parley.bot.name", "Sharma Textiles",
                "parley.owner.token", OwnerApi.TOKEN, "parley.scheduling.enabled", "false",
                // A heartbeat a second, so that every stream a test follows has keep-alive comments between its events.
                "parley.events.heartbeat", "1s");
    }

    /** This profile's bot.json, changed by {@code change}, written to a file: its path. */
    public static String botJson(Consumer<JsonObject> change) {
        JsonObject bot = new JsonObject()
                .put("commerce", new JsonObject().put("currency", "INR").put("taxRatePercent", 5).put("invoicePrefix", PREFIX)
                        .put("languages", new JsonArray().add("en").add("hi")))
                .put("schedules", new JsonObject().put("reminderCron", "0 10 * * 1").put("timeZone", "Asia/Kolkata"));
        change.accept(bot);
        try {
            Path file = Files.createTempDirectory("parley-commerce").resolve("bot.json");
            Files.writeString(file, bot.encode());
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
