package dev.parley.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.parley.testing.Helm;
import dev.parley.testing.KubeApiServer;
import dev.parley.testing.TestServers;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * {@code helm install} of the chart into the real API server: the CRDs and RBAC it installs are the ones the
 * operator's integration tests run with (those tests apply the same chart's objects).
 */
class HelmInstallTest {

    /** Not "parley": the operator tests in this JVM apply the chart's RBAC under that release name. */
    private static final String RELEASE = "parley-install";
    private static final Path CHART = Path.of(System.getProperty("parley.repoRoot", "..")).resolve("helm/parley");

    @Test
    void chartInstallsItsCrdsRbacAndOperator() throws IOException {
        Helm helm = Helm.find();
        KubeApiServer server = KubeApiServer.shared();
        Path kubeconfig = server.writeKubeConfig(TestServers.workDir("helm-install").resolve("kubeconfig"));

        try (KubernetesClient client = server.adminClient()) {
            // The RoleBinding for a watched namespace goes into it, so it must exist first.
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop-a").endMetadata().build()).serverSideApply();
        }
        String out = helm.run("install", RELEASE, CHART.toString(), "--namespace", "parley-install",
                "--create-namespace", "--kubeconfig", kubeconfig.toString(), "--set", "watchNamespaces={shop-a}");
        assertThat(out).contains("STATUS: deployed");

        try (KubernetesClient client = server.adminClient()) {
            for (CustomResourceDefinition chartCrd : chartCrds(client)) {
                CustomResourceDefinition installed = client.apiextensions().v1().customResourceDefinitions()
                        .withName(chartCrd.getMetadata().getName()).get();
                assertThat(installed).as(chartCrd.getMetadata().getName()).isNotNull();
                // The server normalises numbers (1 vs 1.0), so compare what defines the API: fields, required, rules.
                var installedSpec = installed.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema().getProperties().get("spec");
                var chartSpec = chartCrd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema().getProperties().get("spec");
                assertThat(installedSpec.getProperties().keySet()).isEqualTo(chartSpec.getProperties().keySet());
                assertThat(installedSpec.getRequired()).isEqualTo(chartSpec.getRequired());
                assertThat(installedSpec.getXKubernetesValidations()).isEqualTo(chartSpec.getXKubernetesValidations());
            }
            ClusterRole role = client.rbac().clusterRoles().withName(RELEASE + "-operator").get();
            assertThat(role.getRules()).anySatisfy(rule -> assertThat(rule.getResources()).contains("bots", "storagebackends", "scalingpolicies"));
            assertThat(client.rbac().roleBindings().inNamespace("shop-a").withName(RELEASE + "-operator").get()).isNotNull();
            assertThat(client.apps().deployments().inNamespace("parley-install").withName(RELEASE + "-operator").get()
                    .getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(RELEASE);
        }
        assertThat(helm.run("status", RELEASE, "--namespace", "parley-install", "--kubeconfig", kubeconfig.toString()))
                .contains("STATUS: deployed");
    }

    private static List<CustomResourceDefinition> chartCrds(KubernetesClient client) throws IOException {
        try (Stream<Path> files = Files.list(CHART.resolve("crds"))) {
            return files.sorted().map(file -> {
                try (InputStream in = Files.newInputStream(file)) {
                    return client.apiextensions().v1().customResourceDefinitions().load(in).item();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
