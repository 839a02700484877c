package dev.parley.operator.integration;

import java.util.HashMap;
import java.util.Map;

import dev.parley.testing.Chart;
import dev.parley.testing.KubeApiServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs the operator under test against the real kube-apiserver as the chart installs it: the chart's CRDs, and the
 * operator authenticated as the chart's ServiceAccount with exactly the chart's RBAC. A rule missing from the chart
 * fails these tests.
 */
public class KubeApiServerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KubeApiServer server = KubeApiServer.shared();
        String token;
        try (KubernetesClient admin = server.adminClient()) {
            Chart.installCrds(admin);
            token = Chart.installRbacAndGetToken(admin);
        }
        Config config = Config.fromKubeconfig(server.kubeConfigYaml());
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.kubernetes-client.api-server-url", config.getMasterUrl());
        if (config.getCaCertData() != null) {
            properties.put("quarkus.kubernetes-client.ca-cert-data", config.getCaCertData());
        } else {
            properties.put("quarkus.kubernetes-client.ca-cert-file", config.getCaCertFile());
        }
        properties.put("quarkus.kubernetes-client.token", token);
        properties.put("quarkus.kubernetes-client.namespace", Chart.OPERATOR_NAMESPACE);
        properties.put("quarkus.operator-sdk.namespaces", "JOSDK_ALL_NAMESPACES");
        return properties;
    }

    @Override
    public void stop() {
        // The API server is shared by the JVM and stops with it.
    }
}
