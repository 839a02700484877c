package dev.parley.runtime;

import dev.parley.runtime.config.StoreTls;
import dev.parley.runtime.local.LocalDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point. In a cluster the operator configures the database through the environment; run locally with no
 * database configured, the runtime starts a real PostgreSQL of its own first (see {@link LocalDatabase}).
 */
@QuarkusMain
public final class ParleyMain {

    private ParleyMain() {
    }

    public static void main(String... args) {
        LocalDatabase.startIfNoneConfigured();
        StoreTls.apply();
        keepNativeLibrariesInTheTemporaryDirectory();
        Quarkus.run(args);
    }

    /**
     * The catalog-watch flow's embedding model (DJL's tokenizer, ONNX Runtime) unpacks native libraries into
     * {@code ~/.djl.ai} by default; a pod's root filesystem is read-only and its writable place is the temporary
     * directory (an emptyDir). A directory set by hand ({@code DJL_CACHE_DIR}) wins.
     */
    static void keepNativeLibrariesInTheTemporaryDirectory() {
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "djl").toString());
        }
    }
}
