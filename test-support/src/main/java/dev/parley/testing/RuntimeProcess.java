package dev.parley.testing;

import java.io.IOException;
import java.net.ServerSocket;
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

/**
 * The packaged runtime ({@code runtime/target/quarkus-app/quarkus-run.jar}) as a process of its own, configured
 * through the environment as the operator configures a pod: a replica that can be killed, restarted and measured.
 */
public final class RuntimeProcess {

    private final Process process;
    private final int port;
    private final Path log;
    private final long startedNanos;
    private final String name;
    /** One client for the readiness polls and metric reads: each JDK client keeps a selector thread of its own. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private RuntimeProcess(String name, Process process, int port, Path log, long startedNanos) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts a replica named {@code name} (its {@code PARLEY_POD_NAME}) with {@code env} on a free port; its output
     * goes to a log file in a work directory.
     */
    public static RuntimeProcess start(Path jar, String name, Map<String, String> env, String... jvmOptions) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the runtime is packaged before its integration tests run (mvn verify)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = TestServers.workDir("runtime-" + name).resolve("runtime.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("PARLEY_POD_NAME", name);
        builder.environment().putAll(env);
        System.out.printf("runtime %s: port %d, log in %s%n", name, port, log);
        return new RuntimeProcess(name, builder.start(), port, log, System.nanoTime());
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Waits for {@code /q/health/ready} to say UP; fails early with the log's tail if the process exits. */
    public Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("runtime " + name + " exited with " + process.exitValue() + ":\n" + tail(40));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("runtime " + name + " was not ready in " + timeout + ":\n" + tail(40));
    }

    /** Waits for the process to end by itself (a startup failure), returning its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("runtime " + name + " still runs after " + timeout);
        }
        return process.exitValue();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A metric's value (the sum over its series) from {@code /q/metrics}, or -1 when the process does not answer. */
    public double metric(String name) throws InterruptedException {
        try {
            return PrometheusText.sum(http.send(HttpRequest.newBuilder(URI.create(url() + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body(), name);
        } catch (IOException e) {
            return -1;
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Peak resident set size (VmHWM) so far, in MB. */
    public long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    /** SIGTERM, as Kubernetes stops a pod, and waits for the exit. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** SIGKILL: a crash, nothing flushed, no shutdown hook. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
