package dev.parley.runtime.commerce.ledger;

import static dev.parley.runtime.commerce.order.Orders.WAIT;
import static dev.parley.runtime.commerce.order.Orders.line;
import static dev.parley.runtime.commerce.order.Orders.take;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.CommerceProfile;
import dev.parley.runtime.commerce.inventory.AllocationOrder;
import dev.parley.runtime.commerce.order.OrderDecisions;
import dev.parley.runtime.commerce.order.OrderRepository;
import dev.parley.runtime.commerce.order.Orders;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.scheduling.JobScheduler;
import dev.parley.runtime.scheduling.PostgresLease;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/** Payment reminders: to customers who owe something, in their language, once per firing of the Bot's cron. */
@QuarkusTest
@TestProfile(CommerceProfile.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class PaymentRemindersTest {

    /** Monday 2 March 2026, 10:00 in India: a firing of "0 10 * * 1" in Asia/Kolkata. */
    private static final Instant MONDAY_TEN = Instant.parse("2026-03-02T04:30:00Z");

    @Inject
    Pool pool;

    @Inject
    OrderRepository repository;

    @Inject
    OrderDecisions decisions;

    @Inject
    Ledger ledger;

    @Inject
    PaymentReminders reminders;

    @Test
    void aPeriodIsTheLatestFiringAtOrBeforeNowInTheBotsTimeZone() {
        PaymentReminders weekly = new PaymentReminders(ledger, settings("0 10 * * 1", "Asia/Kolkata"));

        assertThat(weekly.period(MONDAY_TEN)).isEqualTo("2026-03-02T04:30:00Z");
        assertThat(weekly.period(MONDAY_TEN.plusSeconds(59))).isEqualTo("2026-03-02T04:30:00Z");
        assertThat(weekly.period(MONDAY_TEN.plus(Duration.ofDays(6)))).isEqualTo("2026-03-02T04:30:00Z");
        assertThat(weekly.period(MONDAY_TEN.minusSeconds(1))).isEqualTo("2026-02-23T04:30:00Z");
        assertThat(new PaymentReminders(ledger, settings("30 9 1 * *", "UTC")).period(MONDAY_TEN)).isEqualTo("2026-03-01T09:30:00Z");
    }

    @Test
    void customersWhoOweAreRemindedInTheirLanguageOncePerFiring() {
        Orders orders = new Orders(pool, repository);
        String owes = orders.customer("en", "Owes");
        String owesHindi = orders.customer("hi", "Baaki");
        String paid = orders.customer("en", "Paid");
        String overpaid = orders.customer("en", "Ahead");
        String neverBought = orders.customer("en", "Browser");
        long batch = orders.batch("cotton", "reminder", 10, "10", "0", 10_000);
        for (String chat : List.of(owes, owesHindi, paid, overpaid)) {
            long order = orders.place(chat, "en", line(1, "cotton", "reminder", take(batch, 1, "10", "0", 10_000)));
            pool.withTransaction(tx -> decisions.approve(tx, order, "owner-test")).await().atMost(WAIT); // INR 1,050.00 due
        }
        pay(orders.customerId(paid), 105_000);
        pay(orders.customerId(overpaid), 200_000);
        long before = orders.count("SELECT coalesce(max(id), 0) FROM outbox_message");

        PostgresLease first = new PostgresLease(pool, "reminders-test", "first", Duration.ofSeconds(30));
        assertThat(tick(first, MONDAY_TEN.plusSeconds(30))).containsExactly("payment-reminders");

        List<JsonObject> sent = sentSince(before);
        assertThat(sent).extracting(m -> m.getString("chat")).containsExactlyInAnyOrder(owes, owesHindi);
        assertThat(text(sent, owes)).contains("outstanding balance is INR 1,050.00");
        assertThat(text(sent, owesHindi)).contains("baaki bhugtan INR 1,050.00");
        assertThat(sent).extracting(m -> m.getString("chat")).doesNotContain(paid, overpaid, neverBought);

        // The same firing again, later that week, by this leader and by the next one: nothing more is sent.
        assertThat(tick(first, MONDAY_TEN.plus(Duration.ofDays(3)))).isEmpty();
        pool.query("UPDATE leader_lease SET expires_at = now() - interval '1 second' WHERE name = 'reminders-test'").execute().await().atMost(WAIT);
        PostgresLease next = new PostgresLease(pool, "reminders-test", "next", Duration.ofSeconds(30));
        assertThat(tick(next, MONDAY_TEN.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(sentSince(before)).hasSize(2);

        // The next Monday is a new firing.
        assertThat(tick(next, MONDAY_TEN.plus(Duration.ofDays(7)))).containsExactly("payment-reminders");
        assertThat(sentSince(before)).hasSize(4);
    }

    private List<String> tick(PostgresLease lease, Instant now) {
        return new JobScheduler(pool, lease, List.of(reminders), Clock.fixed(now, ZoneOffset.UTC)).tick().await().atMost(WAIT);
    }

    private void pay(long customerId, long amountMinor) {
        pool.withTransaction(tx -> ledger.recordPayment(tx, customerId, amountMinor, "cash", "owner-test")).await().atMost(WAIT);
    }

    /** The outbox rows written after {@code id}: their chat and payload text. */
    private List<JsonObject> sentSince(long id) {
        List<JsonObject> sent = new java.util.ArrayList<>();
        pool.preparedQuery("SELECT chat_id, payload FROM outbox_message WHERE id > $1 ORDER BY id").execute(io.vertx.mutiny.sqlclient.Tuple.of(id))
                .await().atMost(WAIT)
                .forEach(row -> sent.add(new JsonObject().put("chat", row.getString("chat_id")).put("text", row.getJsonObject("payload").getString("text"))));
        return sent;
    }

    private static String text(List<JsonObject> sent, String chat) {
        return sent.stream().filter(m -> m.getString("chat").equals(chat)).findFirst().orElseThrow().getString("text");
    }

    private static CommerceSettings settings(String cron, String zone) {
        return new CommerceSettings("INR", BigDecimal.ZERO, "INV-", List.of("en"), AllocationOrder.FIFO, List.of(), cron, zone);
    }
}
