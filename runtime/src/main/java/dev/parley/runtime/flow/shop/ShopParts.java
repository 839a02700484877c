package dev.parley.runtime.flow.shop;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.parley.runtime.commerce.order.OrderDecisions;
import dev.parley.runtime.commerce.order.OrderRepository;
import dev.parley.runtime.commerce.product.Carts;
import dev.parley.runtime.commerce.product.ProductRepository;
import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.config.RuntimeConfig;
import io.vertx.mutiny.core.Vertx;

/** What the shop is made of, as beans; the flow itself is made only when the Bot asks for it. */
@ApplicationScoped
public class ShopParts {

    private final ProductRepository products;
    private final Carts carts;
    private final OrderRepository orders;
    private final OrderDecisions decisions;
    private final CommerceSettings commerce;
    private final RuntimeConfig config;
    private final Vertx vertx;

    public ShopParts(ProductRepository products, Carts carts, OrderRepository orders, OrderDecisions decisions, CommerceSettings commerce,
            RuntimeConfig config, Vertx vertx) {
        this.products = products;
        this.carts = carts;
        this.orders = orders;
        this.decisions = decisions;
        this.commerce = commerce;
        this.config = config;
        this.vertx = vertx;
    }

    /** The shop's name: {@code parley.shop.name}, else the Bot's (a local run's bot is "local", which names no shop). */
    static String shopName(RuntimeConfig config, BotSettings settings) {
        return config.shop().name().filter(n -> !n.isBlank()).orElse(settings.local() ? "Parley demo shop" : settings.name());
    }

    public ShopFlow flow(BotSettings settings) {
        List<String> channels = new ArrayList<>();
        settings.telegram().ifPresent(t -> channels.add("telegram"));
        settings.whatsapp().ifPresent(w -> channels.add("whatsapp"));
        if (settings.consoleEnabled()) {
            channels.add("console");
        }
        String name = shopName(config, settings);
        ShopOwners owners = new ShopOwners(decisions, commerce, new Screens(commerce.defaultLanguage(), commerce.currency(),
                commerce.taxRatePercent(), name), channels);
        return new ShopFlow(products, carts, orders, owners, commerce, name, vertx);
    }
}
