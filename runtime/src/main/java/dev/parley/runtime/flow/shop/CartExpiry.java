package dev.parley.runtime.flow.shop;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Singleton;

import dev.parley.runtime.commerce.product.Carts;
import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.config.RuntimeConfig;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.Outbox;
import dev.parley.runtime.scheduling.ScheduledJob;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The leader's job for carts left alone: once a cart has had no change for {@code parley.shop.cart-reminder}, its
 * customer is reminded once (with a button that opens it); after {@code parley.shop.cart-expiry} it is emptied and
 * the customer told. A change to the cart starts both clocks again. Runs once per {@code cart-check-every}, on the
 * shop's bots only.
 */
@Singleton
public class CartExpiry implements ScheduledJob {

    private final Carts carts;
    private final CommerceSettings commerce;
    private final boolean shop;
    private final Duration expiry;
    private final Duration reminder;
    private final Duration every;

    public CartExpiry(Carts carts, CommerceSettings commerce, BotSettings settings, RuntimeConfig config) {
        this.carts = carts;
        this.commerce = commerce;
        this.shop = ShopFlow.NAME.equals(settings.flow());
        this.expiry = config.shop().cartExpiry();
        this.reminder = config.shop().cartReminder();
        this.every = config.shop().cartCheckEvery();
        if (shop && (expiry.isNegative() || expiry.isZero() || every.isNegative() || every.isZero() || reminder.isNegative()
                || reminder.compareTo(expiry) >= 0 && !reminder.isZero())) {
            throw new IllegalStateException("PARLEY_SHOP_CART_EXPIRY and PARLEY_SHOP_CART_CHECK_EVERY must be positive and"
                    + " PARLEY_SHOP_CART_REMINDER (0s for none) shorter than the expiry; got expiry " + expiry + ", reminder " + reminder
                    + ", every " + every);
        }
    }

    @Override
    public String name() {
        return "cart-expiry";
    }

    @Override
    public boolean enabled() {
        return shop;
    }

    @Override
    public String period(Instant now) {
        return Instant.ofEpochSecond(now.getEpochSecond() / every.toSeconds() * every.toSeconds()).toString();
    }

    @Override
    public Uni<Void> run(SqlConnection connection) {
        return carts.expire(connection, expiry)
                .flatMap(expired -> tell(connection, expired, false))
                .flatMap(ignored -> reminder.isZero() ? Uni.createFrom().voidItem()
                        : carts.remindIdle(connection, reminder).flatMap(idle -> tell(connection, idle, true)));
    }

    private Uni<Void> tell(SqlConnection connection, List<Carts.Idle> chats, boolean remind) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Carts.Idle chat : chats) {
            all = all.flatMap(ignored -> remind ? reminder(connection, chat) : Outbox.enqueue(connection, chat.channel(), chat.chatId(),
                    List.of(OutboundMessage.text(screens(chat).text("cart.expired")))));
        }
        return all;
    }

    private Uni<Void> reminder(SqlConnection connection, Carts.Idle chat) {
        Screens say = screens(chat);
        return carts.lines(connection, chat.channel(), chat.chatId()).flatMap(lines -> Outbox.enqueue(connection, chat.channel(), chat.chatId(),
                List.of(new OutboundMessage(say.text("reminder", Screens.units(lines), say.money(say.totals(lines).totalMinor())),
                        List.of(new OutboundMessage.Button(Press.id("cart"), say.text("button.open.cart")))))));
    }

    private Screens screens(Carts.Idle chat) {
        return new Screens(chat.language() != null ? chat.language() : commerce.defaultLanguage(), commerce.currency(),
                commerce.taxRatePercent(), "");
    }
}
