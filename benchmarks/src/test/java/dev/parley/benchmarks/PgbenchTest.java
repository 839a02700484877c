package dev.parley.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * runtime-intake's reference runs the runtime's own statements through pgbench: when a statement gains a parameter,
 * the script must bind it to something pgbench can define (it refuses an empty {@code -D name=} and has no null).
 */
class PgbenchTest {

    @Test
    void everyParameterOfTheRuntimesStatementsIsBoundToAVariablePgbenchDefinesOrToNull() {
        String script = Pgbench.script(1000);
        assertThat(script).as("no $n is left unbound").doesNotContainPattern("\\$\\d");

        Set<String> defined = new HashSet<>(Set.of("chat", "key"));
        for (String variable : Pgbench.PGBENCH_VARIABLES) {
            assertThat(variable).as("pgbench -D needs name=value with a value").matches("[a-z]+=.+");
            defined.add(variable.substring(0, variable.indexOf('=')));
        }
        Matcher used = Pattern.compile("(?<![:\\w]):([a-z]+)").matcher(script);
        Set<String> names = new HashSet<>();
        while (used.find()) {
            names.add(used.group(1));
        }
        assertThat(names).contains("text").isSubsetOf(defined);
    }
}
