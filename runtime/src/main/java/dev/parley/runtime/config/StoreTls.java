package dev.parley.runtime.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Makes the runtime's connections to PostgreSQL and Redis mean what the StorageBackend says, before Quarkus reads
 * its configuration. The operator passes the StorageBackend as environment variables; this turns them into the
 * Quarkus settings of the reactive client, of Flyway's JDBC connection and of the Redis client.
 *
 * <p>PostgreSQL's {@code sslMode} as libpq means it ({@code PARLEY_DB_SSLMODE}):
 * <ul>
 * <li>{@code disable}: plain;</li>
 * <li>{@code allow}, {@code prefer}, {@code require}: encrypted when the server offers it ({@code require}: or
 * refused), the certificate not verified. Left alone, the reactive client would verify it against the JVM's trust
 * store and refuse a private CA's, unlike libpq and JDBC;</li>
 * <li>{@code verify-ca}: the certificate must be signed by the CA in {@code PARLEY_DB_CA_PEM} (PEM text: the
 * StorageBackend's {@code caSecretRef}), or, without it, by a CA the JVM trusts;</li>
 * <li>{@code verify-full}: as verify-ca, and the certificate must name the host.</li>
 * </ul>
 *
 * <p>Redis: {@code PARLEY_REDIS_TLS=true} (the StorageBackend's {@code redis.tls}) makes a {@code redis://} URL a
 * {@code rediss://} one; its certificate must name the host, and be signed by the CA in {@code PARLEY_REDIS_CA_PEM}
 * (the JVM's trust store otherwise). A setting made by hand (a system property) always wins.
 */
public final class StoreTls {

    static final String TRUST_ALL = "quarkus.datasource.reactive.trust-all";
    static final String TRUST_PEM = "quarkus.datasource.reactive.trust-certificate-pem";
    static final String TRUST_PEM_CERTS = "quarkus.datasource.reactive.trust-certificate-pem.certs";
    static final String HOSTNAME_VERIFICATION = "quarkus.datasource.reactive.hostname-verification-algorithm";
    static final String JDBC_ROOT_CERT = "quarkus.datasource.jdbc.additional-jdbc-properties.sslrootcert";
    static final String JDBC_SSL_FACTORY = "quarkus.datasource.jdbc.additional-jdbc-properties.sslfactory";
    static final String REDIS_HOSTS = "quarkus.redis.hosts";
    static final String REDIS_TLS_CONFIGURATION = "quarkus.redis.tls-configuration-name";
    static final String REDIS_TLS_CERTS = "quarkus.tls.parley-redis.trust-store.pem.certs";
    static final String REDIS_HOSTNAME_VERIFICATION = "quarkus.tls.parley-redis.hostname-verification-algorithm";

    /** What the environment says; a null is a variable not set. */
    public record Environment(String sslMode, String databaseCaPem, String redisUrl, boolean redisTls, String redisCaPem) {

        /** The variables the operator sets from a StorageBackend ({@code BotDeployment}), from {@code env}. */
        public static Environment read(Function<String, String> env) {
            return new Environment(env.apply("PARLEY_DB_SSLMODE"), blankToNull(env.apply("PARLEY_DB_CA_PEM")),
                    blankToNull(env.apply("PARLEY_REDIS_URL")), "true".equalsIgnoreCase(env.apply("PARLEY_REDIS_TLS")),
                    blankToNull(env.apply("PARLEY_REDIS_CA_PEM")));
        }
    }

    private StoreTls() {
    }

    /**
     * The Quarkus settings for {@code environment}; {@code writePem} keeps a CA's PEM text in a file and returns its
     * path (the clients take files).
     */
    public static Map<String, String> settings(Environment environment, Function<String, Path> writePem) {
        Map<String, String> settings = new LinkedHashMap<>();
        String mode = environment.sslMode() == null ? "disable" : environment.sslMode().strip().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "allow", "prefer", "require" -> settings.put(TRUST_ALL, "true");
            case "verify-ca", "verify-full" -> {
                if (environment.databaseCaPem() != null) {
                    String file = writePem.apply("postgres-ca.pem").toString();
                    settings.put(TRUST_PEM, "true");
                    settings.put(TRUST_PEM_CERTS, file);
                    settings.put(JDBC_ROOT_CERT, file);
                } else {
                    // libpq and JDBC would look for ~/.postgresql/root.crt; a pod has none, so: the JVM's CAs
                    settings.put(JDBC_SSL_FACTORY, "org.postgresql.ssl.DefaultJavaSSLFactory");
                }
                // verify-full checks the name (the reactive client insists on being told how); verify-ca does not
                settings.put(HOSTNAME_VERIFICATION, mode.equals("verify-full") ? "HTTPS" : "NONE");
            }
            default -> {
                // disable: nothing to add
            }
        }
        if (environment.redisUrl() != null && (environment.redisTls() || environment.redisUrl().startsWith("rediss://"))) {
            settings.put(REDIS_HOSTS, environment.redisUrl().replaceFirst("^redis://", "rediss://"));
            // the client insists on being told how to check the name; the certificate must name the host
            settings.put(REDIS_TLS_CONFIGURATION, "parley-redis");
            settings.put(REDIS_HOSTNAME_VERIFICATION, "HTTPS");
            if (environment.redisCaPem() != null) {
                settings.put(REDIS_TLS_CERTS, writePem.apply("redis-ca.pem").toString());
            }
        }
        return settings;
    }

    /** Applies {@link #settings} for the process's environment, leaving alone what is set by hand. */
    public static void apply() {
        Environment environment = Environment.read(System::getenv);
        settings(environment, name -> writePem(name, name.startsWith("postgres") ? environment.databaseCaPem()
                : environment.redisCaPem()))
                .forEach((key, value) -> {
                    if (System.getProperty(key) == null && System.getenv(environmentName(key)) == null) {
                        System.setProperty(key, value);
                    }
                });
    }

    /** The CA in a file only this user reads, under the temporary directory (the pod's writable emptyDir). */
    private static Path writePem(String name, String pem) {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "parley-tls");
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.writeString(file, pem);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the CA certificate for " + name, e);
        }
    }

    /** The environment variable Quarkus reads {@code key} from ({@code quarkus.a-b.c} is {@code QUARKUS_A_B_C}). */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
