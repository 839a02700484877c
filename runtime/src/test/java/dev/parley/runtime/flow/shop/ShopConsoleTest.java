package dev.parley.runtime.flow.shop;

import static dev.parley.runtime.flow.shop.ConsoleChats.awaitLines;
import static dev.parley.runtime.flow.shop.ConsoleChats.press;
import static dev.parley.runtime.flow.shop.ConsoleChats.say;
import static dev.parley.runtime.flow.shop.ConsoleChats.transcript;
import static dev.parley.runtime.flow.shop.ConsoleChats.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The local run's shop on the console channel, as README walks through it: the demo catalog, a purchase by
 * button ids and typed text, the local owner's Accept in the console chat {@code owner}. The console cannot edit
 * messages, so every screen is a line of its own.
 */
@QuarkusTest
@TestProfile(ShopConsoleTest.LocalShop.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ShopConsoleTest {

    /** A local run with {@code PARLEY_FLOW=shop} and the demo catalog; no bot.json, so the console is on. */
    public static class LocalShop implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.flow", ShopFlow.NAME, "parley.demo-catalog", "true", "parley.scheduling.enabled", "false");
        }
    }

    @Inject
    Pool pool;

    @Test
    void aPurchaseOnTheConsoleWithTheDemoCatalog() {
        JsonObject home = write("meera", "/start");
        assertThat(home.getString("text")).startsWith("Parley demo shop\nYour cart is empty.");
        assertThat(press("meera", "s:cats:0").getJsonArray("buttons").stream().map(b -> ((JsonObject) b).getString("label")))
                .containsExactly("Tea and coffee (3)", "Snacks (8)", "Kitchen (1)", "Close shop");
        assertThat(press("meera", "s:c:2:1").getString("text")).startsWith("Snacks, page 2 of 2");
        assertThat(press("meera", "s:p:8:1").getString("text")).contains("Methi mathri").contains("Out of stock");
        assertThat(press("meera", "s:p:4:0").getString("text")).contains("Bikaneri bhujia 400 g").contains("In stock: 25");
        press("meera", "s:a:4:2");
        JsonObject coffee = press("meera", "s:p:1:0");
        assertThat(coffee.getString("photoUrl")).startsWith("https://");
        press("meera", "s:q:1:0");
        assertThat(write("meera", "1").getString("text")).startsWith("Added 1 x Filter coffee 500 g");
        press("meera", "s:co");
        write("meera", "Meera Iyer");
        write("meera", "+91 98765 43210");
        write("meera", "12 MG Road, Bengaluru 560001");
        JsonObject summary = press("meera", "s:cod");
        assertThat(summary.getString("text")).contains("Total: INR 610.00");
        String confirm = summary.getJsonArray("buttons").getJsonObject(0).getString("id");

        say("meera", new JsonObject().put("button", confirm), 3);
        JsonArray lines = transcript("meera");
        assertThat(lines.getJsonObject(lines.size() - 3).getString("text")).startsWith("Thank you! Order #");
        assertThat(lines.getJsonObject(lines.size() - 2).getJsonArray("attachments").getJsonObject(0).getString("fileName")).matches("receipt-\\d+\\.pdf");
        long orderId = Long.parseLong(lines.getJsonObject(lines.size() - 3).getString("text").replaceAll("(?s).*Order #(\\d+).*", "$1"));

        awaitLines("owner", 1);
        JsonObject notice = transcript("owner").getJsonObject(0);
        assertThat(notice.getString("text")).contains("New shop order #" + orderId).contains("(console meera)");
        assertThat(press("owner", "sh:" + orderId + ":accept").getString("text")).contains("accepted: invoice INV-000001, INR 610.00");
        assertThat(ShopCatalog.stock(pool, "SNK-BHUJIA")).isEqualTo(23);
        assertThat(ShopCatalog.stock(pool, "COF-FILTER-500")).isEqualTo(2);
    }
}
