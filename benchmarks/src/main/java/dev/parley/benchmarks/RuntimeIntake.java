package dev.parley.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.PostgresServer;
import dev.parley.testing.RuntimeProcess;
import dev.parley.testing.TestServers;

/**
 * benchmarks/run runtime-intake: the packaged runtime (bot {@code shop}, Telegram, the echo flow) on real
 * PostgreSQL, its webhook posted to by {@code concurrency} senders, each sending text updates from chats picked at
 * random, one after the other. Measures updates/s and the p50/p99 latency of the webhook's 200 (which the runtime
 * gives after the update's transaction commits), the time from process start to the first 200, and the runtime's
 * peak RSS. The Bot API is a local stand-in that accepts every send, so the outbox delivers for real; Telegram's
 * per-chat spacing and 30 messages/s limit pace that delivery, which is why the outbox backlog grows.
 *
 * <p>As the reference, pgbench runs the statements the runtime runs per text update, in one transaction, against the
 * same database and schema with as many clients: what PostgreSQL alone sustains on this machine.
 *
 * <p>How it is measured: first a warm-up until the runtime's JIT compilers have settled (on two cores C2 otherwise
 * takes a fifth of the machine for the first minute or two). Then {@link #ROUNDS} rounds, each the runtime under load
 * and then pgbench, alternately, so that both meet the same machine, whose speed drifts from minute to minute on a
 * shared host. While pgbench runs the runtime is stopped (SIGSTOP), so that nothing of it competes with pgbench.
 * {@code seconds} is the measured time of each side, split over the rounds.
 *
 * <p>Not durable, and it says so when it starts: the database is the test server ({@link PostgresServer}, fsync and
 * synchronous_commit off), not the runtime's own local database, which flushes every commit before the 200.
 *
 * <p>The runtime's connection pool ({@code PARLEY_DB_POOL_SIZE}, default 10) is raised to the concurrency, so that
 * it may hold as many connections as pgbench; set {@code PARLEY_DB_POOL_SIZE} for {@code benchmarks/run} to choose
 * another size.
 */
public final class RuntimeIntake {

    private static final String BOT = "shop";
    static final String SCHEMA = "bot_shop";
    private static final String TOKEN = "987654:AAF-benchmark-token";
    static final String SECRET = "benchmark-webhook-secret";
    /** Measured rounds: the runtime, then pgbench, alternately, so that both meet the same machine (whose speed drifts). */
    private static final int ROUNDS = 3;
    /**
     * Warm-up runs in slices until the runtime's JIT compilers have settled (used under {@link #JIT_SETTLED} of a
     * core in each of the last two slices: C2 works in bursts), at least {@link #MIN_WARM_UP} and at most {@link #MAX_WARM_UP}: on two cores the C2
     * compiler otherwise still takes a fifth of the machine well into the measurement.
     */
    private static final Duration WARM_UP_SLICE = Duration.ofSeconds(5);
    private static final Duration MIN_WARM_UP = Duration.ofSeconds(20);
    private static final Duration MAX_WARM_UP = Duration.ofSeconds(180);
    private static final double JIT_SETTLED = 0.03;
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final int DEFAULT_POOL_SIZE = 10;

