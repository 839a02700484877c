package dev.parley.runtime.flow.orderagent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.channel.telegram.TelegramWebhook;
import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.testing.FakeTelegram;
import dev.parley.runtime.testing.FakeWhatsApp;
import dev.parley.runtime.testing.PostgresResource;
import dev.parley.runtime.testing.TelegramResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The issue's order end to end through the Telegram webhook and the local Bot API server: a free-text order with
 * one line short, an alternative taken, the summary confirmed, the owner's Approve tapped in their own chat, the
 * invoice PDF received, stock and ledger as expected, and a payment that settles the balance.
 */
@QuarkusTest
@TestProfile(OrderAgentBot.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = TelegramResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeWhatsApp.Resource.class, restrictToAnnotatedClass = true)
class TelegramOrderEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static int nextUpdate = 7_000;

    @Inject
    Pool pool;

    FakeWhatsApp whatsapp;

    @BeforeEach
    void stock() {
        Shop.reset(pool);
    }

    private static FakeTelegram telegram() {
        return TelegramResource.telegram;
    }

    @Test
    void aShortLineIsNegotiatedConfirmedApprovedInvoicedAndPaid() throws IOException {
        String customer = "5101";
        write(customer, "20m blue cotton aur 6m red polyester");

        FakeTelegram.Call negotiation = awaitMessage(customer, 1);
        assertThat(negotiation.body().getString("text"))
                .contains("blue cotton: you asked for 20.00 m, we have only 12.00 m")
                .contains("red polyester 6.00 m: available");
        List<JsonObject> buttons = buttons(negotiation);
        assertThat(buttons).extracting(b -> b.getString("text"))
                .containsExactly("Take 12.00 m", "green cotton (25.00 m in stock)", "Cancel this item");
        press(customer, buttons.get(1).getString("callback_data"));

        FakeTelegram.Call summary = awaitMessage(customer, 2);
        assertThat(summary.body().getString("text"))
                .contains("green cotton instead of blue cotton")
                .contains("1. red polyester: 6.00 m = INR 481.98")
                .contains("2. green cotton: 20.00 m = INR 2,010.00")
                .contains("Subtotal: INR 2,491.98");
        press(customer, buttons(summary).get(0).getString("callback_data")); // Confirm

        FakeTelegram.Call placed = awaitMessage(customer, 3);
        long orderId = Long.parseLong(placed.body().getString("text").replaceAll("(?s).*Order #(\\d+).*", "$1"));
        FakeTelegram.Call notice = awaitMessage(OrderAgentBot.OWNER_TELEGRAM, 1);
        assertThat(notice.body().getString("text")).contains("New order #" + orderId).contains("Subtotal INR 2,491.98, tax INR 124.60, total INR 2,616.58");
        assertThat(Shop.stock(pool, "cotton", "green")).as("nothing is deducted before approval").isEqualTo("1 rolls + 10.00 m");

        press(OrderAgentBot.OWNER_TELEGRAM, "own:" + orderId + ":approve");

        FakeTelegram.Call told = awaitMessage(OrderAgentBot.OWNER_TELEGRAM, 2);
        assertThat(told.body().getString("text")).contains("Order #" + orderId + " approved: invoice TX/000001 for INR 2,616.58");
        await().atMost(PATIENCE).until(() -> telegram().sentTo(customer).stream().anyMatch(c -> c.method().equals("sendDocument")));
        FakeTelegram.Call document = telegram().sentTo(customer).stream().filter(c -> c.method().equals("sendDocument")).findFirst().orElseThrow();
        assertThat(document.body().getString("caption")).contains("TX/000001");
        String pdf = text(document.files().get("document"));
        assertThat(pdf).contains("TX/000001").contains("2,491.98").contains("124.60").contains("2,616.58");

        assertThat(Shop.stock(pool, "cotton", "green")).isEqualTo("0 rolls + 5.00 m");
        assertThat(Shop.stock(pool, "polyester", "red")).isEqualTo("0 rolls + 14.00 m");
        assertThat(Shop.stock(pool, "cotton", "blue")).as("the replaced line takes nothing").isEqualTo("1 rolls + 2.00 m");
        assertThat(Shop.count(pool, "SELECT total_minor FROM invoice")).isEqualTo(261_658);

        long customerId = Shop.count(pool, "SELECT customer_id FROM customer_order WHERE id = " + orderId);
        assertThat(balance(customerId)).isEqualTo(261_658);
        OwnerApi.given().contentType("application/json").body(new JsonObject().put("amountMinor", 261_658).put("note", "UPI").encode())
                .post("/api/v1/customers/{id}/payments", customerId).then().statusCode(201);
        assertThat(balance(customerId)).isZero();
    }

    @Test
    void aButtonOfAnOldOrderIsRefusedPolitely() {
        String customer = "5102";
        write(customer, "5m red polyester");
        FakeTelegram.Call summary = awaitMessage(customer, 1);
        String confirm = buttons(summary).get(0).getString("callback_data");
        press(customer, buttons(summary).get(3).getString("callback_data")); // Cancel order
        awaitMessage(customer, 2);

        press(customer, confirm);

        assertThat(awaitMessage(customer, 3).body().getString("text")).contains("belongs to order").contains("no longer open");
        assertThat(Shop.count(pool, "SELECT count(*) FROM customer_order")).isZero();
    }

    @Test
    void aCustomerCannotApprove() {
        String customer = "5103";
        press(customer, "own:1:approve");

        assertThat(awaitMessage(customer, 1).body().getString("text")).isEqualTo("Only the shop owner can do that.");
    }

    private long balance(long customerId) {
        return new JsonObject(OwnerApi.given().get("/api/v1/customers/{id}/ledger", customerId).then().statusCode(200).extract().asString())
                .getLong("balanceMinor");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static FakeTelegram.Call awaitMessage(String chat, int nth) {
        await().atMost(PATIENCE).until(() -> telegram().sentTo(chat).size() >= nth);
        return telegram().sentTo(chat).get(nth - 1);
    }

    private static List<JsonObject> buttons(FakeTelegram.Call message) {
        JsonArray rows = message.body().getJsonObject("reply_markup").getJsonArray("inline_keyboard");
        return rows.stream().flatMap(r -> ((JsonArray) r).stream()).map(b -> (JsonObject) b).toList();
    }

    private static void write(String chat, String text) {
        int update = nextUpdate++;
        post(new JsonObject().put("update_id", update).put("message", new JsonObject()
                .put("message_id", update).put("date", 1_700_000_000)
                .put("chat", new JsonObject().put("id", Long.parseLong(chat)).put("type", "private"))
                .put("from", new JsonObject().put("id", Long.parseLong(chat)).put("is_bot", false).put("first_name", "Asha"))
                .put("text", text)));
    }

    private static void press(String chat, String data) {
        int update = nextUpdate++;
        post(new JsonObject().put("update_id", update).put("callback_query", new JsonObject()
                .put("id", "cbq-" + update).put("chat_instance", "ci-" + chat).put("data", data)
                .put("from", new JsonObject().put("id", Long.parseLong(chat)).put("is_bot", false).put("first_name", "Asha"))
                .put("message", new JsonObject().put("message_id", 1).put("date", 1_700_000_000)
                        .put("chat", new JsonObject().put("id", Long.parseLong(chat)).put("type", "private")))));
    }

    private static void post(JsonObject update) {
        given().contentType("application/json").header(TelegramWebhook.SECRET_HEADER, TelegramResource.SECRET).body(update.encode())
                .post("/webhooks/{bot}/telegram", TelegramResource.BOT).then().statusCode(200);
    }
}
