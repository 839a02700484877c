package dev.parley.runtime.understanding;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints how well the rule-based extractor reads the repository's evaluation set: each message it got wrong (text,
 * expected, got), then "fully correct: N/M (P%)". A plain main, without Quarkus, so it runs in a second:
 * {@code tools/understanding-eval.sh [eval.jsonl [vocabulary.json]]}. Exits 1 when below {@code --require P}.
 */
public final class EvaluationCommand {

    static final Path DEFAULT_SET = Path.of("runtime/src/test/resources/understanding/eval.jsonl");

    private EvaluationCommand() {
    }

    public static void main(String[] args) throws IOException {
        Double required = null;
        Path set = DEFAULT_SET;
        Path vocabularyFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--require") && i + 1 < args.length) {
                required = Double.valueOf(args[++i]);
            } else if (set == DEFAULT_SET) {
                set = Path.of(args[i]);
            } else {
                vocabularyFile = Path.of(args[i]);
            }
        }
        if (vocabularyFile == null) {
            // The set is written against the vocabulary beside it, so that it replays the same whatever the demo catalog holds.
            vocabularyFile = set.resolveSibling("vocabulary.json");
        }
        Vocabulary vocabulary;
        try (Reader reader = Files.newBufferedReader(vocabularyFile, StandardCharsets.UTF_8)) {
            vocabulary = ExtractionEvaluation.vocabulary(reader);
        }
        ExtractionEvaluation.Result result;
        try (Reader reader = Files.newBufferedReader(set, StandardCharsets.UTF_8)) {
            result = ExtractionEvaluation.run(new RuleBasedExtractor(), vocabulary, reader);
        }
        for (ExtractionEvaluation.Failure failure : result.failures()) {
            System.out.println(set.getFileName() + ":" + failure.lineNumber() + "  " + failure.text().replace("\n", "\\n"));
            System.out.println("    expected: " + failure.expected());
            System.out.println("    got:      " + failure.got());
        }
        System.out.println(result.summary());
        if (required != null && result.percentCorrect() < required) {
            System.exit(1);
        }
    }
}
