package dev.parley.runtime.commerce.order;

import static dev.parley.runtime.commerce.order.Orders.WAIT;
import static dev.parley.runtime.commerce.order.Orders.line;
import static dev.parley.runtime.commerce.order.Orders.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.CommerceProfile;
import dev.parley.runtime.commerce.invoice.Invoice;
import dev.parley.runtime.commerce.ledger.Ledger;
import dev.parley.runtime.commerce.order.Decision.Approved;
import dev.parley.runtime.commerce.order.Decision.Reason;
import dev.parley.runtime.commerce.order.Decision.Refused;
import dev.parley.runtime.commerce.order.Decision.Rejected;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.Outbox;
import dev.parley.runtime.testing.Concurrently;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Approval and rejection against the real database: exactly the recorded allocations are deducted, invoices are
 * numbered without gaps, and a refused or failed approval leaves nothing behind. The database is shared by the
 * tests of this class, so they compare with what was there before rather than with absolute counts.
 */
@QuarkusTest
@TestProfile(CommerceProfile.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class OrderDecisionsTest {

    private static final String OWNER = "owner-test";

    @Inject
    Pool pool;

    @Inject
    OrderRepository repository;

    @Inject
    OrderDecisions decisions;

    @Inject
    Ledger ledger;

    Orders orders;

    @BeforeEach
    void fixtures() {
        orders = new Orders(pool, repository);
    }

    private Decision approve(long orderId) {
        return pool.withTransaction(tx -> decisions.approve(tx, orderId, OWNER)).await().atMost(WAIT);
    }

    private Decision reject(long orderId, String reason) {
        return pool.withTransaction(tx -> decisions.reject(tx, orderId, OWNER, reason)).await().atMost(WAIT);
    }

    private long lastInvoiceSeq() {
        return orders.count("SELECT last_seq FROM invoice_counter");
    }

    @Test
    void approvalDeductsExactlyTheAllocationsIssuesTheInvoiceDebitsTheLedgerAndSendsThePdf() {
        long cotton = orders.batch("cotton", "blue", 5, "50", "10", 10_000);
        long silk = orders.batch("silk", "red", 2, "40", "0", 12_345);
        long untouched = orders.batch("cotton", "blue", 3, "50", "0", 10_000);
        String chat = orders.customer("en", "Asha Traders");
        long orderId = orders.place(chat, "en",
                line(1, "cotton", "blue", take(cotton, 2, "50", "10", 10_000)),    // 110 m × ₹100.00 = ₹11,000.00
                line(2, "silk", "red", take(silk, 1, "40", "0", 12_345)));         // 40 m × ₹123.45 = ₹4,938.00
        long before = lastInvoiceSeq();

        Decision decision = approve(orderId);

        // Subtotal ₹15,938.00, 5 % tax ₹796.90, total ₹16,734.90.
        String number = Invoice.number(CommerceProfile.PREFIX, before + 1);
        assertThat(decision).isInstanceOf(Approved.class);
        Approved approved = (Approved) decision;
        assertThat(approved.invoiceNumber()).isEqualTo(number).matches("INV-\\d{6}");
        assertThat(approved.totalMinor()).isEqualTo(1_673_490);
        assertThat(approved.currency()).isEqualTo("INR");

        assertThat(orders.stock(cotton)).isEqualTo("3 rolls + 0.00 m");
        assertThat(orders.stock(silk)).isEqualTo("1 rolls + 0.00 m");
        assertThat(orders.stock(untouched)).isEqualTo("3 rolls + 0.00 m");

        var invoice = orders.one("SELECT subtotal_minor, tax_minor, total_minor, order_id FROM invoice WHERE id = $1", approved.invoiceId());
        assertThat(invoice.getLong("subtotal_minor")).isEqualTo(1_593_800);
        assertThat(invoice.getLong("tax_minor")).isEqualTo(79_690);
        assertThat(invoice.getLong("total_minor")).isEqualTo(1_673_490);
        assertThat(invoice.getLong("order_id")).isEqualTo(orderId);

        long customer = orders.customerId(chat);
        assertThat(ledger.entries(pool, customer).await().atMost(WAIT)).singleElement().satisfies(entry -> {
            assertThat(entry.amountMinor()).isEqualTo(1_673_490);
            assertThat(entry.invoiceId()).isEqualTo(approved.invoiceId());
            assertThat(entry.recordedBy()).isEqualTo(OWNER);
        });
        assertThat(ledger.balance(pool, customer).await().atMost(WAIT)).isEqualTo(1_673_490);

        Order order = repository.find(pool, orderId).await().atMost(WAIT).orElseThrow();
        assertThat(order.state()).isEqualTo(Order.State.ORDER_COMPLETED);
        assertThat(order.decidedBy()).isEqualTo(OWNER);
        assertThat(order.decidedAt()).isNotNull();
        assertThat(order.invoiceId()).isEqualTo(approved.invoiceId());

        List<JsonObject> sent = orders.outbox(chat);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getString("text")).contains("order " + orderId, number, "INR 16,734.90");
        JsonObject document = sent.get(1).getJsonObject("document");
        assertThat(document.getString("mediaType")).isEqualTo("application/pdf");
        assertThat(document.getString("fileName")).isEqualTo(number + ".pdf");
        String pdf = Orders.pdfText(Base64.getDecoder().decode(document.getString("content")));
        assertThat(pdf).contains(number, "INR 16,734.90", "INR 15,938.00", "INR 796.90", "Tax (5%)", "Asha Traders", "Sharma Textiles",
                "cotton", "silk", "110.00");
    }

    @Test
    void theInvoiceIsSentAgainAsIssuedAndNothingElseChanges() {
        long batch = orders.batch("cotton", "mauve", 3, "50", "0", 10_000);
        String chat = orders.customer("en", "Lost It");
        long orderId = orders.place(chat, "en", line(1, "cotton", "mauve", take(batch, 1, "50", "0", 10_000)));
        assertThat(resend(orderId)).as("not approved yet").isEqualTo(new InvoiceResend.NotSent(orderId, InvoiceResend.Why.NO_INVOICE));
        Decision.Approved approved = (Decision.Approved) approve(orderId);
        long customer = orders.customerId(chat);
        long balance = ledger.balance(pool, customer).await().atMost(WAIT);
        long seq = lastInvoiceSeq();

        assertThat(resend(orderId)).isEqualTo(new InvoiceResend.Sent(orderId, approved.invoiceNumber()));

        List<JsonObject> sent = orders.outbox(chat);
        assertThat(sent).hasSize(3);
        assertThat(sent.get(2).getJsonObject("document")).as("the same PDF, under the same name").isEqualTo(sent.get(1).getJsonObject("document"));
        assertThat(sent.get(2).getString("text")).isEqualTo(sent.get(1).getString("text"));
        assertThat(ledger.balance(pool, customer).await().atMost(WAIT)).as("no second debit").isEqualTo(balance);
        assertThat(lastInvoiceSeq()).as("no new number").isEqualTo(seq);
        assertThat(resend(999_999_999L)).isEqualTo(new InvoiceResend.NotSent(999_999_999L, InvoiceResend.Why.NOT_FOUND));
    }

    @Test
    void anInvoiceOfACustomerTheBotHasNoChatWithIsNotSentAgain() {
        long batch = orders.batch("cotton", "plum", 3, "50", "0", 10_000);
        String name = "name:" + java.util.UUID.randomUUID();
        pool.preparedQuery("INSERT INTO customer (channel, chat_id, display_name) VALUES ($1, $2, 'From The Web Shop')")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(Outbox.NO_CHAT, name)).await().atMost(WAIT);
        long orderId = orders.one("SELECT nextval('customer_order_id_seq') AS id").getLong("id");
        pool.withTransaction(tx -> repository.place(tx, new NewOrder(orderId, Outbox.NO_CHAT, name, "en", "INR",
                new java.util.ArrayList<>(List.of(line(1, "cotton", "plum", take(batch, 1, "50", "0", 10_000))))))).await().atMost(WAIT);
        approve(orderId);

        assertThat(resend(orderId)).isEqualTo(new InvoiceResend.NotSent(orderId, InvoiceResend.Why.NO_CHAT));
    }

    private InvoiceResend resend(long orderId) {
        return pool.withTransaction(tx -> decisions.sendInvoiceAgain(tx, orderId)).await().atMost(WAIT);
    }

    @Test
    void aCustomerWhoWritesHindiIsAnsweredInHindi() {
        long batch = orders.batch("cotton", "green", 2, "50", "0", 10_000);
        String chat = orders.customer("hi", "राम कपड़ा");
        long orderId = orders.place(chat, "hi", line(1, "cotton", "green", take(batch, 1, "50", "0", 10_000)));

        Approved approved = (Approved) approve(orderId);

        List<JsonObject> sent = orders.outbox(chat);
        assertThat(sent.get(0).getString("text")).contains("confirm ho gaya", approved.invoiceNumber(), "INR 5,250.00");
        // The PDF's standard font has no Devanagari: the name is printed as question marks rather than failing.
        String pdf = Orders.pdfText(Base64.getDecoder().decode(sent.get(1).getJsonObject("document").getString("content")));
        assertThat(pdf).contains(approved.invoiceNumber(), "INR 5,250.00", "Bill to: ?");
    }

    @Test
    void invoiceNumbersHaveNoGapsWhenApprovalsAreRefusedOrFailAfterTakingANumber() {
        long batch = orders.batch("linen", "white", 3, "30", "0", 5_000);
        String chat = orders.customer("en", "Gap Free");
        long first = orders.place(chat, "en", line(1, "linen", "white", take(batch, 1, "30", "0", 5_000)));
        long tooMuch = orders.place(chat, "en", line(1, "linen", "white", take(batch, 3, "30", "0", 5_000)));
        long failing = orders.place(chat, "en", line(1, "linen", "white", take(batch, 1, "30", "0", 5_000)));
        long before = lastInvoiceSeq();

        assertThat(((Approved) approve(first)).invoiceNumber()).isEqualTo(Invoice.number("INV-", before + 1));
        assertThat(approve(tooMuch)).isInstanceOf(Refused.class);
        assertThat(lastInvoiceSeq()).isEqualTo(before + 1);

        // The invoice insert fails after the number was taken. The transaction is begun with plain SQL here: the
        // Vert.x client's own transactions roll back at the end once any statement failed (see OrderDecisions), and
        // this test is about what the savepoint does inside the caller's transaction.
        pool.query("CREATE FUNCTION refuse_invoice() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN RAISE EXCEPTION 'the test refuses this invoice'; END $$").execute().await().atMost(WAIT);
        pool.query("CREATE TRIGGER refuse_invoice BEFORE INSERT ON invoice FOR EACH ROW WHEN (NEW.order_id = " + failing + ")"
                + " EXECUTE FUNCTION refuse_invoice()").execute().await().atMost(WAIT);
        try {
            SqlConnection connection = pool.getConnection().await().atMost(WAIT);
            try {
                connection.query("BEGIN").execute().await().atMost(WAIT);
                assertThatThrownBy(() -> decisions.approve(connection, failing, OWNER).await().atMost(WAIT))
                        .hasMessageContaining("the test refuses this invoice");
                assertThat(connection.query("SELECT last_seq FROM invoice_counter").execute().await().atMost(WAIT).iterator().next().getLong(0))
                        .as("inside the caller's transaction, which goes on").isEqualTo(before + 1);
                connection.query("COMMIT").execute().await().atMost(WAIT);
            } finally {
                connection.close().await().atMost(WAIT);
            }
        } finally {
            pool.query("DROP TRIGGER refuse_invoice ON invoice; DROP FUNCTION refuse_invoice()").execute().await().atMost(WAIT);
        }
        assertThat(lastInvoiceSeq()).as("the failed approval gave its number back").isEqualTo(before + 1);
        assertThat(orders.stock(batch)).as("nor kept its deduction").isEqualTo("2 rolls + 0.00 m");
        assertThat(repository.find(pool, failing).await().atMost(WAIT).orElseThrow().state()).isEqualTo(Order.State.WAITING_OWNER_CONFIRMATION);

        assertThat(((Approved) approve(failing)).invoiceNumber()).isEqualTo(Invoice.number("INV-", before + 2));
        long invoices = orders.count("SELECT count(*) FROM invoice");
        assertThat(orders.count("SELECT max(seq) FROM invoice")).as("numbers 1..n, each used once").isEqualTo(invoices);
    }

    @Test
    void anApprovalShortOfStockLeavesStockNumbersInvoicesLedgerAndOrderAsTheyWere() {
        long cotton = orders.batch("cotton", "white", 4, "50", "5", 10_000);
        long silk = orders.batch("silk", "white", 2, "40", "5", 20_000);
        String chat = orders.customer("en", "Short Stock");
        long orderId = orders.place(chat, "en",
                line(1, "cotton", "white", take(cotton, 2, "50", "5", 10_000)),
                line(2, "silk", "white", take(silk, 2, "40", "5", 20_000)));
        // Someone else took silk since the order was confirmed.
        pool.query("UPDATE inventory_batch SET rolls_available = 1 WHERE id = " + silk).execute().await().atMost(WAIT);
        long seq = lastInvoiceSeq();
        long invoices = orders.count("SELECT count(*) FROM invoice");
        long entries = orders.count("SELECT count(*) FROM ledger_entry");

        // The caller goes on in its transaction after the refusal, as the owner's chat does to answer the owner.
        Decision decision = pool.withTransaction(tx -> decisions.approve(tx, orderId, OWNER)
                        .call(refused -> Outbox.enqueue(tx, "telegram", "owner-chat-" + orderId, List.of(OutboundMessage.text("refused")))))
                .await().atMost(WAIT);

        assertThat(orders.outbox("owner-chat-" + orderId)).as("the caller's transaction committed").hasSize(1);
        assertThat(decision).isEqualTo(new Refused(orderId, Reason.OUT_OF_STOCK,
                "line 2 (white silk): batch " + silk + " no longer holds 2 rolls + 5.00 m"));
        assertThat(orders.stock(cotton)).as("line 1 was deducted first, then undone").isEqualTo("4 rolls + 5.00 m");
        assertThat(orders.stock(silk)).isEqualTo("1 rolls + 5.00 m");
        assertThat(lastInvoiceSeq()).isEqualTo(seq);
        assertThat(orders.count("SELECT count(*) FROM invoice")).isEqualTo(invoices);
        assertThat(orders.count("SELECT count(*) FROM ledger_entry")).isEqualTo(entries);
        assertThat(repository.find(pool, orderId).await().atMost(WAIT).orElseThrow().state()).isEqualTo(Order.State.WAITING_OWNER_CONFIRMATION);
        assertThat(orders.outbox(chat)).isEmpty();
    }

    @Test
    void anOrderIsDecidedOnce() {
        long batch = orders.batch("cotton", "black", 9, "50", "0", 10_000);
        String chat = orders.customer("en", "Twice");
        long approvedOrder = orders.place(chat, "en", line(1, "cotton", "black", take(batch, 1, "50", "0", 10_000)));
        long rejectedOrder = orders.place(chat, "en", line(1, "cotton", "black", take(batch, 1, "50", "0", 10_000)));
        assertThat(approve(approvedOrder)).isInstanceOf(Approved.class);
        assertThat(reject(rejectedOrder, null)).isEqualTo(new Rejected(rejectedOrder));
        long seq = lastInvoiceSeq();

        assertThat(approve(approvedOrder)).isEqualTo(new Refused(approvedOrder, Reason.ALREADY_APPROVED, "order " + approvedOrder + " was approved already"));
        assertThat(reject(approvedOrder, "too late")).extracting(d -> ((Refused) d).reason()).isEqualTo(Reason.ALREADY_APPROVED);
        assertThat(approve(rejectedOrder)).extracting(d -> ((Refused) d).reason()).isEqualTo(Reason.ALREADY_REJECTED);
        assertThat(reject(rejectedOrder, null)).extracting(d -> ((Refused) d).reason()).isEqualTo(Reason.ALREADY_REJECTED);
        assertThat(approve(999_999_999L)).extracting(d -> ((Refused) d).reason()).isEqualTo(Reason.NOT_FOUND);

        assertThat(orders.stock(batch)).as("one approval deducted once").isEqualTo("8 rolls + 0.00 m");
        assertThat(lastInvoiceSeq()).isEqualTo(seq);
        assertThat(repository.find(pool, approvedOrder).await().atMost(WAIT).orElseThrow().state()).isEqualTo(Order.State.ORDER_COMPLETED);
    }

    @Test
    void rejectionChangesNoStockAndTellsTheCustomerPolitelyInTheirLanguage() {
        long batch = orders.batch("wool", "grey", 2, "25", "3", 30_000);
        String english = orders.customer("en", "Reject Me");
        String hindi = orders.customer("hi", "Mujhe Mana");
        long withReason = orders.place(english, "en", line(1, "wool", "grey", take(batch, 1, "25", "3", 30_000)));
        long withoutReason = orders.place(hindi, "hi", line(1, "wool", "grey", take(batch, 2, "25", "0", 30_000)));

        assertThat(reject(withReason, "the dye lot is faded")).isEqualTo(new Rejected(withReason));
        assertThat(reject(withoutReason, null)).isEqualTo(new Rejected(withoutReason));

        assertThat(orders.stock(batch)).isEqualTo("2 rolls + 3.00 m");
        Order order = repository.find(pool, withReason).await().atMost(WAIT).orElseThrow();
        assertThat(order.state()).isEqualTo(Order.State.ORDER_REJECTED);
        assertThat(order.rejectionReason()).isEqualTo("the dye lot is faded");
        assertThat(order.invoiceId()).isNull();
        assertThat(orders.outbox(english)).singleElement().satisfies(m -> assertThat(m.getString("text"))
                .contains("sorry", "order " + withReason, "the dye lot is faded").doesNotContainIgnoringCase("invoice"));
        assertThat(orders.outbox(hindi)).singleElement().satisfies(m -> assertThat(m.getString("text")).contains("Maaf kijiye", "order " + withoutReason));
    }

    @Test
    void twoApprovalsRacingForTheLastRollOneWinsAndStockNeverGoesNegative() throws Exception {
        for (int round = 0; round < 5; round++) {
            long batch = orders.batch("cotton", "last roll", 1, "50", "0", 10_000);
            String chat = orders.customer("en", "Racer " + round);
            long[] ids = {
                orders.place(chat, "en", line(1, "cotton", "last roll", take(batch, 1, "50", "0", 10_000))),
                orders.place(chat, "en", line(1, "cotton", "last roll", take(batch, 1, "50", "0", 10_000)))};

            List<Decision> outcomes = Concurrently.run(2, i -> approve(ids[i]));

            assertThat(outcomes).filteredOn(Approved.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(Refused.class::isInstance).singleElement()
                    .extracting(d -> ((Refused) d).reason()).isEqualTo(Reason.OUT_OF_STOCK);
            assertThat(orders.stock(batch)).isEqualTo("0 rolls + 0.00 m");
        }
    }

    @Test
    void anOrderOfAChatWithNoCustomerCannotBePlaced() {
        assertThatThrownBy(() -> orders.place("nobody", "en", line(1, "cotton", "blue",
                take(orders.batch("cotton", "blue", 1, "10", "0", 100), 1, "10", "0", 100))))
                .hasMessageContaining("no customer for telegram chat nobody");
    }
}
