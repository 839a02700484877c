package dev.parley.runtime.catalogwatch;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.config.CatalogSettings;
import dev.parley.runtime.scheduling.CronSchedule;
import dev.parley.runtime.scheduling.ScheduledJob;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The leader's catalog sync on the Bot's {@code catalog.syncCron} (weekly by default), for a bot of the
 * catalog-watch flow whose catalog has a sitemap or a feed. A sync the owner started meanwhile takes the period's
 * place.
 */
@Singleton
public class CatalogSyncJob implements ScheduledJob {

    public static final String FLOW = "catalogWatch";

    private final BotSettings bot;
    private final Instance<CatalogSync> sync;
    private CronSchedule schedule;

    public CatalogSyncJob(BotSettings bot, Instance<CatalogSync> sync) {
        this.bot = bot;
        this.sync = sync;
    }

    @Override
    public boolean enabled() {
        return bot.flow().equals(FLOW) && !sync.get().settings().source().equals("upload");
    }

    @Override
    public String name() {
        return "catalog-sync";
    }

    @Override
    public String period(Instant now) {
        if (schedule == null) {
            CatalogSettings settings = sync.get().settings();
            schedule = new CronSchedule(settings.syncCron(), ZoneId.of(settings.timeZone()), "bot.json's catalog.syncCron");
        }
        return schedule.period(now);
    }

    @Override
    public Uni<Void> run(SqlConnection connection) {
        return sync.get().sync(CatalogSync.SCHEDULE).replaceWithVoid()
                .onFailure(SyncRuns.AlreadyRunning.class).recoverWithNull().replaceWithVoid();
    }
}
