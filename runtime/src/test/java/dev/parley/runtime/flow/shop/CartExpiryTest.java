package dev.parley.runtime.flow.shop;

import static dev.parley.runtime.flow.shop.TelegramChats.press;
import static dev.parley.runtime.flow.shop.TelegramChats.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.testing.FakeWhatsApp;
import dev.parley.runtime.testing.PostgresResource;
import dev.parley.runtime.testing.TelegramResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The leader's cart job against the real database, run by the test at the moments it chooses (the scheduler is
 * off): one reminder after {@code cart-reminder} (6 h), never a second for the same cart, a fresh change starting
 * the clock again, and the cart emptied with a word to the customer after {@code cart-expiry} (48 h).
 */
@QuarkusTest
@TestProfile(ShopBot.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = TelegramResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeWhatsApp.Resource.class, restrictToAnnotatedClass = true)
class CartExpiryTest {

    @Inject
    Pool pool;

    @Inject
    CartExpiry job;

    @BeforeEach
    void catalog() {
        ShopCatalog.reset(pool);
    }

    private void run() {
        pool.withTransaction(tx -> job.run(tx)).await().indefinitely();
    }

    private void age(String chat, String interval) {
        pool.preparedQuery("UPDATE cart SET updated_at = now() - $2::text::interval WHERE chat_id = $1").execute(Tuple.of(chat, interval))
                .await().indefinitely();
    }

    private List<OutboundMessage> toldAfterwards(String chat, long after) {
        List<OutboundMessage> told = new java.util.ArrayList<>();
        pool.preparedQuery("SELECT payload FROM outbox_message WHERE chat_id = $1 AND id > $2 ORDER BY id").execute(Tuple.of(chat, after))
                .await().indefinitely().forEach(row -> told.add(OutboundMessage.fromJson(row.getJsonObject("payload"))));
        return told;
    }

    private long lastMessage() {
        return ShopCatalog.count(pool, "SELECT coalesce(max(id), 0) FROM outbox_message");
    }

    @Test
    void anIdleCartIsRemindedOnceThenEmptied() {
        String chat = "8101";
        write(chat, "/start");
        press(chat, "s:a:4:2");
        assertThat(job.enabled()).isTrue();

        long before = lastMessage();
        age(chat, "5 hours");
        run();
        assertThat(toldAfterwards(chat, before)).as("not idle long enough").isEmpty();

        age(chat, "7 hours");
        run();
        run();
        List<OutboundMessage> reminded = toldAfterwards(chat, before);
        assertThat(reminded).hasSize(1);
        assertThat(reminded.get(0).text()).isEqualTo("You left 2 item(s) in your cart (INR 199.50). It is kept for you a little longer.");
        assertThat(reminded.get(0).buttons()).extracting(OutboundMessage.Button::id).containsExactly("s:cart");

        before = lastMessage();
        age(chat, "49 hours");
        run();
        assertThat(toldAfterwards(chat, before)).extracting(OutboundMessage::text)
                .containsExactly("Your cart was emptied after a long time without changes.");
        assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM cart WHERE chat_id = $1", chat)).isZero();
        assertThat(ShopCatalog.stock(pool, "SNK-B")).as("a cart holds no stock").isEqualTo(25);
    }

    @Test
    void aChangeToTheCartStartsTheClockAgainAndAnEmptyCartIsNeverRemindedOf() {
        String chat = "8102";
        write(chat, "/start");
        press(chat, "s:a:4:1");
        age(chat, "7 hours");
        run();
        long before = lastMessage();
        press(chat, "s:inc:4");
        age(chat, "7 hours");
        run();
        assertThat(toldAfterwards(chat, before)).extracting(OutboundMessage::text)
                .anyMatch(t -> t.startsWith("You left 2 item(s)"));

        String empty = "8103";
        write(empty, "/start");
        press(empty, "s:a:4:1");
        press(empty, "s:rm:4");
        long quiet = lastMessage();
        age(empty, "49 hours");
        run();
        assertThat(toldAfterwards(empty, quiet)).as("nothing was left in it").isEmpty();
    }
}
