package dev.parley.operator;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Reconcile counts, durations and errors per kind at /q/metrics ({@code parley_operator_reconcile_seconds},
 * {@code parley_operator_reconcile_errors_total}). Only the leader reconciles, so a follower shows none.
 */
@ApplicationScoped
public class ReconcileMetrics {

    private final MeterRegistry registry;

    public ReconcileMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public <T> T time(String kind, Supplier<T> reconcile) {
        return Timer.builder("parley.operator.reconcile")
                .description("Time spent in a reconcile, by kind (the workflow of dependents excluded)")
                .tag("kind", kind)
                .register(registry)
                .record(reconcile);
    }

    public void error(String kind, Exception error) {
        Counter.builder("parley.operator.reconcile.errors")
                .description("Reconciles that failed, by kind and exception")
                .tag("kind", kind)
                .tag("exception", error.getClass().getSimpleName())
                .register(registry)
                .increment();
    }
}
