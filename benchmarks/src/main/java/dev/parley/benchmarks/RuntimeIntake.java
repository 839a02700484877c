package dev.parley.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.parley.runtime.conversation.ConversationRouter;
import dev.parley.runtime.conversation.Conversations;
import dev.parley.runtime.outbox.Outbox;
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
    private static final String SCHEMA = "bot_shop";
    private static final String TOKEN = "987654:AAF-benchmark-token";
    private static final String SECRET = "benchmark-webhook-secret";
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
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final int DEFAULT_POOL_SIZE = 10;

    /**
     * The runtime's statements for one new text update, taken from the runtime's own classes so that they cannot
     * drift: the router's intake statement, the conversation's lock and save, the reply into the outbox. pgbench
     * binds their parameters from its variables; those that do not change come with {@code -D} ({@link #PGBENCH_VARIABLES}),
     * the echo flow's new state, data and reply among them.
     */
    static String pgbenchScript(int chats) {
        return "\\set chat random(1, " + chats + ")\n"
                + "\\set key random(1, 9000000000000000000)\n"
                + "BEGIN;\n"
                + bind(ConversationRouter.RECORD, "channel", "key", "chat", "chat", "name", "language", "state") + ";\n"
                + bind(Conversations.LOCK, "channel", "chat") + ";\n"
                + bind(Conversations.SAVE, "channel", "chat", "state", "data") + ";\n"
                + bind(Outbox.ENQUEUE, "channel", "chat", "payload") + ";\n"
                + "COMMIT;\n";
    }

    /** The values of the script's variables that are the same in every transaction. */
    static final List<String> PGBENCH_VARIABLES = List.of("channel=telegram", "name=Customer", "language=en", "state=echoing",
            "data={\"count\": 1}", "payload={\"text\": \"#1 you said: hello\", \"buttons\": []}");

    /** The statement with its parameters $1, $2 ... written as pgbench variables, in that order. */
    private static String bind(String statement, String... variables) {
        return Pattern.compile("\\$(\\d+)").matcher(statement).replaceAll(m -> ":" + variables[Integer.parseInt(m.group(1)) - 1]);
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private static final AtomicInteger UPDATE_IDS = new AtomicInteger();

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
        Files.writeString(script, pgbenchScript(chats));

        Usage runtimeSide = new Usage();
        Usage pgbenchSide = new Usage();
        List<Phase> intakeRounds = new ArrayList<>();
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
                firstRequestSeconds = awaitFirstRequest(http, webhook, runtime, startNanos);
                System.out.printf("runtime: first webhook update answered 200 after %.2f s (from process start)%n", firstRequestSeconds);

                warmUp(http, webhook, runtime, concurrency, chats);
                double processedBefore = runtime.metric("parley_updates_processed_total");
                for (int i = 1; i <= ROUNDS; i++) {
                    Usage before = Usage.now(runtime.pid(), postmaster);
                    Phase intake = load(http, webhook, concurrency, chats, round);
                    Usage after = Usage.now(runtime.pid(), postmaster);
                    runtimeSide.add(before, after);
                    double jitShare = (after.jit - before.jit) / intake.seconds();
                    intakeRounds.add(intake);

                    // The runtime is stopped while pgbench runs, so that its timers, outbox and JIT take nothing from it.
                    signal(runtime.pid(), "STOP");
                    try {
                        before = Usage.now(runtime.pid(), postmaster);
                        Pgbench reference = pgbench(postgres, database, concurrency, round, script, workDir, i);
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

        Phase intake = Phase.merge(intakeRounds);
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
                concurrency, script, tps, percentileMs(pgbenchLatencies, 0.50), percentileMs(pgbenchLatencies, 0.99));
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
            Phase slice = load(http, webhook, concurrency, chats, WARM_UP_SLICE);
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

    /** Posts real updates until one is answered 200; seconds since {@code startNanos}. */
    private static double awaitFirstRequest(HttpClient http, URI webhook, RuntimeProcess runtime, long startNanos) throws InterruptedException {
        long deadline = startNanos + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!runtime.isAlive()) {
                throw new IllegalStateException("the runtime exited during startup:\n" + runtime.tail(40));
            }
            try {
                if (post(http, webhook, 1) == 200) {
                    return (System.nanoTime() - startNanos) / 1e9;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no webhook update answered 200 in " + STARTUP_TIMEOUT + ":\n" + runtime.tail(40));
    }

    /** What one phase of the load measured: updates answered 200, their latencies (sorted), the other answers. */
    private record Phase(long updates, double seconds, long[] latencyNanos, Map<String, Long> errors) {

        double perSecond() {
            return updates / seconds;
        }

        double percentileMs(double quantile) {
            return RuntimeIntake.percentileMs(latencyNanos, quantile);
        }

        static Phase merge(List<Phase> phases) {
            Map<String, Long> errors = new TreeMap<>();
            phases.forEach(p -> p.errors().forEach((kind, count) -> errors.merge(kind, count, Long::sum)));
            return new Phase(phases.stream().mapToLong(Phase::updates).sum(), phases.stream().mapToDouble(Phase::seconds).sum(),
                    phases.stream().flatMapToLong(p -> Arrays.stream(p.latencyNanos())).sorted().toArray(), errors);
        }

        String errorText() {
            long total = errors.values().stream().mapToLong(Long::longValue).sum();
            return total == 0 ? "0 errors" : total + " errors " + errors;
        }
    }

    /** Nearest-rank percentile of sorted latencies, in ms. */
    private static double percentileMs(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    /**
     * {@code concurrency} senders, each posting one update after the other over its own keep-alive connection until
     * {@code duration} has passed. A plain socket rather than java.net.http: the load generator shares the machine's
     * two cores with the runtime and PostgreSQL, and the JDK client costs ten times as much CPU per request.
     */
    private static Phase load(HttpClient http, URI webhook, int concurrency, int chats, Duration duration) throws InterruptedException {
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        long[][] latencies = new long[concurrency][];
        Thread[] senders = new Thread[concurrency];
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int i = 0; i < concurrency; i++) {
            int sender = i;
            senders[i] = new Thread(() -> {
                long[] own = new long[4096];
                int count = 0;
                KeepAlive connection = null;
                while (System.nanoTime() < deadline) {
                    long chat = ThreadLocalRandom.current().nextInt(1, chats + 1);
                    long sent = System.nanoTime();
                    try {
                        if (connection == null) {
                            connection = new KeepAlive(webhook);
                        }
                        int status = connection.post(update(chat));
                        if (status == 200) {
                            if (count == own.length) {
                                own = Arrays.copyOf(own, count * 2);
                            }
                            own[count++] = System.nanoTime() - sent;
                        } else {
                            errors.computeIfAbsent("HTTP " + status, k -> new LongAdder()).increment();
                        }
                    } catch (IOException e) {
                        errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                        KeepAlive.close(connection);
                        connection = null;
                    }
                }
                KeepAlive.close(connection);
                latencies[sender] = Arrays.copyOf(own, count);
            }, "sender-" + i);
            senders[i].start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = Stream.of(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
        return new Phase(all.length, seconds, all, errorCounts);
    }

    /** Extra JVM options for the runtime, for experiments: PARLEY_RUNTIME_JVM_OPTIONS (benchmarks/run passes them on). */
    private static String[] runtimeJvmOptions() {
        String options = System.getProperty("parley.runtime.jvmOptions", "").trim();
        return options.isEmpty() ? new String[0] : options.split("\\s+");
    }

    /** A Telegram text update from a private chat, shaped as Telegram sends it, with a fresh update_id. */
    private static String update(long chat) {
        int updateId = UPDATE_IDS.incrementAndGet();
        return ("{\"update_id\":%d,\"message\":{\"message_id\":%d,\"date\":1700000000,"
                + "\"chat\":{\"id\":%d,\"type\":\"private\"},"
                + "\"from\":{\"id\":%d,\"is_bot\":false,\"first_name\":\"Customer %d\"},\"text\":\"hello\"}}")
                .formatted(updateId, updateId, chat, chat, chat);
    }

    private static int post(HttpClient http, URI webhook, long chat) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update(chat)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** HTTP/1.1 POSTs over one kept-alive socket, reading each answer's status and Content-Length body. */
    private static final class KeepAlive {
        private final java.net.Socket socket;
        private final java.io.OutputStream out;
        private final java.io.BufferedInputStream in;
        private final String head;

        KeepAlive(URI webhook) throws IOException {
            socket = new java.net.Socket(webhook.getHost(), webhook.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new java.io.BufferedInputStream(socket.getInputStream());
            head = "POST " + webhook.getPath() + " HTTP/1.1\r\nHost: " + webhook.getHost() + ":" + webhook.getPort()
                    + "\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: " + SECRET + "\r\nContent-Length: ";
        }

        int post(String body) throws IOException {
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.write((head + bytes.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            String status = line();
            int length = 0;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            }
            in.skipNBytes(length);
            return Integer.parseInt(status.split(" ")[1]);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) {
                    throw new java.io.EOFException("the runtime closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        static void close(KeepAlive connection) {
            if (connection != null) {
                try {
                    connection.socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    /** One pgbench run: its transactions, tps (without connection time), sorted latencies and report. */
    private record Pgbench(long transactions, double tps, long[] latencyNanos, String output) {
    }

    private static final Pattern TRANSACTIONS = Pattern.compile("number of transactions actually processed: ([0-9]+)");

    /** pgbench with the script, its per-transaction log in {@code workDir} under a prefix of the round's. */
    private static Pgbench pgbench(PostgresServer postgres, String database, int concurrency, Duration duration, Path script, Path workDir, int round)
            throws IOException, InterruptedException {
        String prefix = "log-" + round;
        // -M prepared: the runtime's client prepares its statements too.
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(concurrency),
                "-j", String.valueOf(Math.min(2, concurrency)), "-T", String.valueOf(duration.toSeconds()), "-f", script.toString(),
                "-l", "--log-prefix=" + workDir.resolve(prefix), "-h", "localhost", "-p", String.valueOf(postgres.port()), "-U", PostgresServer.USER));
        PGBENCH_VARIABLES.forEach(variable -> command.addAll(List.of("-D", variable)));
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PostgresServer.PASSWORD);
        // The runtime connects with search_path set to the bot's schema; so does pgbench.
        builder.environment().put("PGOPTIONS", "-c search_path=" + SCHEMA);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("pgbench is not installed (" + e.getMessage() + "): apt-get install postgresql-client (version 14 or later)", e);
        }
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit = process.waitFor();
        Matcher tps = TPS.matcher(output);
        Matcher transactions = TRANSACTIONS.matcher(output);
        if (exit != 0 || !tps.find() || !transactions.find()) {
            throw new IllegalStateException("pgbench exited with " + exit + " and no tps line:\n" + output);
        }
        long[] nanos;
        try (Stream<Path> logs = Files.list(workDir)) {
            nanos = logs.filter(p -> p.getFileName().toString().startsWith(prefix + ".")).flatMap(RuntimeIntake::lines)
                    // client_id transaction_no latency_us script_no time_epoch time_us
                    .mapToLong(line -> Long.parseLong(line.split(" ")[2]) * 1000).sorted().toArray();
        }
        return new Pgbench(Long.parseLong(transactions.group(1)), Double.parseDouble(tps.group(1)), nanos, output.strip());
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /**
     * Stands in for the Telegram Bot API ({@code POST /bot<token>/<method>}): answers every call
     * {@code {"ok":true,"result":<a message>}}, so that sendMessage succeeds and the outbox marks its rows SENT.
     */
    private static final class BotApiStandIn implements AutoCloseable {

        private static final Pattern CHAT_ID = Pattern.compile("\"chat_id\"\\s*:\\s*\"?(-?\\d+)");

        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(2);
        private final AtomicLong messageIds = new AtomicLong();
        private final LongAdder sends = new LongAdder();

        BotApiStandIn() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.setExecutor(threads);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        long sends() {
            return sends.sum();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().endsWith("/sendMessage")) {
                sends.increment();
            }
            Matcher chat = CHAT_ID.matcher(body);
            byte[] answer = "{\"ok\":true,\"result\":{\"message_id\":%d,\"chat\":{\"id\":%s},\"date\":0}}"
                    .formatted(messageIds.incrementAndGet(), chat.find() ? chat.group(1) : "0").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (var out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
