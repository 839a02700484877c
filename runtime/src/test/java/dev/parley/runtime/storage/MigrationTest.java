package dev.parley.runtime.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** On a fresh database the runtime creates its bot schema, migrates it, and only then reports ready. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class MigrationTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void migrationCreatesTheCoreTablesInTheBotSchemaOnly() throws SQLException {
        assertThat(tablesIn(PostgresResource.SCHEMA)).contains(
                "flyway_schema_history", "inbound_update", "conversation", "outbox_message", "leader_lease", "job_run");
        assertThat(tablesIn("public")).as("nothing in the shared public schema").isEmpty();
    }

    @Test
    void intakeKeyIsUniqueSoARedeliveryCannotBeRecordedTwice() throws SQLException {
        try (Connection connection = connect()) {
            connection.createStatement().execute("SET search_path TO " + PostgresResource.SCHEMA);
            String insert = "INSERT INTO inbound_update (channel, external_id, chat_id) VALUES ('telegram', '42', 'c1') "
                    + "ON CONFLICT ON CONSTRAINT inbound_update_once DO NOTHING";
            assertThat(connection.createStatement().executeUpdate(insert)).isEqualTo(1);
            assertThat(connection.createStatement().executeUpdate(insert)).isZero();
        }
    }

    @Test
    void readinessReportsTheAppliedMigrationAndIsDownWithoutIt() throws SQLException {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database migrations"))
                .body("checks.find { it.name == 'database migrations' }.data.schema", equalTo(PostgresResource.SCHEMA))
                .body("checks.find { it.name == 'database migrations' }.data.applied", equalTo(NEWEST));

        // As if the schema were one migration behind this build: not ready.
        try (Connection connection = connect()) {
            connection.createStatement().execute("UPDATE " + PostgresResource.SCHEMA + ".flyway_schema_history SET success = false WHERE version = '" + NEWEST + "'");
            try {
                given().when().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'database migrations' }.data.expected", equalTo(NEWEST));
            } finally {
                connection.createStatement().execute("UPDATE " + PostgresResource.SCHEMA + ".flyway_schema_history SET success = true WHERE version = '" + NEWEST + "'");
            }
        }
    }

    /** The newest migration in src/main/resources/db/migration ({@code V<n>__...sql}). */
    private static final String NEWEST = newestMigration();

    private static String newestMigration() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return String.valueOf(files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> tablesIn(String schema) throws SQLException {
        try (Connection connection = connect();
                ResultSet rs = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
            return tables;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }
}
