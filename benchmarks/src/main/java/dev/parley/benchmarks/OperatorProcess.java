package dev.parley.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.parley.testing.Chart;
import io.fabric8.kubernetes.client.Config;

/** The packaged operator as a process of its own, as in a pod: its RSS and metrics are its own. */
final class OperatorProcess {

    private final Process process;
    private final int port;

    private OperatorProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static OperatorProcess start(Path jar, Config config, String token, String identity) throws IOException {
        int port = OperatorConvergence.freePort();
        Path log = OperatorConvergence.workDir("operator").resolve(identity + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PARLEY_OPERATOR_IDENTITY", identity);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", config.getMasterUrl());
        if (config.getCaCertData() != null) {
            env.put("QUARKUS_KUBERNETES_CLIENT_CA_CERT_DATA", config.getCaCertData());
        } else {
            env.put("QUARKUS_KUBERNETES_CLIENT_CA_CERT_FILE", config.getCaCertFile());
        }
        env.put("QUARKUS_KUBERNETES_CLIENT_TOKEN", token);
        env.put("QUARKUS_KUBERNETES_CLIENT_NAMESPACE", Chart.OPERATOR_NAMESPACE);
        env.put("QUARKUS_OPERATOR_SDK_NAMESPACES", "JOSDK_ALL_NAMESPACES");
        System.out.printf("operator %s: log in %s%n", identity, log);
        return new OperatorProcess(builder.start(), port);
    }

    /** Peak resident set size (VmHWM) so far. */
    long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    /** Waits until the operator has finished at least {@code count} reconciles of the kind. */
    void awaitReconciles(String kind, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            try {
                String metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                double done = metrics.lines()
                        .filter(l -> l.startsWith("parley_operator_reconcile_seconds_count{") && l.contains("kind=\"" + kind + "\""))
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
                if (done >= count) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the operator did not reconcile " + count + " " + kind + "s in " + timeout);
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
