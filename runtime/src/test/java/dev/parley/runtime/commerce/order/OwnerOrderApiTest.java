package dev.parley.runtime.commerce.order;

import static dev.parley.runtime.commerce.OwnerApi.given;
import static dev.parley.runtime.commerce.order.Orders.line;
import static dev.parley.runtime.commerce.order.Orders.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.CommerceProfile;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;

/** The owner API for orders, invoices and the ledger, over HTTP against the real database. */
@QuarkusTest
@TestProfile(CommerceProfile.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class OwnerOrderApiTest {

    @Inject
    Pool pool;

    @Inject
    OrderRepository repository;

    Orders orders;

    @BeforeEach
    void fixtures() {
        orders = new Orders(pool, repository);
    }

    private long waitingOrder(String chat) {
        long batch = orders.batch("cotton", "blue", 4, "50", "0", 10_000);
        return orders.place(chat, "en", line(1, "cotton", "blue", take(batch, 1, "50", "0", 10_000)));
    }

    @Test
    void everyEndpointWantsTheOwnerToken() {
        for (String path : new String[] {"/api/v1/orders", "/api/v1/orders/1", "/api/v1/invoices/1", "/api/v1/invoices/1/pdf",
                "/api/v1/customers/1/ledger"}) {
            RestAssured.given().get(path).then().statusCode(401);
        }
        RestAssured.given().post("/api/v1/orders/1/approve").then().statusCode(401);
        RestAssured.given().post("/api/v1/orders/1/reject").then().statusCode(401);
        RestAssured.given().contentType("application/json").body("{\"amountMinor\": 1}").post("/api/v1/customers/1/payments").then().statusCode(401);
    }

    @Test
    void ordersAreListedByStateAndShownWithTheirAllocations() {
        String chat = orders.customer("en", "Lister");
        long id = waitingOrder(chat);

        given().get("/api/v1/orders?state=WAITING_OWNER_CONFIRMATION").then().statusCode(200).body("orders.id", hasItem((int) id));
        given().get("/api/v1/orders?state=ORDER_REJECTED").then().statusCode(200).body("orders.id", not(hasItem((int) id)));
        given().get("/api/v1/orders/" + id).then().statusCode(200)
                .body("state", equalTo("WAITING_OWNER_CONFIRMATION")).body("customerName", equalTo("Lister"))
                .body("subtotalMinor", equalTo(500_000)).body("invoiceId", nullValue())
                .body("lines[0].material", equalTo("cotton")).body("lines[0].amountMinor", equalTo(500_000))
                .body("lines[0].allocations[0].rolls", equalTo(1));

        given().get("/api/v1/orders?state=SHIPPED").then().statusCode(400).body("error", containsString("WAITING_OWNER_CONFIRMATION"));
        given().get("/api/v1/orders?limit=0").then().statusCode(400).body("error", containsString("limit"));
        given().get("/api/v1/orders/999999999").then().statusCode(404).body("error", containsString("999999999"));
    }

    @Test
    void approvingAnswersWithTheInvoiceWhosePdfAndLedgerFollowAndAPaymentSettlesIt() {
        String chat = orders.customer("en", "Payer");
        long id = waitingOrder(chat);
        long customer = orders.customerId(chat);

        int invoiceId = given().post("/api/v1/orders/" + id + "/approve").then().statusCode(200)
                .body("state", equalTo("ORDER_COMPLETED")).body("totalMinor", equalTo(525_000)).body("currency", equalTo("INR"))
                .body("invoiceNumber", containsString("INV-"))
                .extract().path("invoiceId");
        String number = given().get("/api/v1/invoices/" + invoiceId).then().statusCode(200)
                .body("orderId", equalTo((int) id)).body("subtotalMinor", equalTo(500_000)).body("taxMinor", equalTo(25_000))
                .body("taxRatePercent", equalTo(5)).body("totalMinor", equalTo(525_000))
                .extract().path("number");

        byte[] pdf = given().get("/api/v1/invoices/" + invoiceId + "/pdf").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Orders.pdfText(pdf)).contains(number, "INR 5,250.00");

        given().post("/api/v1/orders/" + id + "/approve").then().statusCode(409)
                .body("reason", equalTo("ALREADY_APPROVED")).body("error", containsString("approved already"));
        given().post("/api/v1/orders/" + id + "/reject").then().statusCode(409).body("reason", equalTo("ALREADY_APPROVED"));

        String ledger = "/api/v1/customers/" + customer + "/ledger";
        given().get(ledger).then().statusCode(200).body("balanceMinor", equalTo(525_000))
                .body("entries[0].kind", equalTo("INVOICE")).body("entries[0].invoiceId", equalTo(invoiceId));

        String payments = "/api/v1/customers/" + customer + "/payments";
        for (String bad : new String[] {"{}", "{\"amountMinor\": 0}", "{\"amountMinor\": -5}", "{\"amountMinor\": 1.5}",
                "{\"amountMinor\": \"lots\"}", "{\"amountMinor\": 100, \"method\": \"cash\"}",
                // Not whole, though a double would read it as 1; and above the bound, whose sum could overflow the ledger.
                "{\"amountMinor\": 1.00000000000000000001}", "{\"amountMinor\": 9223372036854775807}", "{\"amountMinor\": 9223372036854775808}",
                "{\"amountMinor\": 1000000000001}"}) {
            given().contentType("application/json").body(bad).post(payments).then().statusCode(400).body("error", containsString("amountMinor"));
        }
        given().contentType("application/json").body("not json").post(payments).then().statusCode(400).body("error", containsString("JSON"));
        given().contentType("application/json").body("{\"amountMinor\": 100, \"note\": \"ca\\u0000sh\"}").post(payments).then().statusCode(400)
                .body("error", containsString("\"note\"")).body("error", containsString("NUL"));
        given().contentType("application/json").body("{\"amountMinor\": 100}").post("/api/v1/customers/999999999/payments")
                .then().statusCode(404).body("error", containsString("999999999"));
        given().get("/api/v1/customers/999999999/ledger").then().statusCode(404);

        given().contentType("application/json").body("{\"amountMinor\": 200000, \"note\": \"cash\"}").post(payments).then().statusCode(201)
                .body("kind", equalTo("PAYMENT")).body("amountMinor", equalTo(-200_000)).body("balanceMinor", equalTo(325_000))
                .body("recordedBy", equalTo("owner-api"));
        given().contentType("application/json").body("{\"amountMinor\": 325000}").post(payments).then().statusCode(201)
                .body("balanceMinor", equalTo(0));
        given().get(ledger).then().statusCode(200).body("balanceMinor", equalTo(0)).body("entries.size()", equalTo(3));
    }

    @Test
    void rejectingTakesAnOptionalReason() {
        String chat = orders.customer("en", "Rejected");
        long withReason = waitingOrder(chat);
        long without = waitingOrder(chat);

        given().contentType("application/json").body("{\"why\": \"no\"}").post("/api/v1/orders/" + withReason + "/reject")
                .then().statusCode(400).body("error", containsString("reason"));
        given().contentType("application/json").body("{\"reason\": \"out of season\"}").post("/api/v1/orders/" + withReason + "/reject")
                .then().statusCode(200).body("state", equalTo("ORDER_REJECTED"));
        given().post("/api/v1/orders/" + without + "/reject").then().statusCode(200);

        given().get("/api/v1/orders/" + withReason).then().body("rejectionReason", equalTo("out of season")).body("decidedBy", equalTo("owner-api"));
        given().post("/api/v1/orders/" + withReason + "/approve").then().statusCode(409).body("reason", equalTo("ALREADY_REJECTED"));
        given().post("/api/v1/orders/999999999/approve").then().statusCode(404).body("reason", equalTo("NOT_FOUND"));
        given().post("/api/v1/orders/999999999/reject").then().statusCode(404);
        given().get("/api/v1/invoices/999999999").then().statusCode(404);
        given().get("/api/v1/invoices/999999999/pdf").then().statusCode(404);
    }
}
