package dev.parley.api.v1alpha1.bot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class SchedulesSpec {

    @Default("0 10 * * 1")
    @Pattern("^(\\S+\\s+){4}\\S+$")
    @JsonPropertyDescription("When payment reminders go to customers with a balance due: a five-field cron expression in the bot's time zone.")
    private String reminderCron = "0 10 * * 1";

    @Default("Asia/Kolkata")
    @Pattern("^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$")
    @JsonPropertyDescription("IANA time zone of the cron expressions, for example 'Asia/Kolkata'.")
    private String timeZone = "Asia/Kolkata";

    @Default("1440")
    @Min(1)
    @Max(43200)
    @JsonPropertyDescription("Minutes of silence after which an unfinished conversation expires.")
    private Integer sessionExpiryMinutes = 1440;

    @Default("60")
    @Min(1)
    @Max(10080)
    @JsonPropertyDescription("Minutes between restock checks of watched catalog items (catalogWatch flow).")
    private Integer restockCheckIntervalMinutes = 60;

    public String getReminderCron() {
        return reminderCron;
    }

    public void setReminderCron(String reminderCron) {
        this.reminderCron = reminderCron;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Integer getSessionExpiryMinutes() {
        return sessionExpiryMinutes;
    }

    public void setSessionExpiryMinutes(Integer sessionExpiryMinutes) {
        this.sessionExpiryMinutes = sessionExpiryMinutes;
    }

    public Integer getRestockCheckIntervalMinutes() {
        return restockCheckIntervalMinutes;
    }

    public void setRestockCheckIntervalMinutes(Integer restockCheckIntervalMinutes) {
        this.restockCheckIntervalMinutes = restockCheckIntervalMinutes;
    }
}
