package dev.parley.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // Fields after the command (which may hold spaces) start after the last ')': utime and stime are 14 and 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
