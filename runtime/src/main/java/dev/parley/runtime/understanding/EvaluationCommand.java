package dev.parley.runtime.understanding;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.parley.runtime.understanding.ExtractionEvaluation.Score;

/**
 * Prints how well the rules read the repository's evaluation sets: each message they got wrong (text, expected, got),
 * then the score of every class, then "fully correct: N/M (P%)" over both sets. The order extractor is replayed
 * against {@code eval.jsonl}; the reply classifier against {@code intents.jsonl} beside it, when there is one, with its
 * classes named {@code intent-...}. A plain main, without Quarkus, so it runs in a second:
 * {@code tools/understanding-eval.sh [--require P] [--require-class P] [eval.jsonl [vocabulary.json]]}. Exits 1 when
 * the overall score is below {@code --require} or any class is below {@code --require-class}.
 */
public final class EvaluationCommand {

    static final Path DEFAULT_SET = Path.of("runtime/src/test/resources/understanding/eval.jsonl");

    private EvaluationCommand() {
    }

    public static void main(String[] args) throws IOException {
        Double required = null;
        Double requiredPerClass = null;
        Path set = DEFAULT_SET;
        Path vocabularyFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--require") && i + 1 < args.length) {
                required = Double.valueOf(args[++i]);
            } else if (args[i].equals("--require-class") && i + 1 < args.length) {
                requiredPerClass = Double.valueOf(args[++i]);
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
            System.out.println(set.getFileName() + ":" + failure.lineNumber() + " [" + failure.category() + "]  "
                    + failure.text().replace("\n", "\\n"));
            System.out.println("    expected: " + failure.expected());
            System.out.println("    got:      " + failure.got());
        }
        Map<String, Score> byClass = new TreeMap<>(result.byClass());
        int total = result.total();
        int correct = result.correct();
        Path intents = set.resolveSibling("intents.jsonl");
        if (Files.exists(intents)) {
            IntentEvaluation.Result replies;
            try (Reader reader = Files.newBufferedReader(intents, StandardCharsets.UTF_8)) {
                replies = IntentEvaluation.run(new IntentClassifier(), reader);
            }
            for (IntentEvaluation.Failure failure : replies.failures()) {
                System.out.println(intents.getFileName() + ":" + failure.lineNumber() + " [" + failure.category() + "]  "
                        + failure.text().replace("\n", "\\n"));
                System.out.println("    expected: " + failure.expected() + ", got: " + failure.got());
            }
            byClass.putAll(replies.byClass());
            total += replies.total();
            correct += replies.correct();
        }
        System.out.println();
        System.out.println("class                      size  correct");
        byClass.forEach((name, score) -> System.out.println(String.format(Locale.ROOT, "%-26s %4d  %4d (%5.1f%%)",
                name, score.total(), score.correct(), score.percentCorrect())));
        double overall = total == 0 ? 0 : 100.0 * correct / total;
        System.out.println(String.format(Locale.ROOT, "extraction only: %d/%d (%.1f%%)", result.correct(), result.total(),
                result.percentCorrect()));
        System.out.println(String.format(Locale.ROOT, "fully correct: %d/%d (%.1f%%)", correct, total, overall));
        double lowest = byClass.values().stream().mapToDouble(Score::percentCorrect).min().orElse(100);
        if (required != null && overall < required || requiredPerClass != null && lowest < requiredPerClass) {
            System.exit(1);
        }
    }
}
