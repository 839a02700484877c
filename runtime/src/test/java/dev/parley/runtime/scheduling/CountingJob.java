package dev.parley.runtime.scheduling;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** A job for tests: runs once a minute and counts its runs. */
final class CountingJob implements ScheduledJob {

    final AtomicInteger runs = new AtomicInteger();
    private final String name;

    CountingJob(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String period(Instant now) {
        return String.valueOf(now.getEpochSecond() / 60);
    }

    @Override
    public Uni<Void> run(SqlConnection connection) {
        runs.incrementAndGet();
        return Uni.createFrom().voidItem();
    }
}
