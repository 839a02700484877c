package dev.parley.runtime.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** Ready only when the bot's schema has every migration this build ships. */
@Readiness
@ApplicationScoped
public class MigrationsHealthCheck implements HealthCheck {

    private final Flyway flyway;

    public MigrationsHealthCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            MigrationInfo[] pending = flyway.info().pending();
            MigrationInfo current = flyway.info().current();
            return HealthCheckResponse.named("database migrations")
                    .status(pending.length == 0)
                    .withData("schema", flyway.getConfiguration().getDefaultSchema())
                    .withData("version", current == null ? "none" : current.getVersion().getVersion())
                    .withData("pending", pending.length)
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("database migrations").down().withData("error", e.getMessage()).build();
        }
    }
}
