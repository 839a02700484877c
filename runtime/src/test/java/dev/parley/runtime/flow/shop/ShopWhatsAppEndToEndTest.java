package dev.parley.runtime.flow.shop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.order.Orders;
import dev.parley.runtime.testing.FakeWhatsApp;
import dev.parley.runtime.testing.WhatsAppCustomer;
import dev.parley.runtime.testing.PostgresResource;
import dev.parley.runtime.testing.TelegramResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The same purchase over the WhatsApp Cloud API webhook, where messages cannot be edited: every screen is a new
 * message, reply buttons (at most three) or a list (at most ten rows), and every message the bot sends keeps
 * WhatsApp's limits (a button title at most 20 characters, a row title at most 24). The product with a picture is
 * reply buttons under an image header; the receipt is an uploaded PDF.
 */
@QuarkusTest
@TestProfile(ShopBot.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = TelegramResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeWhatsApp.Resource.class, restrictToAnnotatedClass = true)
class ShopWhatsAppEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String CUSTOMER = "919822222222";
    private static final WhatsAppCustomer KAVYA = new WhatsAppCustomer(ShopBot.APP_SECRET, "Kavya", "wamid.shop-");

    @Inject
    Pool pool;

    FakeWhatsApp whatsapp;

    private final Map<String, Integer> seen = new HashMap<>();

    @BeforeEach
    void catalog() {
        ShopCatalog.reset(pool);
    }

    @Test
    void aWholePurchaseThroughWhatsAppWithinItsMessageLimits() throws Exception {
        KAVYA.write(ShopBot.OWNER_PHONE, "hi"); // the owner wrote today: the bot may write to them (the 24-hour window)
        next(ShopBot.OWNER_PHONE);

        KAVYA.write(CUSTOMER, "hi");
        JsonObject home = next(CUSTOMER);
        assertThat(home.getJsonObject("interactive").getString("type")).as("four choices make a list").isEqualTo("list");
        assertThat(WhatsAppCustomer.body(home)).contains(ShopBot.SHOP_NAME);
        assertThat(titles(home)).containsExactly("Catalog", "Cart (0)", "My orders", "Language");

        choose(CUSTOMER, home, "Catalog");
        JsonObject categories = next(CUSTOMER);
        assertThat(categories.getJsonObject("interactive").getString("type")).isEqualTo("button");
        choose(CUSTOMER, categories, "Snacks (9)");
        JsonObject snacks = next(CUSTOMER);
        assertThat(titles(snacks)).hasSize(9).contains("Next >");
        choose(CUSTOMER, snacks, "Bhujia - INR 95.00");
        JsonObject bhujia = next(CUSTOMER);
        assertThat(WhatsAppCustomer.body(bhujia)).contains("In stock: 25");
        choose(CUSTOMER, bhujia, "Add to cart");
        JsonObject howMany = next(CUSTOMER);
        choose(CUSTOMER, howMany, "2");
        assertThat(WhatsAppCustomer.body(next(CUSTOMER))).startsWith("Added 2 x Bhujia");

        KAVYA.press(CUSTOMER, "s:p:2:0", "Filter coffee");
        JsonObject coffee = next(CUSTOMER);
        JsonObject header = coffee.getJsonObject("interactive").getJsonObject("header");
        assertThat(header.getString("type")).isEqualTo("image");
        assertThat(header.getJsonObject("image").getString("link")).isEqualTo("https://img.example.com/coffee.jpg");
        choose(CUSTOMER, coffee, "Add to cart");
        next(CUSTOMER);
        KAVYA.write(CUSTOMER, "1");
        next(CUSTOMER);

        KAVYA.press(CUSTOMER, "s:cart", "Cart");
        JsonObject cart = next(CUSTOMER);
        assertThat(WhatsAppCustomer.body(cart)).contains("1. Bhujia x 2 = INR 190.00").contains("Total: INR 640.50");
        choose(CUSTOMER, cart, "Filter coffee x 1");
        JsonObject line = next(CUSTOMER);
        choose(CUSTOMER, line, "Remove");
        JsonObject removed = next(CUSTOMER);
        assertThat(WhatsAppCustomer.body(removed)).startsWith("Removed Filter coffee").contains("Total: INR 199.50");
        choose(CUSTOMER, removed, "Checkout");
        assertThat(WhatsAppCustomer.body(next(CUSTOMER))).contains("your name");
        KAVYA.write(CUSTOMER, "Kavya Rao");
        next(CUSTOMER);
        KAVYA.write(CUSTOMER, "+91 99000 11122");
        next(CUSTOMER);
        KAVYA.write(CUSTOMER, "7 Lake View Road, Pune 411001");
        JsonObject payment = next(CUSTOMER);
        choose(CUSTOMER, payment, "On account");
        JsonObject summary = next(CUSTOMER);
        assertThat(WhatsAppCustomer.body(summary)).contains("Payment: on account").contains("Total: INR 199.50");
        choose(CUSTOMER, summary, "Confirm order");
        String placed = WhatsAppCustomer.body(next(CUSTOMER));
        long orderId = Long.parseLong(placed.replaceAll("(?s).*Order #(\\d+).*", "$1"));
        JsonObject receipt = next(CUSTOMER);
        assertThat(receipt.getString("type")).isEqualTo("document");
        byte[] pdf = whatsapp.requests().stream().filter(r -> r.parts() != null && r.parts().stream().anyMatch(p -> p.name().equals("file")))
                .reduce((a, b) -> b).orElseThrow().part("file").content();
        assertThat(Orders.pdfText(pdf)).contains("RECEIPT").contains("Bhujia").contains("Total INR 199.50").contains("on account");
        assertThat(WhatsAppCustomer.body(next(CUSTOMER))).contains("Your cart is empty.");
        assertThat(ShopCatalog.stock(pool, "SNK-B")).isEqualTo(23);
        assertThat(ShopCatalog.stock(pool, "COF-FILTER")).as("removed before checkout").isEqualTo(3);

        JsonObject notice = next(ShopBot.OWNER_PHONE);
        assertThat(WhatsAppCustomer.body(notice)).contains("New shop order #" + orderId);
        choose(ShopBot.OWNER_PHONE, notice, "Accept");
        JsonObject accepted = next(ShopBot.OWNER_PHONE);
        assertThat(WhatsAppCustomer.body(accepted)).contains("invoice SH/000001, INR 199.50");
        choose(ShopBot.OWNER_PHONE, accepted, "Mark shipped");
        JsonObject shipped = next(ShopBot.OWNER_PHONE);
        choose(ShopBot.OWNER_PHONE, shipped, "Delivered");
        assertThat(WhatsAppCustomer.body(next(ShopBot.OWNER_PHONE))).contains("marked delivered");
        await().atMost(PATIENCE).until(() -> whatsapp.messagesTo(CUSTOMER).stream().anyMatch(m -> WhatsAppCustomer.body(m) != null && WhatsAppCustomer.body(m).contains("has been delivered")));
        assertThat(ShopCatalog.count(pool, "SELECT sum(amount_minor) FROM ledger_entry l JOIN customer_order o ON o.customer_id = l.customer_id"
                + " WHERE o.id = $1", orderId)).isEqualTo(19_950);

        List<JsonObject> everything = new ArrayList<>(whatsapp.messagesTo(CUSTOMER));
        everything.addAll(whatsapp.messagesTo(ShopBot.OWNER_PHONE));
        for (JsonObject message : everything) {
            JsonObject interactive = message.getJsonObject("interactive");
            if (interactive == null) {
                continue;
            }
            JsonObject action = interactive.getJsonObject("action");
            if ("button".equals(interactive.getString("type"))) {
                assertThat(action.getJsonArray("buttons")).hasSizeBetween(1, 3);
                action.getJsonArray("buttons").forEach(b -> assertThat(((JsonObject) b).getJsonObject("reply").getString("title")).hasSizeLessThanOrEqualTo(20));
            } else {
                JsonArray rows = action.getJsonArray("sections").getJsonObject(0).getJsonArray("rows");
                assertThat(rows).hasSizeBetween(1, 10);
                rows.forEach(r -> assertThat(((JsonObject) r).getString("title")).hasSizeLessThanOrEqualTo(24));
            }
            assertThat(interactive.getJsonObject("body").getString("text")).hasSizeLessThanOrEqualTo(1024);
        }
    }

    private JsonObject next(String phone) {
        int nth = seen.merge(phone, 1, Integer::sum);
        await().atMost(PATIENCE).until(() -> whatsapp.messagesTo(phone).size() >= nth);
        return whatsapp.messagesTo(phone).get(nth - 1);
    }

    /** The choices of a reply-button or list message: id by title. */
    private static Map<String, String> choices(JsonObject message) {
        JsonObject interactive = message.getJsonObject("interactive");
        Map<String, String> choices = new java.util.LinkedHashMap<>();
        if ("button".equals(interactive.getString("type"))) {
            interactive.getJsonObject("action").getJsonArray("buttons")
                    .forEach(b -> choices.put(((JsonObject) b).getJsonObject("reply").getString("title"), ((JsonObject) b).getJsonObject("reply").getString("id")));
        } else {
            interactive.getJsonObject("action").getJsonArray("sections").getJsonObject(0).getJsonArray("rows")
                    .forEach(r -> choices.put(((JsonObject) r).getString("title"), ((JsonObject) r).getString("id")));
        }
        return choices;
    }

    private static List<String> titles(JsonObject message) {
        return List.copyOf(choices(message).keySet());
    }

    private static void choose(String phone, JsonObject message, String title) {
        String id = choices(message).get(title);
        assertThat(id).as("a choice '%s' in %s", title, titles(message)).isNotNull();
        if ("list".equals(message.getJsonObject("interactive").getString("type"))) {
            KAVYA.choose(phone, id, title);
        } else {
            KAVYA.press(phone, id, title);
        }
    }
}
