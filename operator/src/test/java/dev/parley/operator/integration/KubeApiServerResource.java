package dev.parley.operator.integration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.parley.testing.KubeApiServer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs the operator under test against the real kube-apiserver, with the chart's CRDs installed, watching all
 * namespaces.
 */
public class KubeApiServerResource implements QuarkusTestResourceLifecycleManager {

    static final Path CHART_CRDS = Path.of(System.getProperty("parley.repoRoot", ".."), "helm", "parley", "crds");

    @Override
    public Map<String, String> start() {
        KubeApiServer server = KubeApiServer.shared();
        try (KubernetesClient admin = server.adminClient()) {
            installChartCrds(admin);
        }
        Config config = Config.fromKubeconfig(server.kubeConfigYaml());
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.kubernetes-client.api-server-url", config.getMasterUrl());
        putEither(properties, "ca-cert", config.getCaCertData(), config.getCaCertFile());
        putEither(properties, "client-cert", config.getClientCertData(), config.getClientCertFile());
        putEither(properties, "client-key", config.getClientKeyData(), config.getClientKeyFile());
        properties.put("quarkus.operator-sdk.namespaces", "JOSDK_ALL_NAMESPACES");
        return properties;
    }

    /** The kubeconfig carries credentials either inline or as file paths. */
    private static void putEither(Map<String, String> properties, String key, String data, String file) {
        if (data != null) {
            properties.put("quarkus.kubernetes-client." + key + "-data", data);
        } else if (file != null) {
            properties.put("quarkus.kubernetes-client." + key + "-file", file);
        }
    }

    static void installChartCrds(KubernetesClient client) {
        List<Path> files;
        try (Stream<Path> list = Files.list(CHART_CRDS)) {
            files = list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
                client.resource(crd).fieldManager("parley-tests").forceConflicts().serverSideApply();
                client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                        .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions().stream()
                                .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60, TimeUnit.SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void stop() {
        // The API server is shared by the JVM and stops with it.
    }
}
