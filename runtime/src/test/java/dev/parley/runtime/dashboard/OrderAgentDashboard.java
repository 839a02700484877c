package dev.parley.runtime.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import dev.parley.runtime.commerce.CommerceProfile;
import dev.parley.runtime.config.WebhookSettings;
import dev.parley.runtime.flow.orderagent.OrderAgentFlow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The textile shop of {@link CommerceProfile} running the order agent, with the console channel to talk to it and a webhook subscriber that cannot be reached: the browser tests walk its owner's menu. */
public class OrderAgentDashboard extends CommerceProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("parley.bot.config", botJson(bot -> bot.put("integrations", new JsonObject().put("webhooks",
                new JsonArray().add(new JsonObject().put("name", "erp").put("url", "http://127.0.0.1:" + closedPort() + "/parley"))))));
        config.put(WebhookSettings.secretVariable("erp"), "erp-secret");
        config.put("parley.flow", OrderAgentFlow.NAME);
        config.put("parley.console.enabled", "true");
        return config;
    }

    /** A port nothing listens on: the webhook subscriber that cannot be reached, which the events page shows failing. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
