package dev.parley.runtime.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The runtime's rooms and their arrows (docs/architecture.md), read from the sources: which package imports which.
 * Arrows point one way: no two packages import each other, the message vocabulary imports nothing of the runtime, and
 * nothing imports the composition root. The graph is written to {@code target/package-graph.txt}.
 */
class PackageGraphTest {

    private static final String BASE = "dev.parley.runtime";
    private static final Path SOURCES = Path.of("src/main/java/dev/parley/runtime");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    /** An import of a runtime class (or a nested class, or a static member): the package is its lower-case part. */
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.parley\\.runtime\\.([a-z]\\w*(?:\\.[a-z]\\w*)*)\\.[A-Z]",
            Pattern.MULTILINE);

    /** Each runtime package and the runtime packages it imports. */
    static Map<String, Set<String>> graph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                if (!declared.find()) {
                    continue;
                }
                String from = room(declared.group(1));
                Set<String> imports = graph.computeIfAbsent(from, p -> new TreeSet<>());
                Matcher imported = IMPORT.matcher(source);
                while (imported.find()) {
                    if (!imported.group(1).equals(from)) {
                        imports.add(imported.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    private static String room(String javaPackage) {
        return javaPackage.equals(BASE) ? "(root)" : javaPackage.substring(BASE.length() + 1);
    }

    @Test
    void noTwoPackagesImportEachOther() throws IOException {
        Map<String, Set<String>> graph = graph();
        List<String> lines = new ArrayList<>();
        graph.forEach((from, to) -> lines.add(from + " -> " + String.join(" ", to)));
        Files.write(Path.of("target/package-graph.txt"), lines);

        List<String> twoWay = new ArrayList<>();
        graph.forEach((from, to) -> to.stream()
                .filter(other -> from.compareTo(other) < 0 && graph.getOrDefault(other, Set.of()).contains(from))
                .forEach(other -> twoWay.add(from + " <-> " + other)));

        assertThat(graph).as("the sources were found").containsKeys("conversation", "message", "wiring");
        assertThat(twoWay).as("packages that import each other (target/package-graph.txt has the graph)").isEmpty();
    }

    @Test
    void theMessageVocabularyImportsNothingOfTheRuntime() {
        assertThat(graph().get("message")).isEmpty();
    }

    @Test
    void nothingImportsTheCompositionRoot() {
        graph().forEach((from, to) -> assertThat(to).as(from + " imports").doesNotContain("wiring"));
    }
}
