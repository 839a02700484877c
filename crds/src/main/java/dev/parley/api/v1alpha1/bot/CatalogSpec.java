package dev.parley.api.v1alpha1.bot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.parley.api.v1alpha1.common.Names;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** Where a catalogWatch bot's catalog comes from and how it is fetched. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!(has(self.sitemapUrl) && has(self.feedUrl))",
        message = "catalog.sitemapUrl and catalog.feedUrl are exclusive: the catalog has one source", fieldPath = ".feedUrl")
public class CatalogSpec {

    @Pattern(Names.HTTP_URL)
    @JsonPropertyDescription("The shop's sitemap or sitemap index; product pages are read through their schema.org Product JSON-LD. "
            + "Omit both this and feedUrl to upload the catalog through the owner API.")
    private String sitemapUrl;

    @Pattern(Names.HTTP_URL)
    @JsonPropertyDescription("A CSV (header row) or JSON feed of the catalog, read whole at each sync.")
    private String feedUrl;

    @Default("0 3 * * 1")
    @Pattern("^(\\S+\\s+){4}\\S+$")
    @JsonPropertyDescription("When the catalog is synced: a five-field cron expression in spec.schedules.timeZone (weekly by default).")
    private String syncCron = "0 3 * * 1";

    @Pattern("^[\\x20-\\x7E]{1,200}$")
    @JsonPropertyDescription("The User-Agent of the sync's requests (robots.txt is read for it); Parley's own when omitted.")
    private String userAgent;

    @Default("4")
    @Min(1)
    @Max(32)
    @JsonPropertyDescription("How many pages the sync fetches at once.")
    private Integer concurrency = 4;

    @Default("20")
    @Min(1)
    @Max(120)
    @JsonPropertyDescription("Seconds to wait for one page before it is retried.")
    private Integer requestTimeoutSeconds = 20;

    @Pattern("^-?[0-9]{1,20}$")
    @JsonPropertyDescription("A Telegram group chat id that gets a digest of new and restocked products after each sync.")
    private String digestChatId;

    public String getSitemapUrl() {
        return sitemapUrl;
    }

    public void setSitemapUrl(String sitemapUrl) {
        this.sitemapUrl = sitemapUrl;
    }

    public String getFeedUrl() {
        return feedUrl;
    }

    public void setFeedUrl(String feedUrl) {
        this.feedUrl = feedUrl;
    }

    public String getSyncCron() {
        return syncCron;
    }

    public void setSyncCron(String syncCron) {
        this.syncCron = syncCron;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public Integer getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(Integer concurrency) {
        this.concurrency = concurrency;
    }

    public Integer getRequestTimeoutSeconds() {
        return requestTimeoutSeconds;
    }

    public void setRequestTimeoutSeconds(Integer requestTimeoutSeconds) {
        this.requestTimeoutSeconds = requestTimeoutSeconds;
    }

    public String getDigestChatId() {
        return digestChatId;
    }

    public void setDigestChatId(String digestChatId) {
        this.digestChatId = digestChatId;
    }
}
