package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Assertions;
import org.opentest4j.TestAbortedException;

/**
 * Where tests find the real servers they need, and what happens when one is missing.
 *
 * <p>A test that cannot get a server is skipped with a message naming what is missing and how to get it; with
 * {@code PARLEY_REQUIRE_TEST_SERVERS=true} (set by {@code .ci/run}) the same situation fails the test instead,
 * so that CI can never pass by skipping.
 */
public final class TestServers {

    public static final String REQUIRE_ENV = "PARLEY_REQUIRE_TEST_SERVERS";

    private TestServers() {
    }

    /** Skips the calling test, or fails it when servers are required. Never returns normally. */
    public static RuntimeException unavailable(String what, String howToGetIt) {
        String message = what + " is not available: " + howToGetIt;
        if (required()) {
            Assertions.fail(message + " (" + REQUIRE_ENV + "=true turns this skip into a failure)");
        }
        throw new TestAbortedException(message);
    }

    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE_ENV));
    }

    /** Root of the cache {@code tools/install-test-binaries.sh} fills; outside the repository. */
    public static Path cacheDir() {
        String configured = System.getProperty("parley.cache", System.getenv("PARLEY_CACHE"));
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".cache", "parley");
    }

    /**
     * A value from the environment, else from {@code test-binaries.env} that the install script writes into the
     * cache.
     */
    public static Optional<String> binarySetting(String key) {
        String fromEnv = System.getenv(key);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv);
        }
        Path file = cacheDir().resolve("test-binaries.env");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.ofNullable(properties.getProperty(key)).filter(v -> !v.isBlank());
    }

    /** A fresh directory under the module's {@code target/} for one server's files, so a clean build removes it. */
    public static Path workDir(String name) {
        String base = System.getProperty("parley.test.workdir", "target/test-servers");
        try {
            Path dir = Path.of(base).toAbsolutePath();
            Files.createDirectories(dir);
            return Files.createTempDirectory(dir, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory under " + base, e);
        }
    }
}
