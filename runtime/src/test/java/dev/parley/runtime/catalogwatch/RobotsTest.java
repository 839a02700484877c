package dev.parley.runtime.catalogwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** robots.txt as RFC 9309 reads it. */
class RobotsTest {

    private static final String ROBOTS = """
            # comments are ignored
            User-agent: *
            Disallow: /private/
            Disallow: /*.pdf$
            Allow: /private/catalog/
            Crawl-delay: 2

            User-agent: BadBot
            Disallow: /

            User-agent: ParleyCatalogBot
            User-agent: OtherBot
            Disallow: /checkout
            Crawl-delay: 0.5
            """;

    private static boolean allows(Robots robots, String path) {
        return robots.allows(URI.create("https://shop.example.com" + path));
    }

    @Test
    void theStarGroupAppliesToAnAgentItDoesNotName() {
        Robots robots = Robots.parse(ROBOTS, "SomeCrawler/2.0");
        assertThat(allows(robots, "/products/1.html")).isTrue();
        assertThat(allows(robots, "/private/secret.html")).isFalse();
        assertThat(allows(robots, "/private/catalog/1.html")).as("the longer Allow wins").isTrue();
        assertThat(allows(robots, "/files/list.pdf")).isFalse();
        assertThat(allows(robots, "/files/list.pdf?x=1")).as("$ anchors the end").isTrue();
        assertThat(robots.crawlDelay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aGroupThatNamesOurAgentReplacesTheStarGroup() {
        Robots robots = Robots.parse(ROBOTS, "ParleyCatalogBot/1.0 (+https://parley.dev/bot)");
        assertThat(allows(robots, "/private/secret.html")).as("only our group's rules apply").isTrue();
        assertThat(allows(robots, "/checkout/cart")).isFalse();
        assertThat(robots.crawlDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(allows(Robots.parse(ROBOTS, "BadBot"), "/anything")).isFalse();
    }

    @Test
    void anEqualLengthAllowWinsAndNoRulesAllowEverything() {
        Robots robots = Robots.parse("User-agent: *\nDisallow: /a\nAllow: /a\n", "x");
        assertThat(allows(robots, "/a/b")).isTrue();
        assertThat(allows(Robots.parse("", "x"), "/anything")).isTrue();
        assertThat(allows(Robots.ALLOW_ALL, "/")).isTrue();
        assertThat(allows(Robots.DENY_ALL, "/products/1")).isFalse();
    }
}
