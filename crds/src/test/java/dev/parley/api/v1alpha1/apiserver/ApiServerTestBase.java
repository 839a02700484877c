package dev.parley.api.v1alpha1.apiserver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.parley.testing.Chart;
import dev.parley.testing.KubeApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Tests against a real kube-apiserver: the generated CRDs are installed once per JVM and each test class gets a
 * namespace of its own.
 */
abstract class ApiServerTestBase {

    static final Path GENERATED_CRDS = Path.of(System.getProperty("parley.generatedCrdDir", "target/classes/META-INF/fabric8"));
    static final Path REPO_ROOT = Path.of(System.getProperty("parley.repoRoot", ".."));

    static KubernetesClient client;
    static String namespace;
    private static boolean crdsInstalled;

    @BeforeAll
    static void connect() {
        client = KubeApiServer.shared().adminClient();
        installCrdsOnce();
        namespace = "t-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    private static synchronized void installCrdsOnce() {
        if (!crdsInstalled) {
            Chart.installCrds(client, GENERATED_CRDS);
            crdsInstalled = true;
        }
    }

    static List<CustomResourceDefinition> generatedCrds() throws IOException {
        try (Stream<Path> files = Files.list(GENERATED_CRDS)) {
            return files.sorted().map(ApiServerTestBase::loadCrd).toList();
        }
    }

    private static CustomResourceDefinition loadCrd(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return client.apiextensions().v1().customResourceDefinitions().load(in).item();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static boolean established(CustomResourceDefinition crd) {
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

}
