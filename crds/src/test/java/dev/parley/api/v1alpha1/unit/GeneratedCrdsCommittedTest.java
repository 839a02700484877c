package dev.parley.api.v1alpha1.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The CRDs in the Helm chart are copies of what the build generates from the Java types. A change to a spec class
 * without {@code tools/regenerate.sh} leaves the chart (and manifests/install.yaml) describing an API the code no
 * longer has; this test catches it.
 */
class GeneratedCrdsCommittedTest {

    private static final Path GENERATED = Path.of(System.getProperty("parley.generatedCrdDir", "target/classes/META-INF/fabric8"));
    private static final Path COMMITTED = Path.of(System.getProperty("parley.repoRoot", ".."), "helm", "parley", "crds");

    @Test
    void chartCrdsEqualAFreshGeneration() throws IOException {
        List<String> generated = yamlFiles(GENERATED);
        assertThat(generated).as("CRDs generated into %s", GENERATED)
                .containsExactlyInAnyOrder("bots.parley.dev-v1.yml", "scalingpolicies.parley.dev-v1.yml",
                        "storagebackends.parley.dev-v1.yml");
        assertThat(yamlFiles(COMMITTED)).as("CRD files in %s (run tools/regenerate.sh)", COMMITTED)
                .containsExactlyInAnyOrderElementsOf(generated);
        for (String name : generated) {
            assertThat(Files.readString(COMMITTED.resolve(name)))
                    .as("%s is stale: the Java types changed; run tools/regenerate.sh and commit the result", COMMITTED.resolve(name))
                    .isEqualTo(Files.readString(GENERATED.resolve(name)));
        }
    }

    private static List<String> yamlFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml") || n.endsWith(".yaml")).sorted().toList();
        }
    }
}
