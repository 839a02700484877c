package dev.parley.runtime.dashboard;

import java.util.HashMap;
import java.util.Map;

import dev.parley.runtime.commerce.CommerceProfile;
import dev.parley.runtime.flow.shop.ShopFlow;

/** The rupee shop of {@link CommerceProfile} running the shop flow with the demo catalog, whose owner's pages the browser tests walk. */
public class ShopDashboard extends CommerceProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("parley.flow", ShopFlow.NAME);
        config.put("parley.demo-catalog", "true");
        return config;
    }
}
