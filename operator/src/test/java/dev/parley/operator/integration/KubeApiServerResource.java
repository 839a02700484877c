package dev.parley.operator.integration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.parley.testing.Helm;
import dev.parley.testing.KubeApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs the operator under test against the real kube-apiserver as the chart installs it: the chart's CRDs, and the
 * operator authenticated as the chart's ServiceAccount with exactly the chart's RBAC (rendered by helm with
 * watchAllNamespaces, since tests use fresh namespaces). A rule missing from the chart fails these tests.
 */
public class KubeApiServerResource implements QuarkusTestResourceLifecycleManager {

    static final Path CHART = Path.of(System.getProperty("parley.repoRoot", ".."), "helm", "parley");
    static final Path CHART_CRDS = CHART.resolve("crds");

    @Override
    public Map<String, String> start() {
        KubeApiServer server = KubeApiServer.shared();
        String token;
        try (KubernetesClient admin = server.adminClient()) {
            installChartCrds(admin);
            token = installChartRbac(admin);
        }
        Config config = Config.fromKubeconfig(server.kubeConfigYaml());
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.kubernetes-client.api-server-url", config.getMasterUrl());
        putEither(properties, "ca-cert", config.getCaCertData(), config.getCaCertFile());
        properties.put("quarkus.kubernetes-client.token", token);
        properties.put("quarkus.kubernetes-client.namespace", OPERATOR_NAMESPACE);
        properties.put("quarkus.operator-sdk.namespaces", "JOSDK_ALL_NAMESPACES");
        return properties;
    }

    static final String OPERATOR_NAMESPACE = "parley-system";
    static final String OPERATOR_SERVICE_ACCOUNT = "parley";

    /** Applies the chart's ServiceAccount and RBAC objects and returns a token of that ServiceAccount. */
    static synchronized String installChartRbac(KubernetesClient admin) {
        if (admin.namespaces().withName(OPERATOR_NAMESPACE).get() == null) {
            admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(OPERATOR_NAMESPACE).endMetadata().build()).create();
        }
        String rendered = Helm.find().run("template", "parley", CHART.toString(), "--namespace", OPERATOR_NAMESPACE,
                "--set", "watchAllNamespaces=true", "--set", "serviceAccount.name=" + OPERATOR_SERVICE_ACCOUNT);
        List<HasMetadata> objects = admin.load(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8))).items();
        List<String> rbacKinds = List.of("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");
        for (HasMetadata object : objects) {
            if (rbacKinds.contains(object.getKind())) {
                admin.resource(object).fieldManager("parley-tests").forceConflicts().serverSideApply();
            }
        }
        return admin.serviceAccounts().inNamespace(OPERATOR_NAMESPACE).withName(OPERATOR_SERVICE_ACCOUNT)
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(7200L).endSpec().build())
                .getStatus().getToken();
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
