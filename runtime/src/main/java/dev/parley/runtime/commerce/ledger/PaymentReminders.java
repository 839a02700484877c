package dev.parley.runtime.commerce.ledger;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.inject.Singleton;

import dev.parley.runtime.commerce.Money;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.message.Messages;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.Outbox;
import dev.parley.runtime.scheduling.CronSchedule;
import dev.parley.runtime.scheduling.ScheduledJob;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Reminds every customer with a balance due, in their language, when the Bot's {@code schedules.reminderCron}
 * (five fields, in {@code schedules.timeZone}) fires. A period is one firing: the latest fire time at or before
 * now, so each firing sends once however many replicas tick. A replica that comes up after a missed firing sends
 * that one's reminders then, once.
 */
@Singleton
public class PaymentReminders implements ScheduledJob {

    private static final Messages REMINDER = new Messages("reminder");

    private final Ledger ledger;
    private final CommerceSettings settings;
    private final CronSchedule schedule;

    public PaymentReminders(Ledger ledger, CommerceSettings settings) {
        this.ledger = ledger;
        this.settings = settings;
        this.schedule = new CronSchedule(settings.reminderCron(), ZoneId.of(settings.timeZone()), "bot.json's schedules.reminderCron");
    }

    @Override
    public String name() {
        return "payment-reminders";
    }

    /** The latest fire time at or before {@code now}, as an instant: {@code 2026-03-02T04:30:00Z}. */
    @Override
    public String period(Instant now) {
        return schedule.period(now);
    }

    @Override
    public Uni<Void> run(SqlConnection connection) {
        return ledger.balancesDue(connection).flatMap(due -> {
            Uni<Void> sent = Uni.createFrom().voidItem();
            for (Ledger.Due customer : due) {
                sent = sent.flatMap(ignored -> Outbox.enqueue(connection, customer.channel(), customer.chatId(), List.of(reminder(customer))));
            }
            return sent;
        });
    }

    private OutboundMessage reminder(Ledger.Due customer) {
        String language = customer.language() != null ? customer.language() : settings.defaultLanguage();
        return OutboundMessage.text(REMINDER.get(language, "balance.due", Money.format(customer.balanceMinor(), settings.currency())));
    }
}
