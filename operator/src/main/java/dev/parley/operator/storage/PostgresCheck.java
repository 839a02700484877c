package dev.parley.operator.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/** Authenticates against PostgreSQL and runs {@code select 1}, with short timeouts so a dead server cannot stall reconciling. */
public final class PostgresCheck {

    private PostgresCheck() {
    }

    public static ConnectionCheck check(String host, int port, String database, String sslMode, String user, String password, Duration timeout) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("sslmode", sslMode);
        properties.setProperty("connectTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
        properties.setProperty("socketTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
        properties.setProperty("loginTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
        properties.setProperty("ApplicationName", "parley-operator");
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        try (Connection connection = DriverManager.getConnection(url, properties);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select 1, current_setting('server_version')")) {
            rs.next();
            return ConnectionCheck.ok(rs.getString(2));
        } catch (SQLException e) {
            // The driver's message names the cause (refused, timeout, authentication) and never the password.
            return ConnectionCheck.failed("PostgreSQL " + host + ":" + port + "/" + database + ": " + e.getMessage());
        }
    }
}
