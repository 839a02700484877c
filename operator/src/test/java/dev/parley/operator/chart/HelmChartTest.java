package dev.parley.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.testing.Helm;

/** The chart is the single source of the install: it lints, renders, and manifests/install.yaml is its rendering. */
class HelmChartTest {

    private static final Path REPO_ROOT = Path.of(System.getProperty("parley.repoRoot", ".."));
    private static final Path CHART = REPO_ROOT.resolve("helm/parley");

    private static Helm helm;

    @BeforeAll
    static void findHelm() {
        helm = Helm.find();
    }

    @Test
    void chartLintsClean() {
        String out = helm.run("lint", "--strict", CHART.toString());
        assertThat(out).contains("1 chart(s) linted, 0 chart(s) failed");
    }

    @Test
    void installYamlIsTheChartRenderedWithDefaults() throws IOException {
        String rendered = render();
        assertThat(Files.readString(REPO_ROOT.resolve("manifests/install.yaml")))
                .as("manifests/install.yaml is stale; run tools/regenerate.sh and commit the result")
                .isEqualTo(rendered);
    }

    @Test
    void renderingContainsTheCrdsTheOperatorAndItsPermissions() {
        String rendered = render();
        assertThat(rendered)
                .contains("name: \"bots.parley.dev\"", "name: \"storagebackends.parley.dev\"", "name: \"scalingpolicies.parley.dev\"")
                .contains("kind: Deployment", "kind: ServiceAccount", "kind: ClusterRole", "kind: Service")
                .contains("readOnlyRootFilesystem: true");
        // Namespaced by default: the operator's rules are bound in the release namespace only.
        assertThat(rendered).contains("kind: RoleBinding\nmetadata:\n  name: parley-operator\n  namespace: parley-system");
        assertThat(rendered).doesNotContain("kind: ServiceMonitor");
    }

    @Test
    void watchAllNamespacesBindsTheRulesClusterWide() {
        String rendered = helm.run("template", "parley", CHART.toString(), "--namespace", "parley-system",
                "--set", "watchAllNamespaces=true");
        assertThat(rendered).contains("kind: ClusterRoleBinding\nmetadata:\n  name: parley-operator\n")
                .contains("value: JOSDK_ALL_NAMESPACES");
        assertThat(rendered).doesNotContain("kind: RoleBinding\nmetadata:\n  name: parley-operator\n");
    }

    @Test
    void watchNamespacesGetARoleBindingEach() {
        String rendered = helm.run("template", "parley", CHART.toString(), "--namespace", "parley-system",
                "--set", "watchNamespaces={shop-a,shop-b}");
        assertThat(rendered).contains("namespace: shop-a", "namespace: shop-b").contains("value: \"shop-a,shop-b\"");
    }

    @Test
    void valuesSchemaRefusesBadValues() {
        assertThatThrownBy(() -> helm.run("template", "parley", CHART.toString(), "--set", "replicaCount=-1"))
                .hasMessageContaining("replicaCount");
        assertThatThrownBy(() -> helm.run("template", "parley", CHART.toString(), "--set", "watchNamespaces={Not_A_Namespace}"))
                .hasMessageContaining("watchNamespaces");
        assertThatThrownBy(() -> helm.run("template", "parley", CHART.toString(), "--set", "imageTypo=x"))
                .hasMessageContaining("imageTypo");
    }

    private static String render() {
        return helm.run("template", "parley", CHART.toString(), "--namespace", "parley-system", "--include-crds");
    }
}
