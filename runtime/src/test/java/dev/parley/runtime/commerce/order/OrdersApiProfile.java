package dev.parley.runtime.commerce.order;

import java.util.HashMap;
import java.util.Map;

import dev.parley.runtime.commerce.CommerceProfile;

/** {@link CommerceProfile} with a token for other systems' orders ({@code PARLEY_ORDERS_TOKEN}). */
public class OrdersApiProfile extends CommerceProfile {

    public static final String ORDERS_TOKEN = "test-orders-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("parley.orders.token", ORDERS_TOKEN);
        return overrides;
    }

    /** The same with {@code commerce.approval: automatic} in bot.json: orders are approved as they are placed. */
    public static class Automatic extends OrdersApiProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("parley.bot.config", CommerceProfile.botJson(bot -> bot.getJsonObject("commerce").put("approval", "automatic")));
            return overrides;
        }
    }
}
