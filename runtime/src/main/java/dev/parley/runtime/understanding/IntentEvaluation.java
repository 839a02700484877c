package dev.parley.runtime.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.parley.runtime.understanding.ExtractionEvaluation.Score;

/**
 * Replays replies against the {@link IntentClassifier}: one JSON object a line, {@code {"text": ..., "intent":
 * "CANCEL", "class": ...}}, counted per class and overall like {@link ExtractionEvaluation}.
 */
public final class IntentEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A reply read as the wrong intent. */
    public record Failure(int lineNumber, String text, Intent expected, Intent got, String category) {
    }

    public record Result(int total, int correct, List<Failure> failures, Map<String, Score> byClass) {
    }

    private IntentEvaluation() {
    }

    public static Result run(IntentClassifier classifier, Reader set) throws IOException {
        int total = 0;
        int correct = 0;
        List<Failure> failures = new ArrayList<>();
        Map<String, Score> byClass = new TreeMap<>();
        BufferedReader lines = new BufferedReader(set);
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode reply = JSON.readTree(line);
            String text = reply.path("text").asText();
            String category = reply.path("class").asText(ExtractionEvaluation.UNCLASSIFIED);
            Intent expected = Intent.valueOf(reply.path("intent").asText());
            Intent got = classifier.classify(text);
            boolean right = expected == got;
            total++;
            byClass.merge(category, new Score(1, right ? 1 : 0), (a, b) -> a.plus(right));
            if (right) {
                correct++;
            } else {
                failures.add(new Failure(lineNumber, text, expected, got, category));
            }
        }
        return new Result(total, correct, failures, byClass);
    }
}
