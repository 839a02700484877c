package dev.parley.runtime.flow.orderagent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;


import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.OwnerApi;
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
 * The same order as {@link TelegramOrderEndToEndTest}, through the WhatsApp Cloud API webhook: reply buttons for
 * the negotiation, a list for the summary's four choices, typed confirmation, the owner's Approve from their own
 * WhatsApp, and the invoice PDF uploaded and sent as a document.
 */
@QuarkusTest
@TestProfile(OrderAgentBot.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = TelegramResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeWhatsApp.Resource.class, restrictToAnnotatedClass = true)
class WhatsAppOrderEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String CUSTOMER = "919811111111";
    private static final WhatsAppCustomer ASHA = new WhatsAppCustomer(OrderAgentBot.APP_SECRET, "Asha", "wamid.e2e-");

    @Inject
    Pool pool;

    FakeWhatsApp whatsapp;

    @BeforeEach
    void stock() {
        Shop.reset(pool);
    }

    @Test
    void theSameOrderThroughWhatsApp() throws Exception {
        // The owner wrote to the bot today, so the bot may write to them (WhatsApp's 24-hour window).
        ASHA.write(OrderAgentBot.OWNER_PHONE, "help");
        awaitMessage(OrderAgentBot.OWNER_PHONE, 1);

        ASHA.write(CUSTOMER, "20m neela sooti aur 6m laal polyester");
        JsonObject negotiation = awaitMessage(CUSTOMER, 1);
        // WhatsApp reports no language: the customer wrote Hindi, so they are answered in Hindi.
        assertThat(WhatsAppCustomer.body(negotiation)).contains("blue cotton: aapne 20.00 m manga, hamare paas sirf 12.00 m hai.");
        JsonArray buttons = negotiation.getJsonObject("interactive").getJsonObject("action").getJsonArray("buttons");
        assertThat(buttons).hasSize(3);
        String alternative = buttons.getJsonObject(1).getJsonObject("reply").getString("id");
        ASHA.press(CUSTOMER, alternative, "green cotton");

        JsonObject summary = awaitMessage(CUSTOMER, 2);
        assertThat(WhatsAppCustomer.body(summary)).contains("2. green cotton: 20.00 m = INR 2,010.00").contains("Subtotal: INR 2,491.98");
        assertThat(summary.getJsonObject("interactive").getString("type")).as("four choices make a list").isEqualTo("list");
        ASHA.write(CUSTOMER, "haan confirm karo");

        String placed = WhatsAppCustomer.body(awaitMessage(CUSTOMER, 3));
        long orderId = Long.parseLong(placed.replaceAll("(?s).*Order #(\\d+).*", "$1"));
        JsonObject notice = awaitMessage(OrderAgentBot.OWNER_PHONE, 2);
        assertThat(WhatsAppCustomer.body(notice)).contains("New order #" + orderId).contains("total INR 2,616.58");
        ASHA.press(OrderAgentBot.OWNER_PHONE, "own:" + orderId + ":approve", "Approve");

        assertThat(WhatsAppCustomer.body(awaitMessage(OrderAgentBot.OWNER_PHONE, 3))).contains("approved: invoice TX/000001 for INR 2,616.58");
        await().atMost(PATIENCE).until(() -> whatsapp.messagesTo(CUSTOMER).stream().anyMatch(m -> "document".equals(m.getString("type"))));
        JsonObject document = whatsapp.messagesTo(CUSTOMER).stream().filter(m -> "document".equals(m.getString("type"))).findFirst().orElseThrow();
        assertThat(document.getJsonObject("document").getString("filename")).contains("TX");
        byte[] pdf = whatsapp.requests().stream().filter(r -> r.parts() != null && r.parts().stream().anyMatch(p -> p.name().equals("file"))).reduce((a, b) -> b).orElseThrow().part("file").content();
        assertThat(TelegramOrderEndToEndTest.text(pdf)).contains("TX/000001").contains("2,616.58");

        assertThat(Shop.stock(pool, "cotton", "green")).isEqualTo("0 rolls + 5.00 m");
        assertThat(Shop.stock(pool, "polyester", "red")).isEqualTo("0 rolls + 14.00 m");
        long customerId = Shop.count(pool, "SELECT customer_id FROM customer_order WHERE id = " + orderId);
        String ledger = OwnerApi.given().get("/api/v1/customers/{id}/ledger", customerId).then().statusCode(200).extract().asString();
        assertThat(new JsonObject(ledger).getLong("balanceMinor")).isEqualTo(261_658);

        // The owner records the payment in chat.
        ASHA.write(OrderAgentBot.OWNER_PHONE, "paid " + customerId + " 2616.58 UPI");
        assertThat(WhatsAppCustomer.body(awaitMessage(OrderAgentBot.OWNER_PHONE, 4))).contains("Payment of INR 2,616.58 recorded").contains("Balance due now: INR 0.00");
    }

    private JsonObject awaitMessage(String phone, int nth) {
        await().atMost(PATIENCE).until(() -> whatsapp.messagesTo(phone).size() >= nth);
        return whatsapp.messagesTo(phone).get(nth - 1);
    }
}
