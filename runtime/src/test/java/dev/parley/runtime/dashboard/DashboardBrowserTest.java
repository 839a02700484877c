package dev.parley.runtime.dashboard;

import static dev.parley.runtime.commerce.order.Orders.line;
import static dev.parley.runtime.commerce.order.Orders.take;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.commerce.order.OrderRepository;
import dev.parley.runtime.commerce.order.Orders;
import dev.parley.runtime.testing.Browser;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The owner's dashboard in a real browser (headless Chromium at a phone's size, {@link Browser}) against the real
 * runtime and database: signing in and out, an order arriving while the page is open, approving it and the stock it
 * took, the invoice's PDF, a payment and the balance, a stock correction and its audit trail, refused forgeries, and
 * a customer whose name is markup. With {@code -Dparley.screenshots=<dir>} it also saves the main pages there
 * (docs/screenshots holds the committed ones).
 */
@QuarkusTest
@TestProfile(OrderAgentDashboard.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class DashboardBrowserTest {

    private ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    Pool pool;

    @Inject
    OrderRepository repository;

    Orders orders;
    DashboardPages pages;

    @BeforeEach
    void open() {
        orders = new Orders(pool, repository);
        pages = DashboardPages.open(root);
        browser = pages.browser();
    }

    @AfterEach
    void signOutOfThisTest() {
        pages.forgetTheSession();
    }

    @Test
    void anOrderArrivesWithoutAReloadAndApprovingItShowsTheStockItTookAndTheInvoice() throws Exception {
        long batch = orders.batch("cotton", "blue", 4, "50", "0", 10_000);
        String chat = orders.customer("en", "Asha Traders");

        browser.get(pages.url("/dashboard/orders/waiting"));
        assertThat(browser.getCurrentUrl()).as("nothing is shown without a session").contains("/dashboard/sign-in");
        pages.signIn();
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/orders/waiting");
        assertThat(pages.viewportWidth()).isEqualTo(Browser.PHONE_WIDTH);
        pages.js().executeScript("window.parleyMarker = 'still the same page';");

        long id = orders.place(chat, "en", line(1, "cotton", "blue", take(batch, 1, "50", "0", 10_000)));

        WebElement card = pages.waitFor(By.id("order-" + id));
        assertThat(card.findElement(By.className("customer")).getText()).isEqualTo("Asha Traders");
        assertThat(card.getText()).contains("50 m blue cotton").contains("INR 5,000.00");
        assertThat(pages.js().executeScript("return window.parleyMarker")).as("the order came in without a reload").isEqualTo("still the same page");
        assertThat(pages.fitsTheScreen()).as("nothing wider than the phone's screen").isTrue();
        pages.screenshot("waiting-orders");

        browser.findElement(By.id("approve-" + id)).click();

        assertThat(pages.waitFor(By.id("result")).getText()).contains("Approved");
        assertThat(browser.findElement(By.id("order-state")).getText()).isEqualTo("Approved");
        assertThat(browser.findElement(By.cssSelector(".batch-now[data-batch='" + batch + "']")).getText())
                .as("the batch after the approval took one of its four rolls").isEqualTo("3 × 50 m + 0 m");
        assertThat(orders.stock(batch)).isEqualTo("3 rolls + 0.00 m");
        pages.screenshot("order-approved");

        String pdf = browser.findElement(By.id("invoice-pdf")).getAttribute("href");
        @SuppressWarnings("unchecked")
        Map<String, Object> download = (Map<String, Object>) pages.js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({status: r.status, type: r.headers.get('content-type'),
                    head: String.fromCharCode(...new Uint8Array(b).slice(0, 5)), size: b.byteLength})));""", pdf);
        assertThat(download).containsEntry("status", 200L).containsEntry("type", "application/pdf").containsEntry("head", "%PDF-");

        long documents = orders.count("SELECT count(*) FROM outbox_message WHERE chat_id = $1 AND payload ? 'document'", chat);
        browser.findElement(By.id("send-invoice")).click();
        pages.waitForText(By.id("result"), "the customer gets the invoice again");
        assertThat(orders.count("SELECT count(*) FROM outbox_message WHERE chat_id = $1 AND payload ? 'document'", chat))
                .as("the invoice's PDF is on its way to the customer once more").isEqualTo(documents + 1);

        browser.get(pages.url("/dashboard/orders/waiting"));
        assertThat(browser.findElements(By.id("order-" + id))).as("a decided order no longer waits").isEmpty();
    }

    @Test
    void aWaitingPageWhoseSessionEndedGoesToSignInWhenTheNextOrderArrives() {
        long batch = orders.batch("cotton", "navy", 2, "50", "0", 10_000);
        String chat = orders.customer("en", "Late");
        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();
        browser.manage().deleteCookieNamed(SessionCookie.NAME);

        orders.place(chat, "en", line(1, "cotton", "navy", take(batch, 1, "50", "0", 10_000)));

        new WebDriverWait(browser, Browser.WAIT).until(ExpectedConditions.urlContains("/dashboard/sign-in"));
        assertThat(browser.findElements(By.id("token"))).hasSize(1);
    }

    @Test
    void rejectingWithAReasonTellsTheOwnerNoStockWasTaken() {
        long batch = orders.batch("silk", "red", 2, "40", "0", 20_000);
        long id = orders.place(orders.customer("en", "Ravi"), "en", line(1, "silk", "red", take(batch, 1, "40", "0", 20_000)));
        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();
        pages.waitFor(By.id("reason-" + id)).sendKeys("Closed for Diwali");
        browser.findElement(By.id("reject-" + id)).click();

        assertThat(pages.waitFor(By.id("result")).getText()).contains("Rejected");
        assertThat(browser.findElement(By.id("main")).getText()).contains("Closed for Diwali");
        assertThat(orders.stock(batch)).isEqualTo("2 rolls + 0.00 m");
    }

    @Test
    void aPaymentRecordedOnTheCustomersPageLowersTheBalance() {
        long batch = orders.batch("linen", "white", 3, "30", "0", 10_000);
        String chat = orders.customer("en", "Meena Stores");
        long id = orders.place(chat, "en", line(1, "linen", "white", take(batch, 1, "30", "0", 10_000)));
        long customer = orders.customerId(chat);
        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();
        pages.waitFor(By.id("approve-" + id)).click();
        pages.waitFor(By.id("result"));

        browser.get(pages.url("/dashboard/customers/" + customer));
        assertThat(browser.findElement(By.id("balance")).getText()).as("30 m at 100.00, 5% tax").isEqualTo("INR 3,150.00");
        browser.findElement(By.id("amount")).sendKeys("1,000.50");
        browser.findElement(By.id("note")).sendKeys("cash");
        browser.findElement(By.id("record-payment")).click();

        assertThat(pages.waitFor(By.id("result")).getText()).contains("recorded");
        assertThat(browser.findElement(By.id("balance")).getText()).isEqualTo("INR 2,149.50");
        assertThat(browser.findElement(By.id("main")).getText()).contains("cash").contains("INR -1,000.50");
        pages.screenshot("customer-ledger");

        browser.findElement(By.id("amount")).sendKeys("12.345");
        browser.findElement(By.id("record-payment")).click();
        pages.waitForText(By.id("result"), "at most");
        assertThat(browser.findElement(By.id("balance")).getText()).isEqualTo("INR 2,149.50");
    }

    @Test
    void aStockCorrectionChangesTheBatchAndIsKeptWithItsReason() {
        long batch = orders.batch("rayon", "green", 5, "25", "3.5", 8_000);
        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();
        browser.get(pages.url("/dashboard/inventory"));
        WebElement card = pages.waitFor(By.id("batch-" + batch));
        card.findElement(By.tagName("summary")).click();
        WebElement rolls = browser.findElement(By.id("rolls-" + batch));
        rolls.clear();
        rolls.sendKeys("4");
        browser.findElement(By.id("why-" + batch)).sendKeys("One roll water-damaged");
        browser.findElement(By.id("correct-" + batch)).click();

        assertThat(pages.waitFor(By.id("result")).getText()).contains("reason");
        assertThat(browser.findElement(By.id("stock-" + batch)).getText()).isEqualTo("4 × 25 m + 3.5 m");
        assertThat(orders.stock(batch)).isEqualTo("4 rolls + 3.50 m");
        assertThat(browser.findElement(By.id("corrections")).getText()).contains("#" + batch).contains("5 + 3.5 m").contains("4 + 3.5 m")
                .contains("One roll water-damaged");
        pages.screenshot("inventory");
    }

    @Test
    void aBatchAddedFromTheStockPageIsStockedUnderTheCatalogsNameAndAnUnknownWordIsRefused() {
        orders.batch("muslin", "cream", 1, "20", "0", 5_000);
        pool.preparedQuery("INSERT INTO synonym (kind, word, canonical) VALUES ('material', 'malmal', 'muslin') ON CONFLICT DO NOTHING")
                .execute().await().atMost(Orders.WAIT);
        long before = orders.count("SELECT count(*) FROM inventory_batch WHERE material = 'muslin'");
        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();
        browser.get(pages.url("/dashboard/inventory"));
        addBatch("malmal", "cream", "6", "25", "2.5", "45.50");

        assertThat(pages.waitFor(By.id("result")).getText()).contains("added");
        assertThat(orders.count("SELECT count(*) FROM inventory_batch WHERE material = 'muslin'")).isEqualTo(before + 1);
        assertThat(orders.count("SELECT count(*) FROM inventory_batch WHERE material = 'muslin' AND rolls_available = 6"
                + " AND loose_meters_available = 2.5 AND price_per_meter_minor = 4550")).isEqualTo(1);

        addBatch("velvetine", "cream", "1", "25", "0", "10");
        pages.waitForText(By.id("result"), "does not know");
        assertThat(orders.count("SELECT count(*) FROM inventory_batch WHERE material = 'velvetine'")).isZero();
    }

    private void addBatch(String material, String color, String rolls, String metersPerRoll, String loose, String price) {
        browser.findElement(By.id("new-material")).sendKeys(material);
        browser.findElement(By.id("new-color")).sendKeys(color);
        browser.findElement(By.id("new-rolls")).sendKeys(rolls);
        browser.findElement(By.id("new-per-roll")).sendKeys(metersPerRoll);
        WebElement looseMeters = browser.findElement(By.id("new-loose"));
        looseMeters.clear();
        looseMeters.sendKeys(loose);
        browser.findElement(By.id("new-price")).sendKeys(price);
        browser.findElement(By.id("add-batch")).click();
    }

    @Test
    void afterSigningOutNothingIsShownAndNothingCanBeChanged() {
        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();
        org.openqa.selenium.Cookie copied = browser.manage().getCookieNamed(SessionCookie.NAME);
        browser.findElement(By.id("sign-out")).click();
        new WebDriverWait(browser, Browser.WAIT).until(ExpectedConditions.urlContains("/dashboard/sign-in"));
        assertThat(browser.manage().getCookieNamed(SessionCookie.NAME)).isNull();

        browser.get(pages.url("/dashboard/customers"));
        assertThat(browser.getCurrentUrl()).as("a page without a session is the sign-in form").contains("/dashboard/sign-in");
        pages.screenshot("sign-in");
        assertThat(pages.postFromThePage("/dashboard/customers/1/payments", "amount=1")).isEqualTo(401L);

        browser.manage().addCookie(copied);
        browser.get(pages.url("/dashboard/customers"));
        assertThat(browser.getCurrentUrl()).as("the cookie copied before signing out opens nothing").contains("/dashboard/sign-in");
    }

    @Test
    void aWrongTokenIsRefused() {
        browser.get(pages.url("/dashboard/sign-in"));
        browser.findElement(By.id("token")).sendKeys("not-the-token");
        browser.findElement(By.id("sign-in")).click();
        assertThat(pages.waitFor(By.id("sign-in-error")).getText()).contains("not the owner token");
        browser.get(pages.url("/dashboard/orders"));
        assertThat(browser.getCurrentUrl()).contains("/dashboard/sign-in");
    }

    @Test
    void aFormWithoutTheSessionsTokenOrFromAnotherOriginChangesNothing() throws IOException {
        long batch = orders.batch("cotton", "black", 2, "50", "0", 10_000);
        long id = orders.place(orders.customer("en", "Forged"), "en", line(1, "cotton", "black", take(batch, 1, "50", "0", 10_000)));
        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();
        pages.waitFor(By.id("sign-out"));
        String token = browser.findElement(By.cssSelector("input[name=csrf]")).getAttribute("value");

        assertThat(pages.postFromThePage("/dashboard/orders/" + id + "/approve", "")).as("no CSRF token").isEqualTo(403L);
        assertThat(pages.postFromThePage("/dashboard/orders/" + id + "/approve", "csrf=" + token.substring(1))).as("a wrong one").isEqualTo(403L);

        // Another origin (same host, another port, so the browser still sends the SameSite cookie) that even knows
        // the token: refused for where it comes from.
        HttpServer attacker = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        String target = pages.url("/dashboard/orders/" + id + "/approve");
        byte[] page = ("<!DOCTYPE html><form id=f method=post action='" + target + "'><input name=csrf value='" + token + "'></form>"
                + "<script>document.getElementById('f').submit()</script>").getBytes(StandardCharsets.UTF_8);
        attacker.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        attacker.start();
        try {
            browser.get("http://localhost:" + attacker.getAddress().getPort() + "/");
            new WebDriverWait(browser, Browser.WAIT).until(ExpectedConditions.urlContains("/approve"));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("Refused");
        } finally {
            attacker.stop(0);
        }
        assertThat(orders.stock(batch)).isEqualTo("2 rolls + 0.00 m");
        assertThat(orders.one("SELECT state FROM customer_order WHERE id = $1", id).getString("state")).isEqualTo("WAITING_OWNER_CONFIRMATION");
    }

    @Test
    void aCustomerNamedWithMarkupIsShownAsText() {
        String name = "<script>alert(1)</script>";
        long batch = orders.batch("cotton", "yellow", 2, "50", "0", 10_000);
        String chat = orders.customer("en", name);
        long id = orders.place(chat, "en", line(1, "cotton", "yellow", take(batch, 1, "50", "0", 10_000)));
        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();

        assertThat(pages.waitFor(By.id("order-" + id)).findElement(By.className("customer")).getText()).isEqualTo(name);
        pages.assertNoAlert();
        browser.get(pages.url("/dashboard/orders/" + id));
        assertThat(browser.findElement(By.cssSelector("a.customer")).getText()).isEqualTo(name);
        browser.get(pages.url("/dashboard/customers"));
        assertThat(browser.findElements(By.cssSelector("a.customer")).stream().map(WebElement::getText).toList()).contains(name);
        pages.assertNoAlert();
        assertThat((Long) pages.js().executeScript("return document.querySelectorAll('main script').length")).isZero();
    }

    @Test
    void anOrdersPageShowsTheConversationThatLedToIt() {
        orders.batch("cotton", "grey", 2, "50", "0", 10_000);
        String chat = "dash-" + java.util.UUID.randomUUID();
        say(chat, "1 roll grey cotton <b>jaldi</b>");
        String placed = say(chat, "confirm");
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("#(\\d+)").matcher(placed);
        assertThat(number.find()).as(placed).isTrue();
        say(chat, "thank you");

        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();
        browser.get(pages.url("/dashboard/orders/" + number.group(1)));

        List<WebElement> lines = browser.findElements(By.cssSelector("#transcript li"));
        List<String> customer = browser.findElements(By.cssSelector("#transcript .customer-said .said")).stream().map(WebElement::getText).toList();
        assertThat(customer).as("the customer's side, markup as text").containsExactly("1 roll grey cotton <b>jaldi</b>", "confirm", "thank you");
        assertThat(lines.get(0).getAttribute("class")).isEqualTo("customer-said");
        assertThat(lines.get(1).getAttribute("class")).as("the bot answered the first message").isEqualTo("bot-said");
        assertThat(lines.get(1).getText()).contains("grey cotton");
        assertThat(browser.findElements(By.cssSelector("#transcript .bot-said .said")).stream().map(WebElement::getText))
                .anySatisfy(text -> assertThat(text).contains("#" + number.group(1)));
        pages.assertNoAlert();
    }

    @Test
    void aWordTheOwnerTeachesOnTheCatalogPageIsUnderstoodInTheNextMessage() {
        orders.batch("cotton", "sky", 2, "50", "0", 10_000);
        String chat = "teach-" + java.util.UUID.randomUUID();
        assertThat(say(chat, "1 roll aasmani cotton")).as("not a word of the catalog yet").doesNotContain("sky cotton");
        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();
        browser.get(pages.url("/dashboard/catalog"));

        addSynonym("color", "Aasmani", "sky");
        pages.waitForText(By.id("result"), "the bot understands the word");
        assertThat(browser.findElement(By.id("colors")).getText()).contains("sky — aasmani");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("term-kind"))).selectByValue("color");
        browser.findElement(By.id("term-name")).sendKeys("Rust");
        browser.findElement(By.id("add-term")).click();
        pages.waitForText(By.id("result"), "customers can order it by that name");
        addSynonym("color", "aasmani", "rust");
        pages.waitForText(By.id("result"), "already means something else");
        addSynonym("color", "zard", "saffron-that-is-not-there");
        pages.waitForText(By.id("result"), "has no material or colour of that name");
        pages.assertAccessible("/dashboard/catalog after a refusal");

        assertThat(say(chat, "cancel")).isNotBlank();
        assertThat(say("teach-" + java.util.UUID.randomUUID(), "1 roll aasmani cotton")).as("the bot reads the catalog afresh").contains("sky cotton");
    }

    private void addSynonym(String kind, String word, String meaning) {
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("synonym-kind"))).selectByValue(kind);
        browser.findElement(By.id("synonym-word")).sendKeys(word);
        browser.findElement(By.id("synonym-canonical")).sendKeys(meaning);
        browser.findElement(By.id("add-synonym")).click();
    }

    @Test
    void anOwnerApprovesWithTheKeyboardAlone() {
        long batch = orders.batch("cotton", "teal", 2, "50", "0", 10_000);
        long id = orders.place(orders.customer("en", "Keys"), "en", line(1, "cotton", "teal", take(batch, 1, "50", "0", 10_000)));
        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();
        pages.waitFor(By.id("approve-" + id));

        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(browser);
        keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).as("the first Tab reaches the skip link").isEqualTo("Skip to the content");
        int tabs = 1;
        while (!("approve-" + id).equals(browser.switchTo().activeElement().getAttribute("id"))) {
            assertThat(tabs++).as("Tab reaches the order's Approve button").isLessThan(80);
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        }
        assertThat((String) pages.js().executeScript("return getComputedStyle(document.activeElement).outlineStyle"))
                .as("the focused button shows it").isNotEqualTo("none");
        keys.sendKeys(org.openqa.selenium.Keys.ENTER).perform();

        assertThat(pages.waitFor(By.id("result")).getText()).contains("Approved");
    }

    /** Writes to the bot on the console channel, as a customer; the bot's last reply once it has answered. */
    private static String say(String chat, String text) {
        String messages = "/api/v1/console/chats/{chat}/messages";
        int before = consoleLines(chat).size();
        io.restassured.RestAssured.given().contentType("application/json").body(new io.vertx.core.json.JsonObject().put("text", text).encode())
                .post(messages, chat).then().statusCode(200);
        org.awaitility.Awaitility.await().atMost(Browser.WAIT).until(() -> consoleLines(chat).size() > before + 1);
        io.vertx.core.json.JsonArray lines = consoleLines(chat);
        return lines.getJsonObject(lines.size() - 1).getString("text");
    }

    private static io.vertx.core.json.JsonArray consoleLines(String chat) {
        return new io.vertx.core.json.JsonObject(io.restassured.RestAssured.given().get("/api/v1/console/chats/{chat}/messages", chat)
                .then().statusCode(200).extract().asString()).getJsonArray("messages");
    }

    @Test
    void theEventsPageShowsEachOrderChangeLiveAndASubscriberThatCannotBeReached() {
        long batch = orders.batch("linen", "ivory", 2, "50", "0", 10_000);
        String chat = orders.customer("en", "Evented");
        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();
        browser.findElement(By.linkText("Order events")).click();
        pages.waitForText(By.tagName("h1"), "Order events");
        pages.js().executeScript("window.parleyMarker = 'same page';");

        long id = orders.place(chat, "en", line(1, "linen", "ivory", take(batch, 1, "50", "0", 10_000)));
        OwnerApi.given().post("/api/v1/orders/" + id + "/approve").then().statusCode(200);

        pages.pageWait().until(d -> d.findElements(By.cssSelector("#event-list a[href='/dashboard/orders/" + id + "']")).size() == 2);
        List<String> rows = browser.findElements(By.cssSelector("#event-list tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(rows.get(0)).as("newest first").contains("#" + id).contains("Approved");
        assertThat(rows.get(1)).contains("#" + id).contains("Placed, waiting for you");
        assertThat(pages.js().executeScript("return window.parleyMarker")).as("both came in without a reload").isEqualTo("same page");

        pages.pageWait().until(d -> {
            d.navigate().refresh();
            return d.findElement(By.cssSelector("#webhooks tr[data-subscriber='erp']")).getText().contains("Failing");
        });
        assertThat(browser.findElement(By.cssSelector("#webhooks tr[data-subscriber='erp']")).getText()).contains("http://127.0.0.1:");
        assertThat(pages.fitsTheScreen()).isTrue();
        pages.screenshot("order-events");
    }

    @Test
    void theOwnerSwitchesToHindiAndTheChoiceIsKept() {
        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("language"))).selectByValue("hi");
        browser.findElement(By.cssSelector("form[action='/dashboard/language'] button")).click();
        pages.waitForText(By.tagName("h1"), "आपकी प्रतीक्षा में ऑर्डर");
        browser.get(pages.url("/dashboard/customers"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("hi");
        pages.assertAccessible("/dashboard/customers in Hindi");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ग्राहक");
        pages.screenshot("customers-hindi");
    }

    @Test
    void catalogAndUnreadMessagesArePages() {
        orders.batch("chanderi", "peacock", 1, "10", "0", 10_000);
        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();
        browser.findElement(By.linkText("Catalog")).click();
        pages.waitForText(By.tagName("h1"), "Catalog");
        assertThat(browser.findElement(By.id("main")).getText()).contains("chanderi").contains("peacock");
        pages.screenshot("catalog");
        browser.findElement(By.linkText("Unread messages")).click();
        pages.waitForText(By.tagName("h1"), "Messages that could not be handled");
        browser.findElement(By.linkText("Orders")).click();
        pages.waitForText(By.tagName("h1"), "All orders");
        pages.screenshot("orders");
    }

    @Test
    void everyPageHasALanguageOneHeadingAndALabelForEveryField() {
        long batch = orders.batch("cotton", "white", 2, "50", "0", 10_000);
        String chat = orders.customer("en", "Labelled");
        long id = orders.place(chat, "en", line(1, "cotton", "white", take(batch, 1, "50", "0", 10_000)));
        browser.get(pages.url("/dashboard/sign-in"));
        pages.assertAccessible("/dashboard/sign-in");
        pages.signIn();
        List<String> paths = new java.util.ArrayList<>(Nav.ENTRIES.stream().map(Nav.Entry::path).toList());
        paths.addAll(List.of("/dashboard/orders/" + id, "/dashboard/customers/" + orders.customerId(chat), "/dashboard/no-such-page"));
        for (String page : paths) {
            browser.get(pages.url(page));
            pages.assertAccessible(page);
        }
    }

}
