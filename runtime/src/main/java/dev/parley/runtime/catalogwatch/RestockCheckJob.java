package dev.parley.runtime.catalogwatch;

import java.time.Instant;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.scheduling.ScheduledJob;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Every {@code schedules.restockCheckIntervalMinutes}, the leader reads the pages of watched products again
 * ({@link CatalogSync#restockCheck}), so that a restock reaches watchers between weekly syncs, and delivers any
 * change event left undelivered.
 */
@Singleton
public class RestockCheckJob implements ScheduledJob {

    private final BotSettings bot;
    private final Instance<CatalogSync> sync;

    public RestockCheckJob(BotSettings bot, Instance<CatalogSync> sync) {
        this.bot = bot;
        this.sync = sync;
    }

    @Override
    public boolean enabled() {
        return bot.flow().equals(CatalogSyncJob.FLOW);
    }

    @Override
    public String name() {
        return "catalog-restock-check";
    }

    /** The interval that {@code now} falls in, counted from the epoch: {@code 490123} for the 490123rd hour. */
    @Override
    public String period(Instant now) {
        return String.valueOf(now.getEpochSecond() / sync.get().settings().restockEvery().toSeconds());
    }

    @Override
    public Uni<Void> run(SqlConnection connection) {
        return sync.get().restockCheck().replaceWithVoid()
                .onFailure(SyncRuns.AlreadyRunning.class).recoverWithNull().replaceWithVoid();
    }
}
