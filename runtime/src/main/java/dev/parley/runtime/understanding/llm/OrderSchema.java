package dev.parley.runtime.understanding.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.parley.runtime.understanding.OrderLine;
import dev.parley.runtime.understanding.Vocabulary;

/**
 * What a model must answer, and the check that it did:
 * {@code {"items": [{"material", "color", "meters"} | {"material", "color", "rolls"}]}} with the catalog's canonical
 * names. The schema goes to the provider (OpenAI {@code response_format: json_schema}, Ollama {@code format}) so a
 * model that honours it can only answer well; {@link #lines} checks every answer anyway, because not every
 * OpenAI-compatible server enforces a schema and a model can still be wrong inside one.
 */
final class OrderSchema {

    /** An answer that is not an order in this schema; the message says what is wrong (never the customer's text). */
    static final class InvalidOutput extends Exception {
        InvalidOutput(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            // Meters are exact decimals: 2.35 must not become 2.3499999.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final Set<String> LINE_FIELDS = Set.of("material", "color", "meters", "rolls");

    private OrderSchema() {
    }

    /** The schema with the vocabulary's canonical names as enums, sorted so the same catalog asks the same way. */
    static JsonSchema of(Vocabulary vocabulary) {
        JsonSchemaElement material = JsonEnumSchema.builder().enumValues(sorted(vocabulary.materials()))
                .description("the catalog's name of the material").build();
        JsonSchemaElement color = JsonEnumSchema.builder().enumValues(sorted(vocabulary.colors()))
                .description("the catalog's name of the colour").build();
        JsonObjectSchema inMeters = lineSchema(material, color, "meters",
                JsonNumberSchema.builder().description("length in meters, more than 0").build());
        JsonObjectSchema inRolls = lineSchema(material, color, "rolls",
                JsonIntegerSchema.builder().description("whole rolls (than), 1 or more").build());
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addProperty("items", JsonArraySchema.builder()
                        .items(JsonAnyOfSchema.builder().anyOf(inMeters, inRolls).build())
                        .build())
                .required("items")
                .additionalProperties(false)
                .build();
        return JsonSchema.builder().name("order_items").rootElement(root).build();
    }

    /** A line with every field required and no other: what OpenAI's strict mode asks of an object. */
    private static JsonObjectSchema lineSchema(JsonSchemaElement material, JsonSchemaElement color, String quantity,
            JsonSchemaElement amount) {
        return JsonObjectSchema.builder()
                .addProperty("material", material)
                .addProperty("color", color)
                .addProperty(quantity, amount)
                .required("material", "color", quantity)
                .additionalProperties(false)
                .build();
    }

    /**
     * The order lines in a model's answer, with the catalog's canonical names (a name in another case is taken as
     * the canonical one) and meters rounded half-up to 2 decimals, as the rules give them.
     */
    static List<OrderLine> lines(String content, Vocabulary vocabulary) throws InvalidOutput {
        if (content == null || content.isBlank()) {
            throw new InvalidOutput("the answer is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new InvalidOutput("the answer is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidOutput("the answer is not a JSON object");
        }
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            throw new InvalidOutput("\"items\" is not an array");
        }
        if (root.size() != 1) {
            throw new InvalidOutput("the answer has fields besides \"items\"");
        }
        Map<String, String> materials = canonical(vocabulary.materials());
        Map<String, String> colors = canonical(vocabulary.colors());
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            lines.add(line(items.get(i), i, materials, colors));
        }
        return List.copyOf(lines);
    }

    private static OrderLine line(JsonNode item, int i, Map<String, String> materials, Map<String, String> colors)
            throws InvalidOutput {
        String at = "items[" + i + "]";
        if (!item.isObject()) {
            throw new InvalidOutput(at + " is not an object");
        }
        for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            // An unknown field may change what the line means ("unit": "yards"), so it is not ignored.
            if (!LINE_FIELDS.contains(name)) {
                throw new InvalidOutput(at + " has an unknown field \"" + name + "\"");
            }
        }
        String material = name(item, "material", materials, at);
        String color = name(item, "color", colors, at);
        JsonNode meters = present(item.get("meters"));
        JsonNode rolls = present(item.get("rolls"));
        if ((meters == null) == (rolls == null)) {
            throw new InvalidOutput(at + " must have exactly one of \"meters\" and \"rolls\"");
        }
        if (meters != null) {
            if (!meters.isNumber()) {
                throw new InvalidOutput(at + ".meters is not a number");
            }
            BigDecimal rounded = meters.decimalValue().setScale(2, RoundingMode.HALF_UP);
            if (rounded.signum() <= 0) {
                throw new InvalidOutput(at + ".meters is not more than 0");
            }
            BigDecimal plain = rounded.stripTrailingZeros();
            return OrderLine.meters(material, color, plain.scale() < 0 ? plain.setScale(0) : plain);
        }
        if (!rolls.isNumber() || rolls.decimalValue().stripTrailingZeros().scale() > 0) {
            throw new InvalidOutput(at + ".rolls is not a whole number");
        }
        BigDecimal count = rolls.decimalValue();
        if (count.signum() <= 0 || count.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new InvalidOutput(at + ".rolls is not a positive count");
        }
        return OrderLine.rolls(material, color, count.intValueExact());
    }

    private static String name(JsonNode item, String field, Map<String, String> known, String at) throws InvalidOutput {
        JsonNode value = item.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidOutput(at + "." + field + " is missing or not a string");
        }
        String name = known.get(key(value.asText()));
        if (name == null) {
            // The invented name is the model's, not the customer's, and helps to see why a model keeps failing.
            throw new InvalidOutput(at + "." + field + " '" + value.asText() + "' is not in the catalog");
        }
        return name;
    }

    /** A JSON null counts as absent: {@code "rolls": null} beside meters is not a second quantity. */
    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static Map<String, String> canonical(Map<String, Set<String>> names) {
        Map<String, String> byKey = new HashMap<>();
        names.keySet().forEach(name -> byKey.put(key(name), name));
        return byKey;
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    static List<String> sorted(Map<String, Set<String>> names) {
        return names.keySet().stream().sorted().toList();
    }
}
