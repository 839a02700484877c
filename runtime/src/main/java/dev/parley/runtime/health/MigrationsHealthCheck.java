package dev.parley.runtime.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Ready only when the database answers and the bot's schema has every migration this build ships. The newest
 * migration is read from Flyway once (at startup Flyway has just migrated, over JDBC); each check then asks the
 * database over the reactive pool, which recovers by itself after an outage.
 */
@Readiness
@ApplicationScoped
public class MigrationsHealthCheck implements AsyncHealthCheck {

    private static final String NAME = "database migrations";

    private final Pool pool;
    private final String schema;
    private final String newest;

    public MigrationsHealthCheck(Flyway flyway, Pool pool) {
        this.pool = pool;
        this.schema = flyway.getConfiguration().getDefaultSchema();
        MigrationInfo[] all = flyway.info().all();
        this.newest = all.length == 0 ? null : all[all.length - 1].getVersion().getVersion();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1").execute()
                .map(rows -> {
                    String applied = rows.iterator().hasNext() ? rows.iterator().next().getString("version") : "none";
                    return HealthCheckResponse.named(NAME).status(applied.equals(newest))
                            .withData("schema", schema).withData("applied", applied).withData("expected", String.valueOf(newest)).build();
                })
                .ifNoItem().after(Duration.ofSeconds(3)).fail()
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(NAME).down().withData("schema", schema)
                        .withData("error", String.valueOf(e.getMessage())).build());
    }
}
