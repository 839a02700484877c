package dev.parley.runtime.wiring;

import java.time.Duration;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.parley.runtime.commerce.inventory.DemoCatalog;
import dev.parley.runtime.commerce.product.DemoShop;
import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.config.RuntimeConfig;
import dev.parley.runtime.flow.shop.ShopFlow;
import io.quarkus.runtime.StartupEvent;

/**
 * Fills an empty catalog with the demo at startup when {@code parley.demo-catalog} says so (a local run does): the
 * textile catalog and stock, and for a shop bot the demo shop's products.
 */
@Singleton
class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final DemoCatalog demo;
    private final DemoShop shop;
    private final boolean enabled;
    private final boolean shopFlow;

    DemoData(DemoCatalog demo, DemoShop shop, RuntimeConfig config, BotSettings settings) {
        this.demo = demo;
        this.shop = shop;
        this.enabled = config.demoCatalog();
        this.shopFlow = ShopFlow.NAME.equals(settings.flow());
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            boolean inserted = demo.insert().await().atMost(Duration.ofSeconds(30));
            LOG.info(inserted ? "inserted the demo catalog and stock (parley.demo-catalog)"
                    : "the catalog is not empty; the demo catalog was not inserted (parley.demo-catalog)");
            if (shopFlow) {
                boolean products = shop.insert().await().atMost(Duration.ofSeconds(30));
                LOG.info(products ? "inserted the demo shop's products (parley.demo-catalog)"
                        : "the shop has products; the demo shop was not inserted (parley.demo-catalog)");
            }
        }
    }
}
