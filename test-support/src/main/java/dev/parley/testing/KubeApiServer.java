package dev.parley.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * A real {@code kube-apiserver} backed by a real {@code etcd} with a fresh data directory, envtest style: no nodes,
 * no controllers. One instance per test JVM, started on first use and stopped when the JVM exits.
 *
 * <p>The binaries come from {@code tools/install-test-binaries.sh}, which builds them from the Go module proxy and
 * records their location in the test cache; nothing is downloaded here.
 */
public final class KubeApiServer {

    private static KubeApiServer shared;

    private final KubeAPIServer server;
    private final String kubeConfigYaml;

    private KubeApiServer(KubeAPIServer server) {
        this.server = server;
        this.kubeConfigYaml = server.getKubeConfigYaml();
    }

    /** The JVM-wide server; skips (or, in CI, fails) the calling test when the binaries are missing. */
    public static synchronized KubeApiServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.server::stop, "kube-apiserver-stop"));
        }
        return shared;
    }

    private static KubeApiServer start() {
        String howToGet = "run tools/install-test-binaries.sh (needs Go) to build etcd and kube-apiserver";
        String dir = TestServers.binarySetting("PARLEY_ENVTEST_DIR")
                .orElseThrow(() -> TestServers.unavailable("kube-apiserver", howToGet));
        String version = TestServers.binarySetting("PARLEY_K8S_VERSION")
                .orElseThrow(() -> TestServers.unavailable("kube-apiserver", howToGet));
        Path binaries = Path.of(dir, "k8s", version + "-linux-amd64");
        if (!Files.isExecutable(binaries.resolve("kube-apiserver")) || !Files.isExecutable(binaries.resolve("etcd"))) {
            throw TestServers.unavailable("kube-apiserver", "no etcd and kube-apiserver in " + binaries + "; " + howToGet);
        }
        KubeAPIServer server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(dir)
                .withApiServerVersion(version)
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .withStartupTimeout(120_000)
                .build());
        server.start();
        return new KubeApiServer(server);
    }

    /** A kubeconfig for the cluster admin (client certificate in the system:masters group). */
    public String kubeConfigYaml() {
        return kubeConfigYaml;
    }

    /** A new client authenticated as cluster admin; the caller closes it. */
    public KubernetesClient adminClient() {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeConfigYaml)).build();
    }

    /** Writes the admin kubeconfig to a file, for command-line tools such as helm and kubectl. */
    public Path writeKubeConfig(Path file) {
        try {
            Files.writeString(file, kubeConfigYaml);
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
