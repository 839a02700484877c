package dev.parley.runtime.local;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code parley_local_database_restarts_total}: how often {@link LocalDatabaseSupervisor} started the local
 * PostgreSQL again after it died. Only when the runtime runs its own database.
 */
@ApplicationScoped
public class LocalDatabaseMetrics {

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        LocalDatabase.supervisor().ifPresent(supervisor -> FunctionCounter
                .builder("parley.local.database.restarts", supervisor, LocalDatabaseSupervisor::restarts)
                .description("Times the local PostgreSQL was started again after it died")
                .register(registry));
    }
}
