package dev.parley.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU seconds (user + system) the processes of a run have used, from /proc: which of them a phase kept busy. On a
 * two-core machine the sum over a phase against twice its wall time says how close to saturation it ran.
 */
final class CpuTime {

    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {
    }

    /** This JVM, its kube-apiserver and etcd (children of this JVM) and the operator, by name. */
    static Map<String, Double> snapshot(long operatorPid) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("operator", seconds(operatorPid));
        ProcessHandle.current().descendants().forEach(p -> p.info().command().ifPresent(command -> {
            if (command.endsWith("/kube-apiserver") || command.endsWith("/etcd")) {
                cpu.merge(command.substring(command.lastIndexOf('/') + 1), seconds(p.pid()), Double::sum);
            }
        }));
        cpu.put("benchmark", seconds(ProcessHandle.current().pid()));
        return cpu;
    }

    /** What each process used between two snapshots; a process that has since exited keeps its last reading. */
    static String difference(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder text = new StringBuilder();
        before.forEach((name, start) -> {
            double end = after.getOrDefault(name, start);
            text.append(String.format("%s %.1f s, ", name, Math.max(0, end - start)));
        });
        return text.substring(0, Math.max(0, text.length() - 2));
    }

    static double seconds(long pid) {
        long[] ticks = ticks(pid);
        return (ticks[0] + ticks[1]) / TICKS_PER_SECOND;
    }

    /**
     * A process and everything it started: its own CPU, that of its children that have exited (once reaped), and
     * that of its live descendants. For PostgreSQL's postmaster that covers every backend, including the ones of
     * connections opened and closed in between; for this JVM, the child processes it has waited for (pgbench).
     */
    static double tree(long pid) {
        double total = withExitedChildren(pid);
        for (ProcessHandle descendant : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
            total += withExitedChildren(descendant.pid());
        }
        return total;
    }

    /** A process's own CPU and that of its children it has waited for. */
    static double withExitedChildren(long pid) {
        long[] ticks = ticks(pid);
        return (ticks[0] + ticks[1] + ticks[2] + ticks[3]) / TICKS_PER_SECOND;
    }

    /**
     * What a JVM's JIT compiler threads (C1 and C2) have used: a JVM still compiling its hot paths spends a large
     * share of a small machine on it, which is warm-up, not the steady state.
     */
    static double jit(long pid) {
        long ticks = 0;
        try (var threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads.toList()) {
                String name = Files.readString(thread.resolve("comm")).strip();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    long[] own = ticks(thread.resolve("stat"));
                    ticks += own[0] + own[1];
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process or a thread has gone: what was read so far.
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** utime, stime, cutime, cstime in clock ticks; zeros for a process that is gone. */
    private static long[] ticks(long pid) {
        return ticks(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    private static long[] ticks(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // Fields after the command (which may hold spaces) start after the last ')': utime, stime, cutime and
            // cstime are 14 to 17.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]), Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }
}
