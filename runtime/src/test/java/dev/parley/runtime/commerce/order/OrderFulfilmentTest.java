package dev.parley.runtime.commerce.order;

import static dev.parley.runtime.commerce.order.Orders.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.CommerceProfile;
import dev.parley.runtime.commerce.order.Decision.Reason;
import dev.parley.runtime.commerce.order.Decision.Refused;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/** Product orders stored and read back whole, and an accepted order's fulfilment, forward only, against the real database. */
@QuarkusTest
@TestProfile(CommerceProfile.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class OrderFulfilmentTest {

    @Inject
    Pool pool;

    @Inject
    OrderRepository repository;

    @Inject
    OrderDecisions decisions;

    Orders orders;

    @BeforeEach
    void fixtures() {
        orders = new Orders(pool, repository);
    }

    /** Places a shop order for the customer of {@code chat}, in the customer's language. */
    private long placeProducts(String chat, Checkout checkout, NewOrder.ProductLine... lines) {
        long id = orders.one("SELECT nextval('customer_order_id_seq') AS id").getLong("id");
        String language = orders.one("SELECT language FROM customer WHERE chat_id = $1", chat).getString("language");
        pool.withTransaction(tx -> repository.placeProducts(tx, new NewProductOrder(id, Order.Kind.SHOP, "telegram", chat, language, "INR",
                List.of(lines), checkout))).await().atMost(WAIT);
        return id;
    }

    private Decision fulfil(long id, Fulfilment to, String reason) {
        return pool.withTransaction(tx -> decisions.fulfil(tx, id, to, "owner-test", reason)).await().atMost(WAIT);
    }

    private void accept(long id) {
        pool.withTransaction(tx -> repository.lock(tx, id).flatMap(locked -> repository.markDecided(tx, id, Order.State.ORDER_COMPLETED,
                "owner-test", null))).await().atMost(WAIT);
    }

    @Test
    void aProductOrderIsStoredWithItsLinesCheckoutAndKind() {
        String chat = orders.customer("en", "Meera");
        long id = placeProducts(chat, new Checkout(Checkout.Payment.ON_ACCOUNT, "Meera", "+919800000001", "12 MG Road"),
                new NewOrder.ProductLine(1, null, "TEA-1", "Assam tea 250 g", 3, 12_050),
                new NewOrder.ProductLine(2, null, "MUG-2", "Mug", 1, 29_900));
        Order order = repository.find(pool, id).await().atMost(WAIT).orElseThrow();
        assertThat(order.kind()).isEqualTo(Order.Kind.SHOP);
        assertThat(order.state()).isEqualTo(Order.State.WAITING_OWNER_CONFIRMATION);
        assertThat(order.subtotalMinor()).isEqualTo(3 * 12_050 + 29_900);
        assertThat(order.lines()).isEmpty();
        assertThat(order.products()).extracting(NewOrder.ProductLine::sku, NewOrder.ProductLine::quantity, NewOrder.ProductLine::amountMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TEA-1", 3, 36_150L), org.assertj.core.groups.Tuple.tuple("MUG-2", 1, 29_900L));
        assertThat(order.checkout()).isEqualTo(new Checkout(Checkout.Payment.ON_ACCOUNT, "Meera", "+919800000001", "12 MG Road"));
        assertThat(order.fulfilment()).isNull();
    }

    @Test
    void theDatabaseRefusesAProductLineWhoseAmountIsNotQuantityTimesPrice() {
        String chat = orders.customer("en", "Ravi");
        long id = placeProducts(chat, null, new NewOrder.ProductLine(1, null, "TEA-1", "Tea", 1, 100));
        assertThatThrownBy(() -> pool.preparedQuery("INSERT INTO order_line (order_id, line_no, product_sku, product_name, quantity,"
                + " unit_price_minor, amount_minor) VALUES ($1, 2, 'X', 'X', 2, 100, 150)").execute(io.vertx.mutiny.sqlclient.Tuple.of(id))
                .await().atMost(WAIT)).hasMessageContaining("order_line_one_kind");
    }

    @Test
    void fulfilmentGoesForwardOnlyAfterAcceptanceAndTheCustomerHearsOfEachStep() {
        String chat = orders.customer("en", "Asha");
        long id = placeProducts(chat, null, new NewOrder.ProductLine(1, null, "TEA-1", "Tea", 2, 500));

        assertThat(fulfil(id, Fulfilment.SHIPPED, null)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_ACCEPTED));
        accept(id);
        assertThat(fulfil(id, Fulfilment.SHIPPED, null)).isEqualTo(new Decision.Fulfilled(id, Fulfilment.SHIPPED));
        assertThat(fulfil(id, Fulfilment.READY, null)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.FULFILMENT_NOT_FORWARD));
        assertThat(fulfil(id, Fulfilment.DELIVERED, null)).isEqualTo(new Decision.Fulfilled(id, Fulfilment.DELIVERED));
        assertThat(fulfil(id, Fulfilment.CANCELLED, "late")).isInstanceOf(Refused.class);
        assertThat(fulfil(Long.MAX_VALUE, Fulfilment.SHIPPED, null)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_FOUND));

        Order order = repository.find(pool, id).await().atMost(WAIT).orElseThrow();
        assertThat(order.fulfilment()).isEqualTo(Fulfilment.DELIVERED);
        assertThat(order.fulfilmentAt()).isNotNull();
        assertThat(orders.outbox(chat)).extracting(json -> OutboundMessage.fromJson(json).text())
                .containsExactly("Your order " + id + " is on its way.", "Your order " + id + " has been delivered. Thank you for shopping with us!");
    }

    @Test
    void aCancellationNeedsAReasonWhichTheCustomerIsTold() {
        String chat = orders.customer("hi", "Kiran");
        long id = placeProducts(chat, null, new NewOrder.ProductLine(1, null, "TEA-1", "Tea", 1, 500));
        accept(id);
        assertThatThrownBy(() -> fulfil(id, Fulfilment.CANCELLED, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(fulfil(id, Fulfilment.CANCELLED, "address not found")).isEqualTo(new Decision.Fulfilled(id, Fulfilment.CANCELLED));
        Order order = repository.find(pool, id).await().atMost(WAIT).orElseThrow();
        assertThat(order.fulfilmentReason()).isEqualTo("address not found");
        assertThat(orders.outbox(chat)).extracting(json -> OutboundMessage.fromJson(json).text())
                .containsExactly("Maaf kijiye: aapka order " + id + " cancel ho gaya hai (address not found).");
    }
}
