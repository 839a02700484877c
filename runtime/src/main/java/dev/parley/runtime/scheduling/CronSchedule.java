package dev.parley.runtime.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week) in a time zone, as a job's periods: a
 * period is one firing, the latest fire time at or before now, so each firing runs once however many replicas tick,
 * and a replica that comes up after a missed firing runs that one then, once.
 */
public final class CronSchedule {

    private final String expression;
    private final ExecutionTime schedule;
    private final ZoneId zone;

    /** {@code setting} names where the expression comes from, for the error a bad one gets. */
    public CronSchedule(String expression, ZoneId zone, String setting) {
        this.expression = expression;
        this.zone = zone;
        try {
            this.schedule = ExecutionTime.forCron(new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX))
                    .parse(expression).validate());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " '" + expression
                    + "' is not a five-field cron expression (minute hour day-of-month month day-of-week): " + e.getMessage(), e);
        }
        if (schedule.lastExecution(ZonedDateTime.now(zone)).isEmpty()) {
            throw new IllegalStateException(setting + " '" + expression + "' never fires");
        }
    }

    /** The latest fire time at or before {@code now}, as an instant: {@code 2026-03-02T04:30:00Z}. */
    public String period(Instant now) {
        ZonedDateTime minute = now.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime fired = schedule.isMatch(minute) ? minute : schedule.lastExecution(minute)
                .orElseThrow(() -> new IllegalStateException("the cron expression '" + expression + "' has not fired before " + now));
        return fired.toInstant().toString();
    }
}
