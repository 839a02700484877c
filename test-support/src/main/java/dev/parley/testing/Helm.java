package dev.parley.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code helm} binary built by {@code tools/install-test-binaries.sh}. */
public final class Helm {

    private final Path binary;
    private final Path home;

    private Helm(Path binary) {
        this.binary = binary;
        this.home = TestServers.workDir("helm-home");
    }

    /** Finds helm; skips (or, in CI, fails) the calling test when it is missing. */
    public static Helm find() {
        String howToGet = "run tools/install-test-binaries.sh (needs Go) to build helm";
        Path binary = TestServers.binarySetting("PARLEY_HELM").map(Path::of)
                .orElseThrow(() -> TestServers.unavailable("helm", howToGet));
        if (!Files.isExecutable(binary)) {
            throw TestServers.unavailable("helm", binary + " is not executable; " + howToGet);
        }
        return new Helm(binary);
    }

    /** Runs helm with the given arguments; returns standard output, or throws with standard error on failure. */
    public String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        // Keep helm's cache, config and data out of the user's home so tests leave nothing behind.
        builder.environment().put("HELM_CACHE_HOME", home.resolve("cache").toString());
        builder.environment().put("HELM_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("HELM_DATA_HOME", home.resolve("data").toString());
        try {
            Path stderr = Files.createTempFile(home, "stderr", ".txt");
            builder.redirectError(stderr.toFile());
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("helm " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            if (process.exitValue() != 0) {
                throw new HelmException(process.exitValue(), Files.readString(stderr));
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** helm exited non-zero. */
    public static final class HelmException extends RuntimeException {
        public HelmException(int exitCode, String stderr) {
            super("helm exited with " + exitCode + ": " + stderr.strip());
        }
    }
}
