package dev.parley.benchmarks;

import dev.parley.testing.RuntimeProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * runtime-intake's load: Telegram text updates from chats picked at random, posted to the runtime's webhook by
 * {@code concurrency} senders, each one after the other over its own kept-alive connection; what the webhook
 * answered, and how fast.
 */
final class WebhookLoad {

    private static final AtomicInteger UPDATE_IDS = new AtomicInteger();

    private WebhookLoad() {
    }

    /** What one phase of the load measured: updates answered 200, their latencies (sorted), the other answers. */
    record Phase(long updates, double seconds, long[] latencyNanos, Map<String, Long> errors) {

        double perSecond() {
            return updates / seconds;
        }

        double percentileMs(double quantile) {
            return WebhookLoad.percentileMs(latencyNanos, quantile);
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
    static double percentileMs(long[] sortedNanos, double quantile) {
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
    static Phase load(HttpClient http, URI webhook, int concurrency, int chats, Duration duration) throws InterruptedException {
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

    /** Posts real updates until one is answered 200; seconds since {@code startNanos}. */
    static double awaitFirstRequest(HttpClient http, URI webhook, RuntimeProcess runtime, long startNanos) throws InterruptedException {
        long deadline = startNanos + RuntimeIntake.STARTUP_TIMEOUT.toNanos();
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
        throw new IllegalStateException("no webhook update answered 200 in " + RuntimeIntake.STARTUP_TIMEOUT + ":\n" + runtime.tail(40));
    }

    /** A Telegram text update from a private chat, shaped as Telegram sends it, with a fresh update_id. */
    static String update(long chat) {
        int updateId = UPDATE_IDS.incrementAndGet();
        return ("{\"update_id\":%d,\"message\":{\"message_id\":%d,\"date\":1700000000,"
                + "\"chat\":{\"id\":%d,\"type\":\"private\"},"
                + "\"from\":{\"id\":%d,\"is_bot\":false,\"first_name\":\"Customer %d\"},\"text\":\"hello\"}}")
                .formatted(updateId, updateId, chat, chat, chat);
    }

    static int post(HttpClient http, URI webhook, long chat) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", RuntimeIntake.SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update(chat)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
