package dev.parley.runtime.wiring;

import java.time.Duration;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.parley.runtime.commerce.inventory.DemoCatalog;
import dev.parley.runtime.config.RuntimeConfig;
import io.quarkus.runtime.StartupEvent;

/** Fills an empty catalog with the demo at startup when {@code parley.demo-catalog} says so (a local run does). */
@Singleton
class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final DemoCatalog demo;
    private final boolean enabled;

    DemoData(DemoCatalog demo, RuntimeConfig config) {
        this.demo = demo;
        this.enabled = config.demoCatalog();
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            boolean inserted = demo.insert().await().atMost(Duration.ofSeconds(30));
            LOG.info(inserted ? "inserted the demo catalog and stock (parley.demo-catalog)"
                    : "the catalog is not empty; the demo catalog was not inserted (parley.demo-catalog)");
        }
    }
}
