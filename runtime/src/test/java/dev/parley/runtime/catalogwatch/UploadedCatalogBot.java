package dev.parley.runtime.catalogwatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.parley.runtime.commerce.OwnerApi;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A catalog-watch bot whose catalog the owner uploads (no sitemap, no feed): euros, English then French, the
 * console on, the scheduler off, the demo catalog off (each test uploads its own). No embeddings: the model's native
 * libraries load once per JVM, bound to the application's class loader, so only {@link RecommendingBot}'s
 * application (one test class) runs the model.
 */
public class UploadedCatalogBot implements QuarkusTestProfile {

    protected boolean embeddings() {
        return false;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        JsonObject bot = new JsonObject().put("name", "cellar").put("flow", "catalogWatch")
                .put("channels", new JsonObject().put("telegram", false).put("whatsapp", false))
                .put("commerce", new JsonObject().put("currency", "EUR").put("languages", new JsonArray().add("en").add("fr")));
        try {
            Path file = Files.createTempDirectory("parley-uploaded").resolve("bot.json");
            Files.writeString(file, bot.encode());
            return Map.of("parley.bot.config", file.toString(), "parley.owner.token", OwnerApi.TOKEN, "parley.scheduling.enabled", "false",
                    "parley.console.enabled", "true", "parley.catalog.demo", "false",
                    "parley.catalog.embeddings", String.valueOf(embeddings()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
