package dev.parley.runtime.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for running Parley on one machine with nothing installed: started before Quarkus when
 * no database is configured ({@code PARLEY_DB_HOST} unset), with its data kept in a local directory across
 * restarts ({@code PARLEY_DATA_DIR}, default {@code .parley/postgres}).
 *
 * <p>It keeps what it acknowledged, as a production server does: every commit is flushed to disk before the runtime
 * answers 200 ({@link #SERVER_CONFIG}), so neither a crash of the runtime, of the server, nor of the machine loses
 * an update that was answered 200. When the server dies, {@link LocalDatabaseSupervisor} starts it again.
 */
public final class LocalDatabase {

    private static final Logger LOG = Logger.getLogger(LocalDatabase.class);

    static final String DATA_DIR_ENV = "PARLEY_DATA_DIR";
    static final String PORT_ENV = "PARLEY_LOCAL_DB_PORT";
    private static final int DEFAULT_PORT = 54329;

    /**
     * The server's settings. zonky's defaults are made for throwaway test servers: {@code -F} (fsync off) and
     * {@code synchronous_commit=off}, under which the commits of the last fraction of a second before a crash are
     * lost although the runtime answered 200 for them (the channel never delivers them again). Here, as in
     * PostgreSQL's own defaults: fsync, synchronous_commit and full_page_writes on. A {@code -c} given after zonky's
     * {@code -F} wins over it; {@link LocalDatabaseTest} checks what the server reports.
     */
    static final Map<String, String> SERVER_CONFIG = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on",
            // zonky's other defaults, kept.
            "timezone", "UTC",
            "max_connections", "300");

    /** A start after a crash replays the WAL written since the last checkpoint before it answers. */
    private static final Duration STARTUP_WAIT = LocalDatabaseSupervisor.START_TIMEOUT;

    /** Held so the level set below stays: runs before Quarkus has configured logging, when everything is logged. */
    private static final java.util.logging.Logger ZONKY_LOG = java.util.logging.Logger.getLogger("io.zonky");

    private static volatile LocalDatabaseSupervisor supervisor;

    private LocalDatabase() {
    }

    /** Starts the local server and points the datasource at it, unless a database is configured. */
    public static void startIfNoneConfigured() {
        if (setting("PARLEY_DB_HOST", "parley.db.host") != null) {
            return;
        }
        Path dataDir = Path.of(valueOr(setting(DATA_DIR_ENV, "parley.data-dir"), ".parley/postgres")).toAbsolutePath();
        int port = Integer.parseInt(valueOr(setting(PORT_ENV, "parley.local-db-port"), String.valueOf(DEFAULT_PORT)));
        EmbeddedPostgres postgres = start(dataDir, port);
        LocalDatabaseSupervisor watching = LocalDatabaseSupervisor.watch(dataDir, postgres.getPort(), SERVER_CONFIG);
        supervisor = watching;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            watching.stop();
            close(postgres); // pg_ctl stop on the data directory: whichever postmaster runs there now
        }, "local-postgres-stop"));

        System.setProperty("parley.db.host", "localhost");
        System.setProperty("parley.db.port", String.valueOf(postgres.getPort()));
        System.setProperty("parley.db.name", "postgres");
        System.setProperty("parley.db.user", "postgres");
        System.setProperty("parley.db.password", "postgres");
        // A person trying Parley gets a catalog to order from, unless they say otherwise.
        if (setting("PARLEY_DEMO_CATALOG", "parley.demo-catalog") == null) {
            System.setProperty("parley.demo-catalog", "true");
        }
        // ... and the order agent to place orders with, unless a flow or a bot.json is given.
        if (setting("PARLEY_FLOW", "parley.flow") == null && setting("PARLEY_BOT_CONFIG", "parley.bot.config") == null) {
            System.setProperty("parley.flow", "orderAgent");
        }
        // A person running Parley on their machine reads the log: plain text unless PARLEY_LOG_JSON says otherwise.
        if (setting("PARLEY_LOG_JSON", "quarkus.log.console.json.enabled") == null) {
            System.setProperty("quarkus.log.console.json.enabled", "false");
        }
        LOG.infof("No database configured (PARLEY_DB_HOST): started a local PostgreSQL on port %d with its data in %s",
                postgres.getPort(), dataDir);
    }

    /** The supervisor of the local server, when this runtime started one. */
    static Optional<LocalDatabaseSupervisor> supervisor() {
        return Optional.ofNullable(supervisor);
    }

    static EmbeddedPostgres start(Path dataDir, int port) {
        ZONKY_LOG.setLevel(java.util.logging.Level.WARNING);
        try {
            Files.createDirectories(dataDir);
            stopServerLeftRunning(dataDir);
            // The server's own log goes beside its data rather than into the runtime's log.
            ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling("postgres.log").toFile());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setOutputRedirector(serverLog)
                    .setErrorRedirector(serverLog)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setRegisterShutdownHook(false);
            SERVER_CONFIG.forEach(builder::setServerConfig);
            return builder.start();
        } catch (IllegalStateException e) {
            if (!isLockHeld(e)) {
                throw e;
            }
            throw new IllegalStateException("Another process is using the local PostgreSQL data in " + dataDir
                    + "; stop it, or set " + DATA_DIR_ENV + " to another directory", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the local PostgreSQL in " + dataDir
                    + " on port " + port + " (set " + DATA_DIR_ENV + " or " + PORT_ENV + ", or PARLEY_DB_HOST for an existing server)", e);
        }
    }

    /**
     * A runtime that was killed (SIGKILL, OOM killer) leaves its server running. The next start's postmaster then
     * refuses the data directory, and zonky, which does not look at pg_ctl's exit, carries on with whatever answers
     * on the port: a server this runtime did not start and does not watch, with the settings of whoever started it
     * (an earlier version's fsync off, say). Such a server has nobody holding the data directory's lock any more
     * (zonky's {@code epg-lock}, held by the runtime that started it): it is stopped (a fast shutdown, which keeps
     * every commit) and started afresh. A server whose runtime still runs holds the lock and is left alone; the start
     * then fails saying so.
     */
    private static void stopServerLeftRunning(Path dataDir) throws IOException {
        Optional<ProcessHandle> left = LocalDatabaseSupervisor.runningPostmaster(dataDir);
        if (left.isEmpty() || !lockIsFree(dataDir.resolve("epg-lock"))) {
            return;
        }
        ProcessHandle postmaster = left.get();
        Path binary = Path.of(postmaster.info().command().orElseThrow());
        LOG.warnf("A local PostgreSQL (PID %d) was left running on %s by a runtime that ended without stopping it; stopping it first",
                postmaster.pid(), dataDir);
        try {
            int exit = LocalDatabaseSupervisor.pgCtl(binary, dataDir, "stop", "-m", "fast", "-w", "-t", "60").waitFor();
            if (exit != 0) {
                throw new IOException("pg_ctl stop exited with " + exit + " for the PostgreSQL left running in " + dataDir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the PostgreSQL left running in " + dataDir, e);
        }
    }

    private static boolean lockIsFree(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false; // held in this JVM
        }
    }

    /** zonky refuses a data directory whose lock file another server (in this JVM or another) holds. */
    private static boolean isLockHeld(IllegalStateException e) {
        return e instanceof java.nio.channels.OverlappingFileLockException
                || (e.getMessage() != null && e.getMessage().startsWith("could not lock"));
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Could not stop the local PostgreSQL cleanly", e);
        }
    }

    private static String setting(String env, String property) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? null : value;
    }

    private static String valueOr(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
