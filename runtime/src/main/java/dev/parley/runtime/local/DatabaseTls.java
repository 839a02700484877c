package dev.parley.runtime.local;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the reactive client's TLS mean what the StorageBackend's {@code sslMode} means in libpq. The client takes
 * {@code sslmode} from its URL, but under {@code require} (and {@code prefer}, {@code allow} once it encrypts) it
 * would verify the server's certificate against the JVM's trust store and refuse a private or self-signed one, while
 * libpq's {@code require} encrypts without verifying. So those modes trust the server's certificate, as JDBC (Flyway)
 * already does; {@code verify-ca} and {@code verify-full} keep verifying.
 */
public final class DatabaseTls {

    /** The Quarkus setting that makes the reactive client trust any server certificate. */
    static final String TRUST_ALL = "quarkus.datasource.reactive.trust-all";

    private static final Set<String> ENCRYPT_WITHOUT_VERIFYING = Set.of("require", "prefer", "allow");

    private DatabaseTls() {
    }

    /** The settings to add for this sslmode (none when it verifies or does not encrypt, or when set already). */
    static Map<String, String> settings(Optional<String> sslMode, boolean trustAllSet) {
        boolean unverified = sslMode.map(mode -> ENCRYPT_WITHOUT_VERIFYING.contains(mode.strip().toLowerCase(Locale.ROOT))).orElse(false);
        return unverified && !trustAllSet ? Map.of(TRUST_ALL, "true") : Map.of();
    }

    /** Applies {@link #settings} for {@code PARLEY_DB_SSLMODE}, before Quarkus reads its configuration. */
    public static void apply() {
        Optional<String> mode = Optional.ofNullable(System.getProperty("parley.db.sslmode"))
                .or(() -> Optional.ofNullable(System.getenv("PARLEY_DB_SSLMODE")));
        boolean set = System.getProperty(TRUST_ALL) != null || System.getenv("QUARKUS_DATASOURCE_REACTIVE_TRUST_ALL") != null;
        settings(mode, set).forEach(System::setProperty);
    }
}
