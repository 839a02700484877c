package dev.parley.runtime.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.parley.runtime.commerce.order.Checkout;
import dev.parley.runtime.commerce.order.NewOrder;
import dev.parley.runtime.commerce.order.NewProductOrder;
import dev.parley.runtime.commerce.order.Order;
import dev.parley.runtime.commerce.order.OrderRepository;
import dev.parley.runtime.commerce.order.Orders;
import dev.parley.runtime.commerce.product.Product;
import dev.parley.runtime.commerce.product.ProductInput;
import dev.parley.runtime.commerce.product.ProductRepository;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The shop owner's dashboard in a real browser at a phone's size: a shop order arrives, is accepted, shipped and
 * delivered (the customer hears of each step), a rejection puts its stock back, a fulfilment step the order cannot
 * take is refused and changes nothing, and the products are added, changed, taken off sale and imported from CSV
 * with the broken rows reported.
 */
@QuarkusTest
@TestProfile(ShopDashboard.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ShopDashboardBrowserTest {

    private ChromeDriver browser;

    @TestHTTPResource("/")
    java.net.URL root;

    @Inject
    Pool pool;

    @Inject
    OrderRepository repository;

    @Inject
    ProductRepository products;

    Orders orders;
    DashboardPages pages;

    @BeforeEach
    void open() {
        orders = new Orders(pool, repository);
        pages = DashboardPages.open(root);
        browser = pages.browser();
        browser.get(pages.url("/dashboard/sign-in"));
        pages.signIn();
    }

    @AfterEach
    void signOutOfThisTest() {
        pages.forgetTheSession();
    }

    @Test
    void aShopOrderArrivesAndIsAcceptedShippedAndDeliveredAndTheCustomerHearsEachStep() {
        assertThat(browser.getCurrentUrl()).as("a shop's owner lands on the waiting orders").endsWith("/dashboard/orders/waiting");
        Product tea = product("Assam tea 250 g", 45_000, 10);
        String chat = orders.customer("en", "Meera");
        long id = place(chat, tea, 2, new Checkout(Checkout.Payment.CASH_ON_DELIVERY, "Meera Rao", "+91 98000 00001",
                "<script>alert(1)</script> 12 MG Road, Pune"));

        WebElement card = pages.waitFor(By.id("order-" + id));
        assertThat(card.getText()).contains("2 × Assam tea 250 g").contains("INR 900.00");
        browser.findElement(By.cssSelector("#order-" + id + " h2 a")).click();
        pages.waitForText(By.id("order-state"), "Waiting");
        assertThat(browser.findElement(By.id("products")).getText()).contains(tea.sku()).contains("Assam tea 250 g").contains("INR 450.00")
                .contains("INR 900.00");
        assertThat(browser.findElement(By.id("payment")).getText()).isEqualTo("Cash on delivery");
        assertThat(browser.findElement(By.cssSelector("#delivery .address")).getText())
                .as("the customer's address is shown as text, markup and all").isEqualTo("<script>alert(1)</script> 12 MG Road, Pune");
        pages.assertNoAlert();
        assertThat(browser.findElements(By.id("step-SHIPPED"))).as("no fulfilment before the order is accepted").isEmpty();
        pages.assertAccessible("a waiting shop order");
        assertThat(browser.findElement(By.id("approve-" + id)).getText()).as("a shop accepts its orders").isEqualTo("Accept");

        browser.findElement(By.id("approve-" + id)).click();
        pages.waitForText(By.id("result"), "Accepted: the invoice was issued");
        assertThat(browser.findElement(By.id("order-state")).getText()).isEqualTo("Approved");
        assertThat(browser.findElement(By.id("fulfilment")).getText()).isEqualTo("Not started");
        assertThat(browser.findElements(By.cssSelector(".steps button"))).extracting(WebElement::getText)
                .containsExactly("Mark preparing", "Mark ready", "Mark shipped", "Mark delivered");
        pages.screenshot("shop-order-accepted");

        browser.findElement(By.id("step-SHIPPED")).click();
        pages.waitForText(By.id("fulfilment-result"), "Marked shipped");
        assertThat(browser.findElement(By.id("fulfilment")).getText()).isEqualTo("Shipped");
        assertThat(browser.findElements(By.cssSelector(".steps button"))).as("never back").extracting(WebElement::getText)
                .containsExactly("Mark delivered");
        assertThat(pages.fitsTheScreen()).isTrue();
        pages.assertAccessible("an accepted shop order");

        browser.findElement(By.id("step-DELIVERED")).click();
        pages.waitForText(By.id("fulfilment-result"), "Marked delivered");
        assertThat(browser.findElement(By.id("fulfilment")).getText()).isEqualTo("Delivered");
        assertThat(browser.findElements(By.cssSelector(".steps button"))).isEmpty();
        assertThat(browser.findElements(By.id("step-CANCELLED"))).as("a delivered order cannot be cancelled").isEmpty();
        pages.screenshot("shop-order-delivered");

        List<String> told = orders.outbox(chat).stream().map(p -> p.getString("text", "")).toList();
        assertThat(told).anySatisfy(text -> assertThat(text).contains("Your order " + id + " is on its way."))
                .anySatisfy(text -> assertThat(text).contains("Your order " + id + " has been delivered."));
        assertThat(orders.one("SELECT state, fulfilment FROM customer_order WHERE id = $1", id).getString("fulfilment")).isEqualTo("DELIVERED");

        String refused = moveFromThePage(id, "SHIPPED", "");
        assertThat(refused).as("a step back is refused with a reason").contains("already at that step or past it");
        assertThat(orders.one("SELECT fulfilment FROM customer_order WHERE id = $1", id).getString("fulfilment")).isEqualTo("DELIVERED");
    }

    @Test
    void aStepAWaitingOrderCannotTakeIsRefusedAndACancellationNeedsAReason() {
        Product jam = product("Mango jam 300 g", 25_000, 5);
        String chat = orders.customer("en", "Ravi");
        long id = place(chat, jam, 1, null);
        browser.get(pages.url("/dashboard/orders/" + id));

        assertThat(moveFromThePage(id, "SHIPPED", "")).contains("has not been approved");
        assertThat(orders.one("SELECT fulfilment FROM customer_order WHERE id = $1", id).getValue("fulfilment")).isNull();

        browser.get(pages.url("/dashboard/orders/" + id));
        browser.findElement(By.id("approve-" + id)).click();
        pages.waitForText(By.id("result"), "Accepted");
        browser.findElement(By.id("step-CANCELLED")).click();
        pages.waitForText(By.id("fulfilment-result"), "say why");
        assertThat(browser.findElement(By.id("fulfilment")).getText()).isEqualTo("Not started");

        browser.findElement(By.id("cancel-reason")).sendKeys("the courier does not reach your area");
        browser.findElement(By.id("step-CANCELLED")).click();
        pages.waitForText(By.id("fulfilment-result"), "Cancelled");
        assertThat(browser.findElement(By.id("fulfilment-reason")).getText()).isEqualTo("the courier does not reach your area");
        assertThat(stock(jam)).as("cancelled before it shipped: its stock is back").isEqualTo(5);
        assertThat(orders.outbox(chat).stream().map(p -> p.getString("text", ""))).anySatisfy(text -> assertThat(text)
                .contains("the courier does not reach your area"));
    }

    @Test
    void anAcceptedOrderOfTheOrderAgentIsFulfilledFromItsPageToo() {
        long batch = orders.batch("silk", "red", 3, "40", "0", 50_000);
        String chat = orders.customer("en", "Kiran Textiles");
        long id = orders.place(chat, "en", Orders.line(1, "silk", "red", Orders.take(batch, 1, "40", "0", 50_000)));
        browser.get(pages.url("/dashboard/orders/" + id));
        assertThat(browser.findElements(By.id("products"))).as("a cloth order has no product lines").isEmpty();
        browser.findElement(By.id("approve-" + id)).click();
        pages.waitForText(By.id("result"), "Approved: the stock below was taken");

        browser.findElement(By.id("step-READY")).click();
        pages.waitForText(By.id("fulfilment-result"), "Marked ready");
        assertThat(browser.findElement(By.id("fulfilment")).getText()).isEqualTo("Ready");
        assertThat(browser.findElements(By.cssSelector(".steps button"))).extracting(WebElement::getText)
                .containsExactly("Mark shipped", "Mark delivered");
        assertThat(orders.outbox(chat).stream().map(p -> p.getString("text", ""))).contains("Your order " + id + " is ready.");
    }

    @Test
    void rejectingAShopOrderPutsItsStockBackAndTellsTheCustomerWhy() {
        Product ghee = product("Cow ghee 500 ml", 60_000, 4);
        String chat = orders.customer("en", "Anil");
        long id = place(chat, ghee, 3, new Checkout(Checkout.Payment.ON_ACCOUNT, "Anil", "+91 98000 00002", "Shop 4, Market Yard"));
        assertThat(stock(ghee)).isEqualTo(1);

        browser.get(pages.url("/dashboard/orders/" + id));
        assertThat(browser.findElement(By.id("payment")).getText()).startsWith("On account");
        browser.findElement(By.id("reason-" + id)).sendKeys("out of season");
        browser.findElement(By.id("reject-" + id)).click();

        pages.waitForText(By.id("result"), "Rejected");
        assertThat(browser.findElement(By.id("result")).getText()).contains("stock went back");
        assertThat(stock(ghee)).isEqualTo(4);
        assertThat(orders.outbox(chat).stream().map(p -> p.getString("text", ""))).anySatisfy(text -> assertThat(text)
                .contains("cannot take your order " + id).contains("out of season"));

        browser.get(pages.url("/dashboard/products"));
        assertThat(browser.findElement(By.id("stock-" + ghee.id())).getText()).isEqualTo("4 in stock");
    }

    @Test
    void productsAreAddedChangedTakenOffSaleAndImportedFromCsvWithTheBrokenRowsReported() throws Exception {
        browser.get(pages.url("/dashboard/products"));
        pages.assertAccessible("/dashboard/products");
        assertThat(browser.findElement(By.id("categories")).getText()).as("the demo catalog's categories").contains("Snacks");
        String sku = "TST-" + UUID.randomUUID().toString().substring(0, 8);

        fill("new-sku", sku);
        fill("new-name", "Kokum syrup 750 ml");
        fill("new-category", "Drinks");
        fill("new-price", "320.50");
        fill("new-stock", "12");
        browser.findElement(By.id("add-product")).click();
        pages.waitForText(By.id("result"), "The product was added");
        Product added = products.bySku(pool, sku).await().atMost(Orders.WAIT).orElseThrow();
        assertThat(added.priceMinor()).isEqualTo(32_050);
        assertThat(added.stock()).isEqualTo(12);
        assertThat(added.category()).isEqualTo("Drinks");
        assertThat(browser.findElement(By.id("price-" + added.id())).getText()).isEqualTo("INR 320.50");

        fill("new-sku", sku);
        fill("new-name", "Again");
        fill("new-category", "Drinks");
        fill("new-price", "1");
        fill("new-stock", "1");
        browser.findElement(By.id("add-product")).click();
        pages.waitForText(By.id("result"), "has this SKU already");

        fill("new-sku", "no spaces allowed");
        fill("new-name", "Bad");
        fill("new-category", "Drinks");
        fill("new-price", "1");
        fill("new-stock", "1");
        browser.findElement(By.id("add-product")).click();
        pages.waitForText(By.id("result"), "sku is 1 to 40 letters");

        browser.get(pages.url("/dashboard/products"));
        browser.findElement(By.cssSelector("#product-" + added.id() + " summary")).click();
        fill("price-input-" + added.id(), "299");
        fill("stock-input-" + added.id(), "30");
        browser.findElement(By.id("change-" + added.id())).click();
        pages.waitForText(By.id("result"), "The product was changed");
        assertThat(browser.findElement(By.id("price-" + added.id())).getText()).isEqualTo("INR 299.00");
        assertThat(browser.findElement(By.id("stock-" + added.id())).getText()).isEqualTo("30 in stock");

        browser.findElement(By.cssSelector("#product-" + added.id() + " summary")).click();
        fill("stock-input-" + added.id(), "-3");
        browser.findElement(By.id("change-" + added.id())).click();
        pages.waitForText(By.id("result"), "The stock must be a whole number");
        assertThat(products.find(pool, added.id()).await().atMost(Orders.WAIT).orElseThrow().stock()).isEqualTo(30);

        browser.findElement(By.cssSelector("#product-" + added.id() + " summary")).click();
        browser.findElement(By.id("deactivate-" + added.id())).click();
        pages.waitForText(By.id("result"), "off sale");
        assertThat(browser.findElement(By.id("active-" + added.id())).getText()).isEqualTo("off sale");
        assertThat(products.find(pool, added.id()).await().atMost(Orders.WAIT).orElseThrow().active()).isFalse();

        String first = "IMP-" + UUID.randomUUID().toString().substring(0, 6);
        Path csv = Files.createTempFile("products", ".csv");
        Files.writeString(csv, "sku,name,category,priceMinor,stock\n"
                + first + ",Imported pickle,Pickles,15000,7\n"
                + sku + ",Kokum syrup 1 l,Drinks,41000,3\n"
                + "BROKEN-1,No price,Pickles,abc,2\n");
        browser.findElement(By.id("csv-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("import-csv")).click();
        pages.waitForText(By.id("import-counts"), "Added: 1. Updated: 1.");
        assertThat(browser.findElement(By.id("import-refused")).getText()).contains("4").contains("BROKEN-1").contains("priceMinor");
        assertThat(products.bySku(pool, first).await().atMost(Orders.WAIT).orElseThrow().stock()).isEqualTo(7);
        assertThat(products.bySku(pool, sku).await().atMost(Orders.WAIT).orElseThrow().name()).isEqualTo("Kokum syrup 1 l");
        assertThat(products.bySku(pool, "BROKEN-1").await().atMost(Orders.WAIT)).as("the broken row went nowhere").isEmpty();
        assertThat(pages.fitsTheScreen()).isTrue();
        pages.assertAccessible("the import's report");
        pages.screenshot("shop-products-import");

        Files.writeString(csv, "sku,name,colour\nA,B,C\n");
        browser.findElement(By.id("csv-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("import-csv")).click();
        pages.waitForText(By.id("import-error"), "unknown column 'colour'");
        Files.delete(csv);
    }

    @Test
    void everyShopPageFitsThePhoneAndHasItsLabels() {
        Product rice = product("Basmati rice 1 kg", 18_000, 20);
        long id = place(orders.customer("hi", "Sunita"), rice, 1, new Checkout(Checkout.Payment.CASH_ON_DELIVERY, "Sunita", "+91 98000 00003",
                "Flat 2, Nagpur"));
        for (String page : List.of("/dashboard/orders/waiting", "/dashboard/orders", "/dashboard/orders/" + id, "/dashboard/products")) {
            browser.get(pages.url(page));
            pages.waitFor(By.tagName("h1"));
            pages.assertAccessible(page);
            assertThat(pages.fitsTheScreen()).as(page).isTrue();
        }
        browser.get(pages.url("/dashboard/products"));
        pages.screenshot("shop-products");
        assertThat(browser.findElements(By.cssSelector("header nav a"))).extracting(WebElement::getText)
                .containsExactly("Waiting", "Orders", "Customers", "Order events", "Products", "Unread messages");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("language"))).selectByValue("hi");
        browser.findElement(By.cssSelector("form[action='/dashboard/language'] button")).click();
        pages.waitForText(By.tagName("h1"), "उत्पाद");
        assertThat(browser.findElement(By.id("stock-" + rice.id())).getText()).isEqualTo("स्टॉक में 19");
        browser.get(pages.url("/dashboard/orders/" + id));
        assertThat(browser.findElement(By.id("payment")).getText()).isEqualTo("डिलीवरी पर नकद");
        pages.assertAccessible("a shop order, in Hindi");
        assertThat(pages.fitsTheScreen()).isTrue();
    }

    private void fill(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Posts a fulfilment step with the page's own form token and follows the answer: the result the order's page shows. */
    private String moveFromThePage(long id, String to, String reason) {
        return (String) pages.js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const csrf = document.querySelector('input[name=csrf]').value;
                fetch('/dashboard/fulfilment/' + arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: 'csrf=' + encodeURIComponent(csrf) + '&to=' + arguments[1] + '&reason=' + encodeURIComponent(arguments[2])})
                  .then(r => r.text()).then(html => {
                    const result = new DOMParser().parseFromString(html, 'text/html').getElementById('result');
                    done(result ? result.textContent : html);
                  }, e => done('failed: ' + e));""", id, to, reason);
    }

    private Product product(String name, long priceMinor, int stock) {
        String sku = "P-" + UUID.randomUUID().toString().substring(0, 8);
        return pool.withTransaction(tx -> products.create(tx, new ProductInput(sku, name, null, "Pantry", priceMinor, stock, null, true)))
                .await().atMost(Orders.WAIT).orElseThrow();
    }

    private int stock(Product product) {
        return products.find(pool, product.id()).await().atMost(Orders.WAIT).orElseThrow().stock();
    }

    /** A shop order as the shop's checkout places it: the stock taken and the order stored in one transaction. */
    private long place(String chat, Product product, int quantity, Checkout checkout) {
        long id = orders.one("SELECT nextval('customer_order_id_seq') AS id").getLong("id");
        pool.withTransaction(tx -> products.take(tx, product.id(), quantity).flatMap(taken -> {
            assertThat(taken).isTrue();
            return repository.placeProducts(tx, new NewProductOrder(id, Order.Kind.SHOP, "telegram", chat, "en", "INR",
                    List.of(new NewOrder.ProductLine(1, product.id(), product.sku(), product.name(), quantity, product.priceMinor())), checkout));
        })).await().atMost(Orders.WAIT);
        return id;
    }
}
