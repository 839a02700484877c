package dev.parley.benchmarks;

import dev.parley.runtime.conversation.ConversationRouter;
import dev.parley.runtime.conversation.Conversations;
import dev.parley.runtime.outbox.Outbox;
import dev.parley.testing.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * pgbench as runtime-intake's reference: the runtime's own statements for one new text update, in one transaction,
 * with as many clients as the runtime has senders, against the same database and schema. One run's transactions,
 * tps (without connection time), sorted latencies and report.
 */
record Pgbench(long transactions, double tps, long[] latencyNanos, String output) {

    /**
     * The runtime's statements for one new text update, taken from the runtime's own classes so that they cannot
     * drift: the router's intake statement, the conversation's lock and save, the reply into the outbox. pgbench
     * binds their parameters from its variables; those that do not change come with {@code -D} ({@link #PGBENCH_VARIABLES}),
     * the echo flow's new state, data and reply among them.
     */
    static String script(int chats) {
        return "\\set chat random(1, " + chats + ")\n"
                + "\\set key random(1, 9000000000000000000)\n"
                + "BEGIN;\n"
                + bind(ConversationRouter.RECORD, "channel", "key", "chat", "chat", "name", "language", "state", "text", NULL) + ";\n"
                + bind(Conversations.LOCK, "channel", "chat") + ";\n"
                + bind(Conversations.SAVE, "channel", "chat", "state", "data") + ";\n"
                + bind(Outbox.ENQUEUE, "channel", "chat", "payload") + ";\n"
                + "COMMIT;\n";
    }

    /** The values of the script's variables that are the same in every transaction. */
    static final List<String> PGBENCH_VARIABLES = List.of("channel=telegram", "name=Customer", "language=en", "state=echoing", "text=hello",
            "data={\"count\": 1}", "payload={\"text\": \"#1 you said: hello\", \"buttons\": []}");

    /** A parameter bound to SQL's NULL rather than a variable (pgbench's {@code -D} cannot define a null): a text update's button. */
    static final String NULL = "NULL";

    /** The statement with its parameters $1, $2 ... written as pgbench variables, in that order, or as {@link #NULL}. */
    static String bind(String statement, String... variables) {
        return Pattern.compile("\\$(\\d+)").matcher(statement).replaceAll(m -> {
            String variable = variables[Integer.parseInt(m.group(1)) - 1];
            return variable.equals(NULL) ? NULL : ":" + variable;
        });
    }

    static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    static final Pattern TRANSACTIONS = Pattern.compile("number of transactions actually processed: ([0-9]+)");

    /** Runs pgbench with the script, its per-transaction log in {@code workDir} under a prefix of the round's. */
    static Pgbench run(PostgresServer postgres, String database, int concurrency, Duration duration, Path script, Path workDir, int round)
            throws IOException, InterruptedException {
        return run(postgres, database, concurrency, duration, script, workDir, "log-" + round, PGBENCH_VARIABLES, RuntimeIntake.SCHEMA);
    }

    /** Runs pgbench with {@code script} and its {@code -D} {@code variables}, in {@code schema}, logging under {@code prefix}. */
    static Pgbench run(PostgresServer postgres, String database, int concurrency, Duration duration, Path script, Path workDir, String prefix,
            List<String> variables, String schema) throws IOException, InterruptedException {
        // -M prepared: the runtime's client prepares its statements too.
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(concurrency),
                "-j", String.valueOf(Math.min(2, concurrency)), "-T", String.valueOf(duration.toSeconds()), "-f", script.toString(),
                "-l", "--log-prefix=" + workDir.resolve(prefix), "-h", "localhost", "-p", String.valueOf(postgres.port()), "-U", PostgresServer.USER));
        variables.forEach(variable -> command.addAll(List.of("-D", variable)));
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PostgresServer.PASSWORD);
        // The runtime connects with search_path set to the bot's schema; so does pgbench.
        builder.environment().put("PGOPTIONS", "-c search_path=" + schema);
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
            nanos = logs.filter(p -> p.getFileName().toString().startsWith(prefix + ".")).flatMap(Pgbench::lines)
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
}
