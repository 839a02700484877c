package dev.parley.runtime.catalogwatch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Fetches a shop's pages politely: our user agent on every request, a bound on requests in flight, a timeout per
 * request, retries with exponential backoff on what a retry can cure (a network failure, 429, 5xx; {@code Retry-After}
 * honoured up to a minute), and the site's {@code Crawl-delay} between requests. Blocking: the sync calls it from its
 * own worker threads.
 */
public final class Fetcher {

    /** An answer: the status and the body (empty for a failure that is no page). */
    public record Page(int status, byte[] body, String contentType) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** A page that could not be had after the retries. */
    public static final class Unreachable extends IOException {
        public Unreachable(String reason) {
            super(reason);
        }
    }

    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);

    private final HttpClient http;
    private final String userAgent;
    private final Duration timeout;
    private final int retries;
    private final Duration backoff;
    private final Semaphore inFlight;
    private final Object pace = new Object();
    private volatile Duration delay = Duration.ZERO;
    private long nextAllowedNanos = System.nanoTime();

    public Fetcher(String userAgent, Duration timeout, int concurrency, int retries, Duration backoff) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.userAgent = userAgent;
        this.timeout = timeout;
        this.retries = retries;
        this.backoff = backoff;
        this.inFlight = new Semaphore(concurrency);
    }

    /** The pause the site asked for between requests ({@link Robots#crawlDelay()}). */
    public void pace(Duration delay) {
        this.delay = delay;
    }

    /** The site's rules for us: {@code /robots.txt} of {@code site}'s host. */
    public Robots robots(URI site) throws InterruptedException {
        try {
            Page page = get(site.resolve("/robots.txt"));
            if (page.ok()) {
                return Robots.parse(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8), userAgent);
            }
            // RFC 9309: "unavailable" (4xx) allows everything; "unreachable" (5xx) allows nothing.
            return page.status() >= 500 ? Robots.DENY_ALL : Robots.ALLOW_ALL;
        } catch (Unreachable e) {
            return Robots.DENY_ALL;
        }
    }

    /** GETs {@code url}: a 2xx or a 4xx but 429 is an answer; the rest is retried, then {@link Unreachable}. */
    public Page get(URI url) throws Unreachable, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", userAgent)
                .header("Accept", "text/html,application/xml,application/json,text/csv;q=0.9,*/*;q=0.5").GET().build();
        String last = "no attempt";
        for (int attempt = 0; attempt <= retries; attempt++) {
            Duration wait = backoff.multipliedBy(1L << Math.min(attempt, 10));
            inFlight.acquire();
            try {
                awaitTurn();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status != 429 && status < 500) {
                    return new Page(status, response.body(), response.headers().firstValue("Content-Type").orElse(""));
                }
                last = "HTTP " + status;
                Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(Fetcher::seconds);
                if (retryAfter.isPresent()) {
                    wait = retryAfter.get().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter.get();
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } finally {
                inFlight.release();
            }
            if (attempt < retries) {
                Thread.sleep(wait.toMillis());
            }
        }
        throw new Unreachable(last + " after " + (retries + 1) + " attempts");
    }

    private void awaitTurn() throws InterruptedException {
        Duration pause = delay;
        if (pause.isZero()) {
            return;
        }
        long sleep;
        synchronized (pace) {
            long now = System.nanoTime();
            long start = Math.max(now, nextAllowedNanos);
            nextAllowedNanos = start + pause.toNanos();
            sleep = start - now;
        }
        if (sleep > 0) {
            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
