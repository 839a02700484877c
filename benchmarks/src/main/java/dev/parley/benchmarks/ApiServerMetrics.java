package dev.parley.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.client.KubernetesClient;

/** Write requests the API server has served, from its own apiserver_request_total counter. */
final class ApiServerMetrics {

    private static final Pattern VERB = Pattern.compile("verb=\"(POST|PUT|PATCH|DELETE|APPLY)\"");
    private static final Pattern RESOURCE = Pattern.compile("resource=\"([^\"]*)\"");
    private static final Pattern SUBRESOURCE = Pattern.compile("subresource=\"([^\"]*)\"");

    private ApiServerMetrics() {
    }

    /**
     * Creates, updates, patches and deletes by "verb resource[/subresource]"; not Leases (leader election renews one
     * every few seconds) and not access reviews.
     */
    static Map<String, Long> writes(KubernetesClient admin) {
        Map<String, Long> writes = new TreeMap<>();
        admin.raw("/metrics").lines()
                .filter(line -> line.startsWith("apiserver_request_total{"))
                .filter(line -> !line.contains("resource=\"leases\""))
                // Access reviews are POSTs that store nothing (the SDK checks its permissions at start).
                .filter(line -> !line.matches(".*resource=\"[a-z]*reviews\".*"))
                .forEach(line -> {
                    Matcher verb = VERB.matcher(line);
                    Matcher resource = RESOURCE.matcher(line);
                    if (verb.find() && resource.find()) {
                        Matcher sub = SUBRESOURCE.matcher(line);
                        String key = verb.group(1) + " " + resource.group(1) + (sub.find() && !sub.group(1).isEmpty() ? "/" + sub.group(1) : "");
                        long count = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        writes.merge(key, count, Long::sum);
                    }
                });
        return writes;
    }

    /** What was written between two readings, by kind; only non-zero entries. */
    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> diff = new TreeMap<>();
        after.forEach((key, count) -> {
            long delta = count - before.getOrDefault(key, 0L);
            if (delta != 0) {
                diff.put(key, delta);
            }
        });
        return diff;
    }
}
