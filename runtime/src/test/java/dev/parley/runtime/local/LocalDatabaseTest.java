package dev.parley.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.parley.testing.TestServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A person trying Parley locally expects the data of the last run to be there the next time, every update answered
 * 200 among it, and the database back when it died.
 */
class LocalDatabaseTest {

    @Test
    void dataSurvivesARestartInTheSameDirectory() throws Exception {
        Path dataDir = TestServers.workDir("local-db").resolve("postgres");

        try (EmbeddedPostgres first = LocalDatabase.start(dataDir, 0);
                Connection connection = first.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE remembered (note text)");
            statement.execute("INSERT INTO remembered VALUES ('10m blue cotton')");
        }

        try (EmbeddedPostgres second = LocalDatabase.start(dataDir, 0);
                Connection connection = second.getPostgresDatabase().getConnection();
                ResultSet rs = connection.createStatement().executeQuery("SELECT note FROM remembered")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("10m blue cotton");
        }
    }

    @Test
    void aSecondServerOnTheSameDataIsRefusedWithAClearMessage() throws Exception {
        Path dataDir = TestServers.workDir("local-db").resolve("postgres");
        try (EmbeddedPostgres running = LocalDatabase.start(dataDir, 0)) {
            assertThatThrownBy(() -> LocalDatabase.start(dataDir, 0))
                    .hasMessageContaining("Another process is using the local PostgreSQL data in " + dataDir.toAbsolutePath());
        }
    }

    @Test
    void theServerFlushesEveryCommitBeforeItIsAcknowledged() throws Exception {
        Path dataDir = TestServers.workDir("local-db").resolve("postgres");
        try (EmbeddedPostgres server = LocalDatabase.start(dataDir, 0);
                Connection connection = server.getPostgresDatabase().getConnection();
                ResultSet rs = connection.createStatement().executeQuery(
                        "SELECT current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("fsync").isEqualTo("on");
            assertThat(rs.getString(2)).as("synchronous_commit").isEqualTo("on");
            assertThat(rs.getString(3)).as("full_page_writes").isEqualTo("on");
        }
    }

    @Test
    void aKilledServerIsStartedAgainOnItsDataAndPort() throws Exception {
        Path dataDir = TestServers.workDir("local-db").resolve("postgres");
        try (EmbeddedPostgres server = LocalDatabase.start(dataDir, 0)) {
            LocalDatabaseSupervisor supervisor = LocalDatabaseSupervisor.watch(dataDir, server.getPort(), LocalDatabase.SERVER_CONFIG);
            try {
                try (Connection connection = server.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE remembered (note text)");
                    statement.execute("INSERT INTO remembered VALUES ('6m red polyester')");
                }
                long killed = supervisor.postmasterPid();
                ProcessHandle.of(killed).orElseThrow().destroyForcibly();

                await().atMost(Duration.ofSeconds(60)).until(() -> supervisor.restarts() == 1);
                assertThat(supervisor.postmasterPid()).isNotEqualTo(killed);
                assertThat(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0)).isEqualTo(String.valueOf(supervisor.postmasterPid()));
                try (Connection connection = server.getPostgresDatabase().getConnection();
                        ResultSet rs = connection.createStatement().executeQuery(
                                "SELECT note, current_setting('fsync'), current_setting('synchronous_commit') FROM remembered")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("6m red polyester");
                    assertThat(rs.getString(2) + " " + rs.getString(3)).as("the settings of the first start").isEqualTo("on on");
                }
            } finally {
                supervisor.stop();
            }
        }
    }
}
