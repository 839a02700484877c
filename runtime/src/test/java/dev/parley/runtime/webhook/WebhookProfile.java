package dev.parley.runtime.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import dev.parley.runtime.commerce.CommerceProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@link CommerceProfile} with two webhook subscribers on a local {@link WebhookReceiver}: {@code kitchen} (verifies,
 * dedupes, answers 500 then 200) and {@code ledger} (always 503). The receiver's port is chosen here and passed in a
 * system property, which the test (loaded by another class loader) reads.
 */
public class WebhookProfile extends CommerceProfile {

    static final String PORT = "parley.test.webhook.port";
    static final String KITCHEN_SECRET = "whsec_kitchen_test_secret";

    @Override
    public Map<String, String> getConfigOverrides() {
        int port = Integer.getInteger(PORT, 0);
        if (port == 0) {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(PORT, String.valueOf(port));
        }
        String base = "http://127.0.0.1:" + port;
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("parley.bot.config", CommerceProfile.botJson(bot -> bot.put("integrations", new JsonObject().put("webhooks", new JsonArray()
                .add(new JsonObject().put("name", "kitchen").put("url", base + "/hook"))
                .add(new JsonObject().put("name", "ledger").put("url", base + "/broken"))))));
        overrides.put("PARLEY_WEBHOOK_SECRET_KITCHEN", KITCHEN_SECRET);
        overrides.put("PARLEY_WEBHOOK_SECRET_LEDGER", "another-secret");
        return overrides;
    }
}
