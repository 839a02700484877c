package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * A real one-node Kubernetes cluster on this machine ({@code tools/node/node.sh}): kube-apiserver, controller-manager,
 * scheduler, containerd, kubelet, kube-proxy and CoreDNS in a network namespace of their own, with a registry the
 * kubelet pulls from. The host is {@link #hostIp()} as seen from the pods; pod IPs and ClusterIPs are routed from the
 * host. {@link #close()} stops every process the node started and removes what it made on the host.
 *
 * <p>Needs root and what {@code tools/install-node-packages.sh}, {@code tools/install-test-binaries.sh},
 * {@code tools/install-node-binaries.sh} and {@code tools/build-node-images.sh} install; without them the calling
 * test is skipped (failed under {@code PARLEY_REQUIRE_TEST_SERVERS=true}) naming what is missing.
 */
public final class KubeNode implements AutoCloseable {

    private final Path repo;
    private final Path dir;
    private final Properties settings;
    private volatile boolean closed;

    private KubeNode(Path repo, Path dir, Properties settings) {
        this.repo = repo;
        this.dir = dir;
        this.settings = settings;
    }

    /** The repository's root (where {@code mvnw} and {@code tools/} are). */
    public static Path repoRoot() {
        String configured = System.getProperty("parley.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("tools/node/node.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find tools/node/node.sh above " + start);
    }

    /** Brings the node up in {@code dir}; skips (or fails, in CI) when this machine cannot run it. */
    public static KubeNode start(Path dir) {
        Path repo = repoRoot();
        Path script = repo.resolve("tools/node/node.sh");
        Result check = run(List.of(script.toString(), "check"), dir, Duration.ofSeconds(30));
        if (check.exit() != 0) {
            throw TestServers.unavailable("A one-node Kubernetes cluster",
                    "this machine lacks what tools/node/node.sh needs: " + check.output().strip().replace('\n', ';')
                            + " (as root: tools/install-node-packages.sh, tools/install-test-binaries.sh, "
                            + "tools/install-node-binaries.sh, tools/build-node-images.sh)");
        }
        long t0 = System.nanoTime();
        Result up = run(List.of(script.toString(), "up"), dir, Duration.ofMinutes(10));
        KubeNode node = new KubeNode(repo, dir, new Properties());
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "kube-node-down"));
        if (up.exit() != 0) {
            node.close();
            throw new IllegalStateException("tools/node/node.sh up failed (" + up.exit() + "):\n" + up.output());
        }
        try (var reader = Files.newBufferedReader(dir.resolve("node.env"))) {
            node.settings.load(reader);
        } catch (IOException e) {
            node.close();
            throw new UncheckedIOException(e);
        }
        System.out.printf("[kube-node] up in %.1f s (%s)%n", (System.nanoTime() - t0) / 1e9, dir);
        return node;
    }

    public Path dir() {
        return dir;
    }

    public Path kubeconfig() {
        return Path.of(settings.getProperty("PARLEY_NODE_KUBECONFIG"));
    }

    /** The registry the kubelet pulls from, {@code host:port}, plain HTTP; reachable from the host too. */
    public String registry() {
        return settings.getProperty("PARLEY_NODE_REGISTRY");
    }

    /** The host's address as pods see it: a server on the host listening here is reachable from every pod. */
    public String hostIp() {
        return settings.getProperty("PARLEY_NODE_HOST_IP");
    }

    public KubernetesClient client() {
        try {
            Config config = Config.fromKubeconfig(Files.readString(kubeconfig()));
            return new KubernetesClientBuilder().withConfig(config).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs kubectl against the node; returns its output, throwing when it exits non-zero. */
    public String kubectl(String... args) {
        List<String> command = new ArrayList<>();
        command.add(settings.getProperty("PARLEY_NODE_KUBECTL"));
        command.add("--kubeconfig=" + kubeconfig());
        command.addAll(List.of(args));
        Result result = run(command, dir, Duration.ofMinutes(5));
        if (result.exit() != 0) {
            throw new IllegalStateException("kubectl " + String.join(" ", args) + " exited " + result.exit() + ": " + result.output());
        }
        return result.output();
    }

    /**
     * Builds the operator and runtime images with the build's own "images" profile (Jib on the cached JRE base) and
     * pushes them to the node's registry; returns the tag, unique to this build.
     */
    public String buildImages() {
        String tag = "e2e-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        List<String> command = List.of(repo.resolve("mvnw").toString(), "-B", "-q", "package", "-Pimages",
                "-pl", "operator,runtime", "-am", "-DskipTests",
                "-Dquarkus.container-image.registry=" + registry(),
                "-Dquarkus.container-image.insecure=true",
                "-Dquarkus.container-image.tag=" + tag);
        long t0 = System.nanoTime();
        Result result = run(command, dir, repo, Duration.ofMinutes(20));
        if (result.exit() != 0) {
            throw new IllegalStateException("the image build failed (" + result.exit() + "):\n" + result.output());
        }
        System.out.printf("[kube-node] images %s built and pushed in %.1f s%n", tag, (System.nanoTime() - t0) / 1e9);
        return tag;
    }

    /** A component's log, for a failure message. */
    public String log(String component) {
        try {
            return Files.readString(dir.resolve("logs").resolve(component + ".log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops every process of the node and removes its host state; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Result down = run(List.of(repo.resolve("tools/node/node.sh").toString(), "down"), dir, Duration.ofMinutes(3));
        if (down.exit() != 0) {
            System.err.println("[kube-node] down failed: " + down.output());
        }
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Path dir, Duration timeout) {
        return run(command, dir, dir.getParent() != null ? dir.getParent() : dir, timeout);
    }

    /** Runs a command in {@code cwd} with NODE_DIR={@code dir}; its output (both streams) goes to a file first. */
    private static Result run(List<String> command, Path dir, Path cwd, Duration timeout) {
        try {
            Files.createDirectories(dir);
            Path out = Files.createTempFile(dir.getParent() != null ? dir.getParent() : dir, "node-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().put("NODE_DIR", dir.toAbsolutePath().toString());
            builder.environment().put("PARLEY_CACHE", TestServers.cacheDir().toString());
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Result(-1, command + " did not finish in " + timeout + "\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
