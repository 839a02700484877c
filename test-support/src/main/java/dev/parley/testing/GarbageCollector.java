package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real {@code kube-controller-manager} that runs nothing but its garbage collector against {@link KubeApiServer},
 * so that deleting an owner really deletes what names it in {@code ownerReferences}, as in a cluster. One per test
 * JVM, started on first use and stopped when the JVM exits. Its log is {@code kube-controller-manager.log} in its
 * work directory.
 */
public final class GarbageCollector {

    private static GarbageCollector shared;

    private final Process process;
    private final Path log;

    private GarbageCollector(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The JVM-wide garbage collector; skips (or, in CI, fails) the calling test when the binary is missing. */
    public static synchronized GarbageCollector shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start(KubeApiServer.shared());
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy, "kube-controller-manager-stop"));
        }
        return shared;
    }

    private static GarbageCollector start(KubeApiServer apiServer) {
        Path binary = KubeApiServer.binary("kube-controller-manager");
        Path dir = TestServers.workDir("kube-controller-manager");
        Path kubeConfig = apiServer.writeKubeConfig(dir.resolve("kubeconfig"));
        List<String> command = List.of(binary.toString(),
                "--kubeconfig=" + kubeConfig,
                "--controllers=garbage-collector-controller",
                "--leader-elect=false",
                // No serving port: nothing scrapes it, and two test JVMs must not collide on a port.
                "--secure-port=0",
                "--v=1");
        Path log = dir.resolve("kube-controller-manager.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new GarbageCollector(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
    }

    /** Whether the process is still running; a test that relies on collection asserts this first. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** Its log so far, for a failure message. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
