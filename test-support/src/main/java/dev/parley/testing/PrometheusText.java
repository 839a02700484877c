package dev.parley.testing;

/** Reads the Prometheus text format that {@code /q/metrics} answers with. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** The sum of every series of the metric {@code name} (all label sets), 0 when there is none. */
    public static double sum(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
