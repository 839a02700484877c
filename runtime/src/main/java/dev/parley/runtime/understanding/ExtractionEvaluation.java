package dev.parley.runtime.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Replays an evaluation set against an extractor: one JSON object a line, {@code {"text": ..., "items": [...],
 * "class": ...}} with items as the extraction API writes them and the class of message it stands for ("corrections",
 * "devanagari-digits" ...; {@code unclassified} when absent). A message counts as correct only when every line is right
 * and none is extra; the order of lines does not matter. The result is counted per class as well as overall, so that a
 * class the rules cannot read shows even when the whole set looks good.
 */
public final class ExtractionEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String UNCLASSIFIED = "unclassified";

    /** A message the extractor got wrong, with what was expected and what came out, as the API would write them. */
    public record Failure(int lineNumber, String text, List<String> expected, List<String> got, String category) {
    }

    /** How many messages of one class there are and how many were read correctly. */
    public record Score(int total, int correct) {

        public double percentCorrect() {
            return total == 0 ? 0 : 100.0 * correct / total;
        }

        Score plus(boolean right) {
            return new Score(total + 1, correct + (right ? 1 : 0));
        }
    }

    public record Result(int total, int correct, List<Failure> failures, Map<String, Score> byClass) {

        public Result(int total, int correct, List<Failure> failures) {
            this(total, correct, failures, Map.of());
        }

        /** The lowest score of any class, in percent (100 when there is none). */
        public double lowestClassPercent() {
            return byClass.values().stream().mapToDouble(Score::percentCorrect).min().orElse(100);
        }

        public double percentCorrect() {
            return total == 0 ? 0 : 100.0 * correct / total;
        }

        public String summary() {
            return String.format(java.util.Locale.ROOT, "fully correct: %d/%d (%.1f%%)", correct, total, percentCorrect());
        }
    }

    private ExtractionEvaluation() {
    }

    public static Result run(OrderExtractor extractor, Vocabulary vocabulary, Reader evaluationSet) throws IOException {
        int total = 0;
        int correct = 0;
        List<Failure> failures = new ArrayList<>();
        Map<String, Score> byClass = new TreeMap<>();
        BufferedReader lines = new BufferedReader(evaluationSet);
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode message = JSON.readTree(line);
            String text = message.path("text").asText();
            String category = message.path("class").asText(UNCLASSIFIED);
            List<String> expected = new ArrayList<>();
            message.path("items").forEach(item -> expected.add(describe(item)));
            List<String> got = extractor.extract(text, vocabulary).stream().map(ExtractionEvaluation::describe).toList();
            total++;
            boolean right = expected.stream().sorted().toList().equals(got.stream().sorted().toList());
            byClass.merge(category, new Score(1, right ? 1 : 0), (a, b) -> a.plus(right));
            if (right) {
                correct++;
            } else {
                failures.add(new Failure(lineNumber, text, expected, got, category));
            }
        }
        return new Result(total, correct, failures, byClass);
    }

    /** Reads a vocabulary written as {@code {"materials": {"cotton": ["sooti"]}, "colors": {...}}}. */
    public static Vocabulary vocabulary(Reader json) throws IOException {
        JsonNode root = JSON.readTree(json);
        return new Vocabulary(names(root.path("materials")), names(root.path("colors")));
    }

    private static Map<String, Set<String>> names(JsonNode node) {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            Set<String> synonyms = new LinkedHashSet<>();
            field.getValue().forEach(synonym -> synonyms.add(synonym.asText()));
            names.put(field.getKey(), synonyms);
        }
        return names;
    }

    /** One line as the API writes it, so an expectation and a result compare as text. */
    static String describe(OrderLine line) {
        return line.meters() != null
                ? describe(line.material(), line.color(), "meters", line.meters())
                : describe(line.material(), line.color(), "rolls", BigDecimal.valueOf(line.rolls()));
    }

    private static String describe(JsonNode item) {
        String unit = item.has("rolls") ? "rolls" : "meters";
        return describe(item.path("material").asText(), item.path("color").asText(), unit, item.path(unit).decimalValue());
    }

    private static String describe(String material, String color, String unit, BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return "{\"material\": \"" + material + "\", \"color\": \"" + color + "\", \"" + unit + "\": "
                + (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString() + "}";
    }
}
