package dev.parley.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.net.ServerSocket;

import io.fabric8.kubernetes.client.Config;

/**
 * The packaged operator ({@code operator/target/quarkus-app}) as a process of its own, as in a pod, authenticated
 * with a token (see {@link Chart#installRbacAndGetToken}): its RSS and metrics are its own.
 */
public final class OperatorProcess {

    private final Process process;
    private final int port;
    private final Path log;

    private OperatorProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** An operator in {@link Chart#OPERATOR_NAMESPACE} watching every namespace. */
    public static OperatorProcess start(Path jar, Config config, String token, String identity) throws IOException {
        return start(jar, config, token, identity, Chart.OPERATOR_NAMESPACE, "JOSDK_ALL_NAMESPACES");
    }

    /**
     * An operator whose own namespace (where its leader-election Lease lives) is {@code namespace}, watching
     * {@code watchedNamespaces} (comma-separated, or the SDK's {@code JOSDK_ALL_NAMESPACES}), as the chart configures it.
     */
    public static OperatorProcess start(Path jar, Config config, String token, String identity, String namespace,
            String watchedNamespaces) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = TestServers.workDir("operator");
        Path log = dir.resolve(identity + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        // Extra JVM options for experiments (benchmarks): -Dparley.operator.jvmOptions="-XX:... -XX:..."
        String jvmOptions = System.getProperty("parley.operator.jvmOptions", "").trim();
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PARLEY_OPERATOR_IDENTITY", identity);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // A kubeconfig file, as a pod has its token in a file: a token in a Quarkus property would be echoed in
        // Quarkus' startup warnings.
        env.put("KUBECONFIG", writeKubeConfig(dir.resolve("kubeconfig"), config, token, namespace).toString());
        env.put("QUARKUS_OPERATOR_SDK_NAMESPACES", watchedNamespaces);
        System.out.printf("operator %s: log in %s%n", identity, log);
        return new OperatorProcess(builder.start(), port, log);
    }

    private static Path writeKubeConfig(Path file, Config config, String token, String namespace) throws IOException {
        String authority = config.getCaCertData() != null
                ? "certificate-authority-data: " + config.getCaCertData()
                : "certificate-authority: " + config.getCaCertFile();
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: test
                    cluster: {server: "%s", %s}
                users:
                  - name: operator
                    user: {token: "%s"}
                contexts:
                  - name: test
                    context: {cluster: test, user: operator, namespace: %s}
                current-context: test
                """.formatted(config.getMasterUrl(), authority, token, namespace));
        return file;
    }

    /** Its output so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Its process id, for reading its use of the machine from /proc. */
    public long pid() {
        return process.pid();
    }

    /** Peak resident set size (VmHWM) so far. */
    public long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    /** Reconciles of the kind the operator has finished, from its /q/metrics. */
    public double reconciles(String kind) throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines()
                .filter(l -> l.startsWith("parley_operator_reconcile_seconds_count{") && l.contains("kind=\"" + kind + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Waits until the operator has finished at least {@code count} reconciles of the kind. */
    public void awaitReconciles(String kind, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (reconciles(kind) >= count) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the operator did not reconcile " + count + " " + kind + "s in " + timeout);
    }

    /** SIGTERM, as Kubernetes stops a pod, and waits for the exit. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** SIGKILL: a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
