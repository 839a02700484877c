package dev.parley.runtime.flow.shop;

import static dev.parley.runtime.flow.shop.TelegramChats.press;
import static dev.parley.runtime.flow.shop.TelegramChats.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.testing.Concurrently;
import dev.parley.runtime.testing.FakeWhatsApp;
import dev.parley.runtime.testing.PostgresResource;
import dev.parley.runtime.testing.TelegramResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Customers who confirm at the same moment, each through their own webhook delivery: the stock is taken with
 * conditional updates in each confirmation's transaction, so exactly as many orders as there are units are placed,
 * the stock never goes below zero, and every customer who came too late sees their cart with the short line named.
 */
@QuarkusTest
@TestProfile(ShopBot.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = TelegramResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeWhatsApp.Resource.class, restrictToAnnotatedClass = true)
class ShopCheckoutConcurrencyTest {

    @Inject
    Pool pool;

    @BeforeEach
    void catalog() {
        ShopCatalog.reset(pool);
    }

    /** Puts {@code quantity} of the product in the customer's cart and takes them to the summary: the Confirm button's id. */
    private String atSummary(String chat, long productId, int quantity) {
        write(chat, "/start");
        press(chat, "s:a:" + productId + ":" + quantity);
        press(chat, "s:co");
        write(chat, "Buyer " + chat);
        write(chat, "+91 90000 " + chat);
        write(chat, "1 Station Road, Mysuru 570001");
        press(chat, "s:cod");
        JsonObject summary = pool.preparedQuery("SELECT payload FROM outbox_message WHERE channel = 'telegram' AND chat_id = $1 ORDER BY id DESC LIMIT 1")
                .execute(Tuple.of(chat)).await().indefinitely().iterator().next().getJsonObject("payload");
        return OutboundMessage.fromJson(summary).buttons().get(0).id();
    }

    private List<String> confirmAtOnce(List<String> chats, List<String> confirms) throws Exception {
        Concurrently.run(chats.size(), i -> {
            press(chats.get(i), confirms.get(i));
            return null;
        });
        List<String> last = new ArrayList<>();
        for (String chat : chats) {
            last.add(pool.preparedQuery("SELECT string_agg(payload->>'text', ' | ' ORDER BY id) FROM outbox_message WHERE channel = 'telegram' AND chat_id = $1"
                    + " AND id > (SELECT max(id) FROM outbox_message WHERE chat_id = $1 AND payload::text LIKE '%s:ok:%')")
                    .execute(Tuple.of(chat)).await().indefinitely().iterator().next().getString(0));
        }
        return last;
    }

    @Test
    void customersCheckingOutTheLastUnitAtOnceMakeExactlyOneOrder() throws Exception {
        for (int round = 0; round < 3; round++) {
            pool.query("UPDATE product SET stock = 1 WHERE sku = 'SNK-LAST'").execute().await().indefinitely();
            List<String> chats = new ArrayList<>();
            List<String> confirms = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                String chat = String.valueOf(7000 + round * 10 + c);
                chats.add(chat);
                confirms.add(atSummary(chat, 11, 1));
            }

            List<String> answers = confirmAtOnce(chats, confirms);

            assertThat(ShopCatalog.stock(pool, "SNK-LAST")).isZero();
            assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM order_line l JOIN customer_order o ON o.id = l.order_id"
                    + " WHERE l.product_sku = 'SNK-LAST' AND o.chat_id = ANY($1)", (Object) chats.toArray(String[]::new))).isEqualTo(1);
            assertThat(answers).filteredOn(a -> a.contains("Thank you! Order #")).hasSize(1);
            assertThat(answers).filteredOn(a -> a.startsWith("Sorry, there is not enough stock for: Last laddoo (only 0 left)")).hasSize(3);
            assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM cart_line WHERE chat_id = ANY($1)", (Object) chats.toArray(String[]::new)))
                    .as("the late customers keep their carts to adjust").isEqualTo(3);
        }
    }

    @Test
    void asManyOrdersAsUnitsWhenMoreCustomersThanUnitsConfirmAtOnce() throws Exception {
        pool.query("UPDATE product SET stock = 3 WHERE sku = 'SNK-A'").execute().await().indefinitely();
        List<String> chats = new ArrayList<>();
        List<String> confirms = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            String chat = String.valueOf(7100 + c);
            chats.add(chat);
            confirms.add(atSummary(chat, 3, 1));
        }

        confirmAtOnce(chats, confirms);

        assertThat(ShopCatalog.stock(pool, "SNK-A")).isZero();
        assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM order_line WHERE product_sku = 'SNK-A'")).isEqualTo(3);
        assertThat(ShopCatalog.count(pool, "SELECT coalesce(sum(quantity), 0) FROM order_line WHERE product_sku = 'SNK-A'")).isEqualTo(3);
    }
}
