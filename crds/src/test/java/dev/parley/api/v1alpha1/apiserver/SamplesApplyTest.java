package dev.parley.api.v1alpha1.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Every file in manifests/samples is accepted by server-side apply against the real schema. */
class SamplesApplyTest extends ApiServerTestBase {

    static Stream<Path> samples() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(REPO_ROOT.resolve("manifests/samples"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).as("samples").hasSizeGreaterThanOrEqualTo(6);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleIsAcceptedByServerSideApply(Path sample) throws IOException {
        List<HasMetadata> objects;
        try (InputStream in = Files.newInputStream(sample)) {
            objects = client.load(in).items();
        }
        assertThat(objects).as("objects in %s", sample).isNotEmpty();
        for (HasMetadata object : objects) {
            HasMetadata applied = client.resource(object).inNamespace(namespace)
                    .fieldManager("parley-tests").forceConflicts().serverSideApply();
            assertThat(applied.getMetadata().getUid()).as("%s %s stored", object.getKind(), object.getMetadata().getName()).isNotBlank();
        }
    }
}
