package dev.parley.runtime.dashboard;

import java.util.HashMap;
import java.util.Map;

import dev.parley.runtime.commerce.CommerceProfile;
import dev.parley.runtime.flow.orderagent.OrderAgentFlow;

/** The textile shop of {@link CommerceProfile} running the order agent, with the console channel to talk to it: the browser tests walk its owner's menu. */
public class OrderAgentDashboard extends CommerceProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("parley.flow", OrderAgentFlow.NAME);
        config.put("parley.console.enabled", "true");
        return config;
    }
}
