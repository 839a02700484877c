package dev.parley.runtime.catalogwatch;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A site's {@code robots.txt} as RFC 9309 reads it: the group of the most specific user agent that names ours (else
 * {@code *}); within it the longest matching {@code Allow}/{@code Disallow} path wins, {@code Allow} on a tie;
 * {@code *} and a final {@code $} in paths. {@code Crawl-delay} (not in the RFC, widely used) spaces our requests.
 * No robots.txt (404) allows everything; one that cannot be read for another reason (5xx) allows nothing, as the
 * RFC says.
 */
public final class Robots {

    private record Rule(boolean allow, String path, Pattern pattern) {
    }

    private final List<Rule> rules;
    private final Duration crawlDelay;

    private Robots(List<Rule> rules, Duration crawlDelay) {
        this.rules = List.copyOf(rules);
        this.crawlDelay = crawlDelay;
    }

    public static final Robots ALLOW_ALL = new Robots(List.of(), Duration.ZERO);
    public static final Robots DENY_ALL = new Robots(List.of(new Rule(false, "/", compile("/"))), Duration.ZERO);

    /** The rules for {@code userAgent} (its product token: the part before a {@code /}) in {@code text}. */
    public static Robots parse(String text, String userAgent) {
        String token = userAgent.split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        Duration myDelay = null;
        Duration starDelay = null;
        List<String> agents = new ArrayList<>();
        boolean inRules = false;
        List<Rule> group = new ArrayList<>();
        Duration[] groupDelay = {null};
        List<Object[]> groups = new ArrayList<>();
        for (String raw : text.split("\\r?\\n|\\r")) {
            String line = raw.replaceAll("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (inRules) {
                    groups.add(new Object[] {agents, group, groupDelay[0]});
                    agents = new ArrayList<>();
                    group = new ArrayList<>();
                    groupDelay = new Duration[] {null};
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
            } else if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                if (!value.isEmpty()) {
                    group.add(new Rule(key.equals("allow"), value, compile(value)));
                }
            } else if (key.equals("crawl-delay")) {
                inRules = true;
                try {
                    groupDelay[0] = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                } catch (NumberFormatException e) {
                    // A delay we cannot read is no delay.
                }
            }
        }
        groups.add(new Object[] {agents, group, groupDelay[0]});
        boolean matched = false;
        for (Object[] g : groups) {
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) g[0];
            @SuppressWarnings("unchecked")
            List<Rule> rules = (List<Rule>) g[1];
            if (names.stream().anyMatch(n -> !n.equals("*") && token.startsWith(n))) {
                mine.addAll(rules);
                myDelay = g[2] != null ? (Duration) g[2] : myDelay;
                matched = true;
            } else if (names.contains("*")) {
                star.addAll(rules);
                starDelay = g[2] != null ? (Duration) g[2] : starDelay;
            }
        }
        Duration delay = matched ? myDelay : starDelay;
        return new Robots(matched ? mine : star, delay == null ? Duration.ZERO : delay);
    }

    private static Pattern compile(String path) {
        boolean anchored = path.endsWith("$");
        String body = anchored ? path.substring(0, path.length() - 1) : path;
        List<String> parts = new ArrayList<>();
        for (String part : body.split("\\*", -1)) {
            parts.add(Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", parts) + (anchored ? "" : ".*"), Pattern.DOTALL);
    }

    /** Whether we may fetch {@code url}. */
    public boolean allows(URI url) {
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.pattern().matcher(path).matches()
                    && (best == null || rule.path().length() > best.path().length() || rule.path().length() == best.path().length() && rule.allow())) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    /** The pause between two requests to the site that it asks for; zero when it asks none. */
    public Duration crawlDelay() {
        return crawlDelay;
    }
}
