package dev.parley.runtime.commerce.ledger;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Singleton;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import dev.parley.runtime.commerce.Money;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.message.Messages;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.Outbox;
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
    private final ExecutionTime schedule;
    private final ZoneId zone;

    public PaymentReminders(Ledger ledger, CommerceSettings settings) {
        this.ledger = ledger;
        this.settings = settings;
        this.zone = ZoneId.of(settings.timeZone());
        try {
            this.schedule = ExecutionTime.forCron(new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX))
                    .parse(settings.reminderCron()).validate());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("bot.json's schedules.reminderCron '" + settings.reminderCron()
                    + "' is not a five-field cron expression (minute hour day-of-month month day-of-week): " + e.getMessage(), e);
        }
        if (schedule.lastExecution(ZonedDateTime.now(zone)).isEmpty()) {
            throw new IllegalStateException("bot.json's schedules.reminderCron '" + settings.reminderCron() + "' never fires");
        }
    }

    @Override
    public String name() {
        return "payment-reminders";
    }

    /** The latest fire time at or before {@code now}, as an instant: {@code 2026-03-02T04:30:00Z}. */
    @Override
    public String period(Instant now) {
        ZonedDateTime minute = now.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime fired = schedule.isMatch(minute) ? minute : schedule.lastExecution(minute)
                .orElseThrow(() -> new IllegalStateException("reminderCron '" + settings.reminderCron() + "' has not fired before " + now));
        return fired.toInstant().toString();
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
