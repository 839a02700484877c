package dev.parley.operator.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Authenticates against PostgreSQL and runs {@code select 1}, with short timeouts so a dead server cannot stall
 * reconciling. TLS as the runtime has it ({@code dev.parley.runtime.config.StoreTls}): libpq's sslmode, verified
 * against the StorageBackend's CA when it names one, else against the JVM's trust store.
 */
public final class PostgresCheck {

    private PostgresCheck() {
    }

    /** {@code caPem}: the CA certificate(s) as PEM text, or null. */
    public static ConnectionCheck check(String host, int port, String database, String sslMode, String caPem, String user,
            String password, Duration timeout) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("sslmode", sslMode);
        properties.setProperty("connectTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
        properties.setProperty("socketTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
        properties.setProperty("loginTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
        properties.setProperty("ApplicationName", "parley-operator");
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        Path rootCert = null;
        try {
            if (caPem != null) {
                // the driver takes the CA from a file
                rootCert = Files.createTempFile("parley-postgres-ca", ".pem");
                Files.writeString(rootCert, caPem);
                properties.setProperty("sslrootcert", rootCert.toString());
            } else if (sslMode.startsWith("verify-")) {
                properties.setProperty("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
            }
            try (Connection connection = DriverManager.getConnection(url, properties);
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select 1, current_setting('server_version')")) {
                rs.next();
                return ConnectionCheck.ok(rs.getString(2));
            }
        } catch (SQLException e) {
            // The driver's message names the cause (refused, timeout, authentication, certificate) and never the password.
            return ConnectionCheck.failed("PostgreSQL " + host + ":" + port + "/" + database + ": " + e.getMessage());
        } catch (IOException e) {
            return ConnectionCheck.failed("PostgreSQL " + host + ":" + port + "/" + database + ": cannot keep the CA certificate: " + e.getMessage());
        } finally {
            if (rootCert != null) {
                try {
                    Files.deleteIfExists(rootCert);
                } catch (IOException e) {
                    // a temporary file; the next check writes its own
                }
            }
        }
    }
}
