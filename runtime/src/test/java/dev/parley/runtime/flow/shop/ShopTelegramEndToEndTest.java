package dev.parley.runtime.flow.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.parley.runtime.flow.shop.TelegramChats.press;
import static dev.parley.runtime.flow.shop.TelegramChats.write;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.order.Orders;
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
 * A whole purchase through the Telegram webhook and the local Bot API server: the home message, the catalog page by
 * page, two products added (one a photo card), a quantity changed in the cart, checkout with delivery details typed
 * and checked, cash on delivery, confirmation with the receipt PDF, the owner's Accept, Mark shipped and Delivered,
 * and the stock exact throughout. Navigation edits the home message in place: the fake Bot API sees
 * {@code editMessageText} of the message that {@code /start} sent.
 */
@QuarkusTest
@TestProfile(ShopBot.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = TelegramResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeWhatsApp.Resource.class, restrictToAnnotatedClass = true)
class ShopTelegramEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    /** How many screens (sent or edited) each chat has had: the next awaited is one more. */
    private final Map<String, Integer> seen = new HashMap<>();

    @BeforeEach
    void catalog() {
        ShopCatalog.reset(pool);
        telegram().reset();
    }

    private static FakeTelegram telegram() {
        return TelegramResource.telegram;
    }

    @Test
    void aWholePurchaseIsBrowsedCheckedOutAcceptedShippedAndDeliveredWithTheHomeMessageEditedInPlace() {
        String customer = "6101";
        write(customer, "/start");
        FakeTelegram.Call home = next(customer);
        assertThat(home.method()).isEqualTo("sendMessage");
        assertThat(home.body().getString("text")).contains(ShopBot.SHOP_NAME).contains("Your cart is empty.");
        assertThat(labels(home)).containsExactly("Catalog", "Cart (0)", "My orders", "Language");
        long homeId = telegram().messageIdOf(home);

        press(customer, id(home, "Catalog"));
        FakeTelegram.Call categories = next(customer);
        assertThat(categories.method()).isEqualTo("editMessageText");
        assertThat(categories.body().getLong("message_id")).isEqualTo(homeId);
        assertThat(labels(categories)).containsExactly("Tea (2)", "Snacks (9)", "Close shop");

        press(customer, id(categories, "Snacks (9)"));
        FakeTelegram.Call snacks = next(customer);
        assertThat(snacks.body().getString("text")).contains("Snacks, page 1 of 2");
        assertThat(labels(snacks)).startsWith("Almonds - INR 500.00").contains("Next >").doesNotContain("< Previous").hasSize(9);
        press(customer, id(snacks, "Next >"));
        FakeTelegram.Call second = next(customer);
        assertThat(labels(second)).containsExactly("Haldiram mix - INR 110.00", "Last laddoo - INR 25.00", "< Previous", "Back");
        press(customer, id(second, "< Previous"));
        FakeTelegram.Call first = next(customer);
        assertThat(first.body().getString("text")).contains("page 1 of 2");

        press(customer, id(first, "Bhujia - INR 95.00"));
        FakeTelegram.Call bhujia = next(customer);
        assertThat(bhujia.method()).isEqualTo("editMessageText");
        assertThat(bhujia.body().getLong("message_id")).as("still the home message").isEqualTo(homeId);
        assertThat(bhujia.body().getString("text")).contains("Bhujia").contains("Crisp.").contains("Price: INR 95.00").contains("In stock: 25");
        press(customer, id(bhujia, "Add to cart"));
        FakeTelegram.Call howMany = next(customer);
        assertThat(labels(howMany)).containsExactly("1", "2", "3", "5", "10", "Back");
        press(customer, id(howMany, "2"));
        FakeTelegram.Call added = next(customer);
        assertThat(added.body().getString("text")).startsWith("Added 2 x Bhujia to your cart.");

        press(customer, "s:cats:0");
        press(customer, "s:c:1:0");
        next(customer);
        FakeTelegram.Call tea = next(customer);
        press(customer, id(tea, "Filter coffee - INR 420.00"));
        FakeTelegram.Call coffee = next(customer);
        assertThat(coffee.method()).as("a product with a picture is a photo card").isEqualTo("sendPhoto");
        assertThat(coffee.body().getString("photo")).isEqualTo("https://img.example.com/coffee.jpg");
        assertThat(coffee.body().getString("caption")).contains("Filter coffee").contains("In stock: 3");
        press(customer, id(coffee, "Add to cart"));
        FakeTelegram.Call coffeeQuantity = next(customer);
        assertThat(coffeeQuantity.method()).as("a photo cannot be edited into text: the screen is sent anew").isEqualTo("sendMessage");
        assertThat(labels(coffeeQuantity)).containsExactly("1", "2", "3", "Back");
        write(customer, "1");
        FakeTelegram.Call coffeeAdded = next(customer);
        assertThat(coffeeAdded.body().getString("text")).startsWith("Added 1 x Filter coffee");

        press(customer, "s:cart");
        FakeTelegram.Call cart = next(customer);
        assertThat(cart.method()).isEqualTo("editMessageText");
        assertThat(cart.body().getString("text")).contains("1. Bhujia x 2 = INR 190.00").contains("2. Filter coffee x 1 = INR 420.00")
                .contains("Subtotal: INR 610.00").contains("Tax (5%): INR 30.50").contains("Total: INR 640.50");
        press(customer, id(cart, "Bhujia x 2"));
        FakeTelegram.Call line = next(customer);
        press(customer, id(line, "+ One more"));
        FakeTelegram.Call more = next(customer);
        assertThat(more.body().getString("text")).contains("Bhujia: now 3.");
        press(customer, id(more, "Back"));
        FakeTelegram.Call changed = next(customer);
        assertThat(changed.body().getString("text")).contains("1. Bhujia x 3 = INR 285.00").contains("Total: INR 740.25");

        press(customer, id(changed, "Checkout"));
        assertThat(next(customer).body().getString("text")).contains("your name");
        write(customer, "Meera Iyer");
        assertThat(next(customer).body().getString("text")).contains("phone number");
        write(customer, "call me");
        assertThat(next(customer).body().getString("text")).contains("does not look like a phone number");
        write(customer, "+91 98765 43210");
        assertThat(next(customer).body().getString("text")).contains("delivery address");
        write(customer, "short");
        assertThat(next(customer).body().getString("text")).contains("whole address");
        write(customer, "12 MG Road, Bengaluru 560001");
        FakeTelegram.Call payment = next(customer);
        assertThat(labels(payment)).containsExactly("Cash on delivery", "On account", "Cancel");
        press(customer, id(payment, "Cash on delivery"));
        FakeTelegram.Call summary = next(customer);
        assertThat(summary.body().getString("text")).contains("Your order:").contains("Total: INR 740.25")
                .contains("Deliver to: Meera Iyer, +919876543210, 12 MG Road, Bengaluru 560001").contains("Payment: cash on delivery");
        assertThat(ShopCatalog.stock(pool, "SNK-B")).as("nothing is taken before confirmation").isEqualTo(25);

        press(customer, id(summary, "Confirm order"));
        FakeTelegram.Call placed = next(customer);
        assertThat(placed.body().getString("text")).contains("Order #").contains("INR 740.25 to pay (cash on delivery)");
        long orderId = Long.parseLong(placed.body().getString("text").replaceAll("(?s).*Order #(\\d+).*", "$1"));
        FakeTelegram.Call receipt = next(customer);
        assertThat(receipt.method()).isEqualTo("sendDocument");
        String pdf = Orders.pdfText(receipt.files().get("document"));
        assertThat(pdf).contains("RECEIPT").contains("Order no.: " + orderId).contains("Bhujia").contains("SNK-B").contains("Filter coffee")
                .contains("Subtotal INR 705.00").contains("Tax (5%) INR 35.25").contains("Total INR 740.25").contains("cash on delivery").contains("12 MG Road");
        FakeTelegram.Call freshHome = next(customer);
        assertThat(freshHome.method()).as("after the receipt the home comes back at the bottom").isEqualTo("sendMessage");
        assertThat(freshHome.body().getString("text")).contains("Your cart is empty.");
        assertThat(ShopCatalog.stock(pool, "SNK-B")).isEqualTo(22);
        assertThat(ShopCatalog.stock(pool, "COF-FILTER")).isEqualTo(2);

        FakeTelegram.Call notice = next(ShopBot.OWNER_TELEGRAM);
        assertThat(notice.body().getString("text")).contains("New shop order #" + orderId).contains("Bhujia (SNK-B) x 3 = INR 285.00")
                .contains("total INR 740.25").contains("Payment: cash on delivery");
        press(ShopBot.OWNER_TELEGRAM, id(notice, "Accept"));
        FakeTelegram.Call accepted = next(ShopBot.OWNER_TELEGRAM);
        assertThat(accepted.body().getString("text")).contains("Order #" + orderId + " accepted: invoice SH/000001, INR 740.25");
        await().atMost(PATIENCE).until(() -> telegram().sentTo(customer).stream().filter(c -> c.method().equals("sendDocument")).count() == 2);
        press(ShopBot.OWNER_TELEGRAM, id(accepted, "Mark shipped"));
        FakeTelegram.Call shipped = next(ShopBot.OWNER_TELEGRAM);
        assertThat(shipped.body().getString("text")).contains("marked shipped");
        press(ShopBot.OWNER_TELEGRAM, id(shipped, "Delivered"));
        assertThat(next(ShopBot.OWNER_TELEGRAM).body().getString("text")).contains("marked delivered");

        await().atMost(PATIENCE).until(() -> telegram().textsTo(customer).stream().anyMatch(t -> t != null && t.contains("has been delivered")));
        assertThat(telegram().textsTo(customer)).anyMatch(t -> t != null && t.contains("is confirmed. Invoice SH/000001"))
                .anyMatch(t -> t != null && t.contains("is on its way"));
        assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM customer_order WHERE id = $1 AND state = 'ORDER_COMPLETED' AND fulfilment = 'DELIVERED'",
                orderId)).isEqualTo(1);
        assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM ledger_entry")).as("cash on delivery books nothing on account").isZero();
        assertThat(ShopCatalog.stock(pool, "SNK-B")).as("acceptance takes no more stock").isEqualTo(22);

        seen.put(customer, telegram().screensTo(customer).size()); // the owner's news, checked above
        press(customer, "s:orders");
        FakeTelegram.Call mine = next(customer);
        assertThat(mine.method()).isEqualTo("editMessageText");
        assertThat(mine.body().getString("text")).contains("#" + orderId + " - INR 740.25 - delivered");
        assertThat(telegram().calls("editMessageText")).as("navigation edited the home message").hasSizeGreaterThan(10);
    }

    @Test
    void aRejectedOrderPutsItsStockBackAndTheCustomerHearsTheReason() {
        String customer = "6102";
        long orderId = buyOnAccount(customer, "s:p:11:1", 1);
        assertThat(ShopCatalog.stock(pool, "SNK-LAST")).isZero();

        FakeTelegram.Call notice = next(ShopBot.OWNER_TELEGRAM);
        press(ShopBot.OWNER_TELEGRAM, id(notice, "Reject"));
        assertThat(next(ShopBot.OWNER_TELEGRAM).body().getString("text")).contains("Why do you reject order #" + orderId);
        write(ShopBot.OWNER_TELEGRAM, "we close for Diwali");
        assertThat(next(ShopBot.OWNER_TELEGRAM).body().getString("text")).contains("Order #" + orderId + " rejected; its stock is back");

        assertThat(ShopCatalog.stock(pool, "SNK-LAST")).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> telegram().textsTo(customer).stream().anyMatch(t -> t != null && t.contains("we close for Diwali")));
        press(ShopBot.OWNER_TELEGRAM, id(notice, "Accept"));
        assertThat(next(ShopBot.OWNER_TELEGRAM).body().getString("text")).contains("Nothing changed").contains("rejected already");
        assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM invoice")).isZero();
    }

    @Test
    void anOwnerWhoPressesAnotherButtonInsteadOfGivingAReasonRejectsNothing() {
        String customer = "6106";
        long orderId = buyOnAccount(customer, "s:p:4:0", 1);
        FakeTelegram.Call notice = next(ShopBot.OWNER_TELEGRAM);
        press(ShopBot.OWNER_TELEGRAM, id(notice, "Reject"));
        next(ShopBot.OWNER_TELEGRAM);
        press(ShopBot.OWNER_TELEGRAM, id(notice, "Accept"));
        assertThat(next(ShopBot.OWNER_TELEGRAM).body().getString("text")).contains("Order #" + orderId + " accepted");
        write(ShopBot.OWNER_TELEGRAM, "/start");
        assertThat(next(ShopBot.OWNER_TELEGRAM).body().getString("text")).contains(ShopBot.SHOP_NAME);
        assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM customer_order WHERE id = $1 AND state = 'ORDER_COMPLETED'", orderId))
                .isEqualTo(1);
    }

    @Test
    void anOnAccountOrderIsDebitedToTheCustomersLedgerWhenAccepted() {
        String customer = "6103";
        long orderId = buyOnAccount(customer, "s:p:1:0", 2);
        FakeTelegram.Call notice = next(ShopBot.OWNER_TELEGRAM);
        assertThat(notice.body().getString("text")).contains("Payment: on account");
        press(ShopBot.OWNER_TELEGRAM, id(notice, "Accept"));
        next(ShopBot.OWNER_TELEGRAM);
        // 2 x 120.50 = 241.00, 5% tax 12.05
        assertThat(ShopCatalog.count(pool, "SELECT sum(amount_minor) FROM ledger_entry l JOIN customer_order o ON o.customer_id = l.customer_id"
                + " WHERE o.id = $1", orderId)).isEqualTo(25_305);
    }

    @Test
    void badButtonsAreAnsweredWithTheCurrentScreenAndChangeNothing() {
        String customer = "6104";
        write(customer, "/start");
        next(customer);
        press(customer, "s:p:999999:0");
        assertThat(next(customer).body().getString("text")).startsWith("That product is not available any more.");
        press(customer, "s:a:6:1");
        assertThat(next(customer).body().getString("text")).startsWith("Dry fruit mix is out of stock.");
        press(customer, "s:a:11:2");
        assertThat(next(customer).body().getString("text")).startsWith("You can have at most 1 of Last laddoo");
        press(customer, "s:a:4:100");
        assertThat(next(customer).body().getString("text")).startsWith("You can have at most 25 of Bhujia");
        press(customer, "s:inc:4");
        assertThat(next(customer).body().getString("text")).startsWith("That button belongs to an earlier screen");
        press(customer, "s:ok:12345");
        assertThat(next(customer).body().getString("text")).startsWith("That button belongs to an earlier screen");
        press(customer, "s:zz:1:2:3:4:5");
        assertThat(next(customer).body().getString("text")).startsWith("That button belongs to an earlier screen");
        press(customer, "sh:1:accept");
        assertThat(next(customer).body().getString("text")).isEqualTo("Only the shop owner can do that.");
        assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM cart_line")).isZero();
        assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM customer_order")).isZero();
    }

    @Test
    void aConfirmFromAnEarlierSummaryIsStaleOnceTheCartChanged() {
        String customer = "6105";
        write(customer, "/start");
        next(customer);
        press(customer, "s:a:4:2");
        next(customer);
        checkoutDetails(customer);
        press(customer, "s:cod");
        FakeTelegram.Call summary = next(customer);
        String confirm = id(summary, "Confirm order");
        press(customer, "s:cart");
        next(customer);
        press(customer, "s:inc:4");
        next(customer);
        press(customer, confirm);
        FakeTelegram.Call stale = next(customer);
        assertThat(stale.body().getString("text")).startsWith("That button belongs to an earlier screen");
        assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM customer_order")).isZero();
        assertThat(ShopCatalog.stock(pool, "SNK-B")).isEqualTo(25);
    }

    /** Adds {@code quantity} of the product its button shows, checks out on account and confirms: the order's id. */
    private long buyOnAccount(String customer, String productButton, int quantity) {
        write(customer, "/start");
        next(customer);
        press(customer, productButton);
        FakeTelegram.Call card = next(customer);
        press(customer, id(card, "Add to cart"));
        FakeTelegram.Call howMany = next(customer);
        press(customer, id(howMany, String.valueOf(quantity)));
        next(customer);
        checkoutDetails(customer);
        press(customer, "s:acct");
        FakeTelegram.Call summary = next(customer);
        press(customer, id(summary, "Confirm order"));
        FakeTelegram.Call placed = next(customer);
        next(customer);
        next(customer);
        return Long.parseLong(placed.body().getString("text").replaceAll("(?s).*Order #(\\d+).*", "$1"));
    }

    private void checkoutDetails(String customer) {
        press(customer, "s:co");
        next(customer);
        write(customer, "Ravi Kumar");
        next(customer);
        write(customer, "9876543210");
        next(customer);
        write(customer, "4 Park Street, Kolkata 700016");
        next(customer);
    }

    /** The chat's next screen (sent or edited), once it has come. */
    private FakeTelegram.Call next(String chat) {
        int nth = seen.merge(chat, 1, Integer::sum);
        await().atMost(PATIENCE).until(() -> telegram().screensTo(chat).size() >= nth);
        return telegram().screensTo(chat).get(nth - 1);
    }

    private static List<JsonObject> buttons(FakeTelegram.Call message) {
        JsonObject markup = message.body().getValue("reply_markup") instanceof String s ? new JsonObject(s) : message.body().getJsonObject("reply_markup");
        JsonArray rows = markup.getJsonArray("inline_keyboard");
        return rows.stream().flatMap(r -> ((JsonArray) r).stream()).map(b -> (JsonObject) b).toList();
    }

    private static List<String> labels(FakeTelegram.Call message) {
        return buttons(message).stream().map(b -> b.getString("text")).toList();
    }

    private static String id(FakeTelegram.Call message, String label) {
        return buttons(message).stream().filter(b -> b.getString("text").equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + labels(message))).getString("callback_data");
    }
}
