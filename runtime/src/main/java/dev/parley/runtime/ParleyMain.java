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
        Quarkus.run(args);
    }
}