    private RuntimeIntake() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 16, args.length > 1 ? Integer.parseInt(args[1]) : 30,
                    args.length > 2 ? Integer.parseInt(args[2]) : 1000);
        } catch (Exception e) {
            System.err.println("runtime-intake failed: " + e.getMessage());
            e.printStackTrace();
            status = 1;
        }
        // The Bot API stand-in's and the HTTP client's threads would keep the JVM up.
        System.exit(status);
    }

    private static void run(int concurrency, int seconds, int chats) throws Exception {
        Path jar = Path.of(System.getProperty("parley.runtimeJar", "runtime/target/quarkus-app/quarkus-run.jar"));
        String poolSizeSetting = System.getenv("PARLEY_DB_POOL_SIZE");
        int poolSize = poolSizeSetting != null ? Integer.parseInt(poolSizeSetting) : Math.max(DEFAULT_POOL_SIZE, concurrency);
        int cores = Runtime.getRuntime().availableProcessors();
        Duration round = Duration.ofSeconds(Math.max(1, seconds / ROUNDS));

        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("runtime_intake");
        long postmaster = postmasterPid(postgres, database);
        System.out.printf("runtime-intake: %d concurrent senders, %d chats; after the warm-up, %d rounds of %d s of the runtime, each followed by %d s of pgbench; %s, %d cores%n",
                concurrency, chats, ROUNDS, round.toSeconds(), round.toSeconds(), serverVersion(postgres, database), cores);
        // Opting out of durability, and saying so: both sides commit without waiting for a WAL flush.
        System.out.println("runtime-intake: NOT DURABLE, on purpose: the test server (PostgresServer) runs with fsync and synchronous_commit off,"
                + " for the runtime and pgbench alike, so no commit waits for the disk; the runtime's own local database and a production"
                + " server do wait, and take fewer updates/s on a slow disk");
        Path workDir = TestServers.workDir("pgbench");
        Path script = workDir.resolve("runtime-intake.sql");
        Files.writeString(script, Pgbench.script(chats));

        Usage runtimeSide = new Usage();
        Usage pgbenchSide = new Usage();
        List<WebhookLoad.Phase> intakeRounds = new ArrayList<>();
        List<Pgbench> pgbenchRounds = new ArrayList<>();
        double firstRequestSeconds;
        long rssMb;
        try (BotApiStandIn telegram = new BotApiStandIn()) {
            Map<String, String> env = new HashMap<>();
            env.put("PARLEY_BOT_NAME", BOT);
            env.put("PARLEY_DB_HOST", "localhost");
            env.put("PARLEY_DB_PORT", String.valueOf(postgres.port()));
            env.put("PARLEY_DB_NAME", database);
            env.put("PARLEY_DB_USER", PostgresServer.USER);
            env.put("PARLEY_DB_PASSWORD", PostgresServer.PASSWORD);
            env.put("PARLEY_DB_SCHEMA", SCHEMA);
            env.put("PARLEY_DB_POOL_SIZE", String.valueOf(poolSize));
            env.put("PARLEY_TELEGRAM_TOKEN", TOKEN);
            env.put("PARLEY_TELEGRAM_WEBHOOK_SECRET", SECRET);
            env.put("PARLEY_TELEGRAM_API_URL", telegram.url());
            env.put("PARLEY_PUBLIC_URL", "https://" + BOT + ".example.com");
            env.put("PARLEY_CONSOLE_ENABLED", "false");
            System.out.printf("runtime: JVM -Xmx512m (RuntimeProcess), PARLEY_DB_POOL_SIZE=%d%s%n", poolSize,
                    poolSizeSetting != null ? " (from the environment)"
                            : poolSize > DEFAULT_POOL_SIZE ? " (raised from the default 10 to the concurrency: as many connections as pgbench has)"
                                    : " (the default)");

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
            long startNanos = System.nanoTime();
            RuntimeProcess runtime = RuntimeProcess.start(jar, "intake", env, runtimeJvmOptions());
            try {
                URI webhook = URI.create(runtime.url() + "/webhooks/" + BOT + "/telegram");
                firstRequestSeconds = WebhookLoad.awaitFirstRequest(http, webhook, runtime, startNanos);
                System.out.printf("runtime: first webhook update answered 200 after %.2f s (from process start)%n", firstRequestSeconds);

                warmUp(http, webhook, runtime, concurrency, chats);
                double processedBefore = runtime.metric("parley_updates_processed_total");
                for (int i = 1; i <= ROUNDS; i++) {
                    Usage before = Usage.now(runtime.pid(), postmaster);
                    WebhookLoad.Phase intake = WebhookLoad.load(http, webhook, concurrency, chats, round);
                    Usage after = Usage.now(runtime.pid(), postmaster);
                    runtimeSide.add(before, after);
                    double jitShare = (after.jit - before.jit) / intake.seconds();
                    intakeRounds.add(intake);

                    // The runtime is stopped while pgbench runs, so that its timers, outbox and JIT take nothing from it.
                    signal(runtime.pid(), "STOP");
                    try {
                        before = Usage.now(runtime.pid(), postmaster);
                        Pgbench reference = Pgbench.run(postgres, database, concurrency, round, script, workDir, i);
                        pgbenchSide.add(before, Usage.now(runtime.pid(), postmaster));
                        pgbenchRounds.add(reference);
                        System.out.printf("  round %d/%d: runtime %.1f updates/s (p99 %.1f ms, JIT %.0f%% of a core, %s), pgbench %.1f tps: ratio %.2f%n", i, ROUNDS,
                                intake.perSecond(), intake.percentileMs(0.99), jitShare * 100, intake.errorText(), reference.tps(), intake.perSecond() / reference.tps());
                    } finally {
                        signal(runtime.pid(), "CONT");
                    }
                }
                double processed = runtime.metric("parley_updates_processed_total") - processedBefore;
                rssMb = runtime.peakRssMb();
                System.out.printf("  processed by the runtime (parley_updates_processed_total) in the rounds: %.0f%n", processed);
                System.out.printf("  outbox: backlog %.0f (parley_outbox_backlog, counted every 5 s), %d sendMessage calls to the Bot API stand-in so far;%n"
                        + "  Telegram's 1 s spacing per chat and 30 messages/s limit pace delivery, so the backlog grows: this benchmark measures intake%n",
                        runtime.metric("parley_outbox_backlog"), telegram.sends());
            } finally {
                runtime.stop();
            }
        }

        WebhookLoad.Phase intake = WebhookLoad.Phase.merge(intakeRounds);
        System.out.printf("runtime: %.1f updates/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d updates answered 200 in %.1f s, %s%n",
                intake.perSecond(), intake.percentileMs(0.50), intake.percentileMs(0.99), intake.percentileMs(1.0),
                intake.updates(), intake.seconds(), intake.errorText());
        System.out.printf("  CPU: runtime %.1f s (of which its JIT compilers %.1f s), PostgreSQL %.1f s, load generator %.1f s (of %.1f s on %d cores)%n",
                runtimeSide.runtime, runtimeSide.jit, runtimeSide.postgres, runtimeSide.own, intake.seconds() * cores, cores);
        System.out.printf("  CPU per update: runtime %.3f ms, PostgreSQL %.3f ms, load generator %.3f ms%n",
                1000 * runtimeSide.runtime / intake.updates(), 1000 * runtimeSide.postgres / intake.updates(), 1000 * runtimeSide.own / intake.updates());
        System.out.printf("  runtime peak RSS %d MB%n", rssMb);

        long transactions = pgbenchRounds.stream().mapToLong(Pgbench::transactions).sum();
        double pgbenchSeconds = pgbenchRounds.stream().mapToDouble(r -> r.transactions() / r.tps()).sum();
        long[] pgbenchLatencies = pgbenchRounds.stream().flatMapToLong(r -> Arrays.stream(r.latencyNanos())).sorted().toArray();
        double tps = transactions / pgbenchSeconds;
        System.out.printf("pgbench (-M prepared, %d clients, script %s): %.1f tps, p50 %.1f ms, p99 %.1f ms (from its per-transaction logs); last round's report:%n",
                concurrency, script, tps, WebhookLoad.percentileMs(pgbenchLatencies, 0.50), WebhookLoad.percentileMs(pgbenchLatencies, 0.99));
        pgbenchRounds.get(pgbenchRounds.size() - 1).output().lines().forEach(line -> System.out.println("  | " + line));
        System.out.printf("  CPU: PostgreSQL %.1f s, pgbench %.1f s, the stopped runtime %.1f s (of %.1f s on %d cores)%n",
                pgbenchSide.postgres, pgbenchSide.children, pgbenchSide.runtime, pgbenchSeconds * cores, cores);
        System.out.printf("  CPU per transaction: PostgreSQL %.3f ms, pgbench %.3f ms%n",
                1000 * pgbenchSide.postgres / transactions, 1000 * pgbenchSide.children / transactions);

        double ratio = intake.perSecond() / tps;
        double p99 = intake.percentileMs(0.99);
        boolean met = ratio >= 0.5 && p99 <= 250;
        System.out.printf("runtime %.1f updates/s vs pgbench %.1f tps: ratio %.2f (goal >= 0.50); runtime p99 %.1f ms (goal <= 250 ms): goal %s%n",
                intake.perSecond(), tps, ratio, p99, met ? "met" : "NOT met");
        System.out.printf("RESULT runtime-intake updates_per_s=%.1f p50_ms=%.1f p99_ms=%.1f pgbench_tps=%.1f ratio=%.2f rss_mb=%d first_request_s=%.2f%n",
                intake.perSecond(), intake.percentileMs(0.50), p99, tps, ratio, rssMb, firstRequestSeconds);
    }

    /** CPU seconds used during one side's rounds, summed: the runtime (and its JIT), PostgreSQL, this JVM, pgbench. */
    private static final class Usage {
        double runtime;
        double jit;
        double postgres;
        double own;
        double children;

        static Usage now(long runtimePid, long postmaster) {
            Usage now = new Usage();
            now.runtime = CpuTime.seconds(runtimePid);
            now.jit = CpuTime.jit(runtimePid);
            now.postgres = CpuTime.tree(postmaster);
            now.own = CpuTime.seconds(ProcessHandle.current().pid());
            now.children = childrenCpu();
            return now;
        }

        void add(Usage before, Usage after) {
            runtime += after.runtime - before.runtime;
            jit += after.jit - before.jit;
            postgres += after.postgres - before.postgres;
            own += after.own - before.own;
            children += after.children - before.children;
        }
    }

    /** kill -STOP / -CONT. */
    private static void signal(long pid, String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " exited with " + exit);
        }
    }

    /** Load in slices until the runtime's JIT has settled (see {@link #JIT_SETTLED}), printing each slice. */
    private static void warmUp(HttpClient http, URI webhook, RuntimeProcess runtime, int concurrency, int chats) throws Exception {
        System.out.printf("warming up in %d s slices until the runtime's JIT compilers use under %.0f%% of a core in two in a row (%d s to %d s) ...%n",
                WARM_UP_SLICE.toSeconds(), JIT_SETTLED * 100, MIN_WARM_UP.toSeconds(), MAX_WARM_UP.toSeconds());
        long start = System.nanoTime();
        int quietSlices = 0;
        while (true) {
            double jit = CpuTime.jit(runtime.pid());
            WebhookLoad.Phase slice = WebhookLoad.load(http, webhook, concurrency, chats, WARM_UP_SLICE);
            // Scraped as Prometheus would be, every few seconds: its code is warm too when the rounds read the metric.
            double processed = runtime.metric("parley_updates_processed_total");
            double jitShare = (CpuTime.jit(runtime.pid()) - jit) / slice.seconds();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("  warm-up %3d s: %.1f updates/s, p99 %.1f ms, JIT %.0f%% of a core, %s, %.0f processed so far%n",
                    elapsed.toSeconds(), slice.perSecond(), slice.percentileMs(0.99), jitShare * 100, slice.errorText(), processed);
            if (elapsed.compareTo(MAX_WARM_UP) >= 0) {
                System.out.println("  the JIT has not settled; measuring anyway");
                return;
            }
            quietSlices = jitShare < JIT_SETTLED ? quietSlices + 1 : 0;
            if (elapsed.compareTo(MIN_WARM_UP) >= 0 && quietSlices >= 2) {
                return;
            }
        }
    }

    /** Extra JVM options for the runtime, for experiments: PARLEY_RUNTIME_JVM_OPTIONS (benchmarks/run passes them on). */
    private static String[] runtimeJvmOptions() {
        String options = System.getProperty("parley.runtime.jvmOptions", "").trim();
        return options.isEmpty() ? new String[0] : options.split("\\s+");
    }

    /** CPU of the processes this JVM started and has waited for (pgbench, once it exits). */
    private static double childrenCpu() {
        long self = ProcessHandle.current().pid();
        return CpuTime.withExitedChildren(self) - CpuTime.seconds(self);
    }

    /** The postmaster: the parent of this connection's backend. */
    private static long postmasterPid(PostgresServer postgres, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return ProcessHandle.of(rows.getLong(1)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)
                    .orElseThrow(() -> new IllegalStateException("cannot find PostgreSQL's postmaster process"));
        }
    }

    private static String serverVersion(PostgresServer postgres, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit')")) {
            rows.next();
            return "PostgreSQL %s (fsync %s, synchronous_commit %s)".formatted(rows.getString(1), rows.getString(2), rows.getString(3));
        }
    }

}
