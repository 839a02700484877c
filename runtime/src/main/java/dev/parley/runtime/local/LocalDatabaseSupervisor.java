package dev.parley.runtime.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * Keeps the local PostgreSQL running, as a service manager keeps a server running: it notices when the postmaster is
 * gone (killed, crashed, taken by the OOM killer) and starts it again on the same data directory and port. The
 * server replays its WAL on the way up (crash recovery), so it comes back with every commit it acknowledged; until
 * then the runtime answers 503 (the channels deliver again), and its pool connects again by itself.
 *
 * <p>The server is started again with the binaries and settings of the first start ({@code pg_ctl start}, which
 * waits for the end of recovery). Two leftovers of a killed server are handled: its {@code postmaster.pid} stays
 * and the new postmaster checks it itself (a PID that is gone means a stale file; the old shared memory still in use
 * means the old server's backends have not all exited yet, and the start is tried again shortly); only when that PID
 * now belongs to another program, which the new postmaster would take for a running server, and no process of the
 * old server is left, is the file removed here.
 */
final class LocalDatabaseSupervisor {

    private static final Logger LOG = Logger.getLogger(LocalDatabaseSupervisor.class);

    static final Duration CHECK_EVERY = Duration.ofMillis(500);
    /** How long a start may take, crash recovery included, before pg_ctl gives up waiting (the server goes on). */
    static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Path dataDir;
    private final int port;
    private final Map<String, String> serverConfig;
    /** {@code bin/postgres} of the first server: pg_ctl is beside it. */
    private final Path postgresBinary;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "local-postgres-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong restarts = new AtomicLong();

    /** The postmaster being watched; a ProcessHandle also tells a reused PID from the process it was taken for. */
    private volatile ProcessHandle postmaster;
    private volatile boolean stopping;
    private volatile Process starting;
    private int failedStarts;
    private long nextStartNanos;

    private LocalDatabaseSupervisor(Path dataDir, int port, Map<String, String> serverConfig, ProcessHandle postmaster, Path postgresBinary) {
        this.dataDir = dataDir;
        this.port = port;
        this.serverConfig = serverConfig;
        this.postmaster = postmaster;
        this.postgresBinary = postgresBinary;
    }

    /** Watches the server just started in {@code dataDir}. */
    static LocalDatabaseSupervisor watch(Path dataDir, int port, Map<String, String> serverConfig) {
        ProcessHandle postmaster = runningPostmaster(dataDir)
                .orElseThrow(() -> new IllegalStateException("the local PostgreSQL in " + dataDir + " runs no postmaster"));
        Path binary = postmaster.info().command().map(Path::of)
                .orElseThrow(() -> new IllegalStateException("cannot tell the local PostgreSQL's binary from its postmaster " + postmaster.pid()));
        LocalDatabaseSupervisor supervisor = new LocalDatabaseSupervisor(dataDir, port, serverConfig, postmaster, binary);
        supervisor.timer.scheduleWithFixedDelay(supervisor::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return supervisor;
    }

    long restarts() {
        return restarts.get();
    }

    long postmasterPid() {
        return postmaster.pid();
    }

    /** Stops watching (the runtime is stopping, and stops the server itself); a start under way is abandoned. */
    void stop() {
        stopping = true;
        timer.shutdownNow();
        Process start = starting;
        if (start != null) {
            start.destroy();
        }
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void check() {
        try {
            if (stopping || postmaster.isAlive() || System.nanoTime() < nextStartNanos) {
                return;
            }
            // A start that pg_ctl gave up waiting for may have gone on, and finished since.
            Optional<ProcessHandle> running = runningPostmaster(dataDir).filter(this::isServerOf);
            if (running.isPresent()) {
                adopt(running.get());
                return;
            }
            if (failedStarts == 0) {
                LOG.warnf("The local PostgreSQL is gone (postmaster PID %d); starting it again on port %d with the data in %s",
                        postmaster.pid(), port, dataDir);
            }
            long startedNanos = System.nanoTime();
            startAgain();
            ProcessHandle started = runningPostmaster(dataDir)
                    .orElseThrow(() -> new IllegalStateException("pg_ctl started no postmaster"));
            adopt(started);
            LOG.infof("Started the local PostgreSQL again after it died: postmaster PID %d on port %d, ready after %d ms (crash recovery included)",
                    started.pid(), port, Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
        } catch (Exception e) {
            if (stopping) {
                return;
            }
            failedStarts++;
            Duration backoff = Duration.ofSeconds(1L << Math.min(failedStarts - 1, 5));
            backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
            nextStartNanos = System.nanoTime() + backoff.toNanos();
            LOG.warnf("Could not start the local PostgreSQL again (attempt %d: %s); trying again in %d s (its log: %s)",
                    failedStarts, e.getMessage(), backoff.toSeconds(), dataDir.resolveSibling("postgres.log"));
        }
    }

    private void adopt(ProcessHandle started) {
        postmaster = started;
        failedStarts = 0;
        nextStartNanos = 0;
        restarts.incrementAndGet();
    }

    private void startAgain() throws IOException, InterruptedException {
        removePidFileOfAnotherProgram();
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port)));
        serverConfig.forEach((key, value) -> options.addAll(List.of("-c", key + "=" + value)));
        Process start = pgCtl(postgresBinary, dataDir, "-o", String.join(" ", options), "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()), "start");
        starting = start;
        try {
            int exit = start.waitFor();
            if (exit != 0) {
                throw new IOException("pg_ctl start exited with " + exit);
            }
        } finally {
            starting = null;
        }
    }

    /**
     * A killed postmaster leaves its {@code postmaster.pid}. The new postmaster refuses to start while the PID in it
     * runs, taking it for a server still running; after a kill that PID may have been given to another program. Then,
     * once no process of the old server is left (its backends exit when they notice the postmaster gone), the file is
     * stale, and removed.
     */
    private void removePidFileOfAnotherProgram() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<ProcessHandle> holder = pidInFile(pidFile).flatMap(ProcessHandle::of);
        if (holder.isEmpty() || isServerOf(holder.get())) {
            return; // gone, or a server: the postmaster decides
        }
        List<Long> oldServer = ProcessHandle.allProcesses().filter(this::isServerOf).map(ProcessHandle::pid).toList();
        if (!oldServer.isEmpty()) {
            throw new IOException("processes of the old server still run: " + oldServer);
        }
        LOG.infof("Removing the stale %s: its PID %d belongs to another program now", pidFile, holder.get().pid());
        Files.deleteIfExists(pidFile);
    }

    /** A process of this binary whose working directory is the data directory (Linux; elsewhere: any of this binary). */
    private boolean isServerOf(ProcessHandle process) {
        if (!process.info().command().map(Path::of).map(postgresBinary::equals).orElse(false)) {
            return false;
        }
        try {
            return Files.isSameFile(Path.of("/proc", String.valueOf(process.pid()), "cwd"), dataDir);
        } catch (IOException e) {
            return true; // cannot tell (no /proc, or it has just exited): counted, to be safe
        }
    }

    /**
     * Runs {@code pg_ctl} (beside {@code postgres}) on {@code dataDir}, its output appended to the server's log. As
     * zonky does: PostgreSQL refuses to run as root, so as root it runs in a user namespace of its own
     * ({@code unshare -U}), where it is not.
     */
    static Process pgCtl(Path postgresBinary, Path dataDir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgresBinary.resolveSibling("pg_ctl").toString(), "-D", dataDir.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling("postgres.log").toFile())).start();
    }

    /** The postmaster running on {@code dataDir}, from its {@code postmaster.pid}, if it runs. */
    static Optional<ProcessHandle> runningPostmaster(Path dataDir) {
        return pidInFile(dataDir.resolve("postmaster.pid")).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false));
    }

    private static Optional<Long> pidInFile(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // no file (a clean stop removes it), or one being written
        }
    }
}
