package dev.parley.runtime.understanding.llm;

import java.util.Arrays;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.parley.runtime.understanding.Intent;

/**
 * What a model must answer about a reply, {@code {"intent": "CONFIRM"}} with one of {@link Intent}'s names, and the
 * check that it did. Like {@link OrderSchema}, the schema goes with the request and every answer is checked anyway.
 */
final class ReplySchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final JsonSchema SCHEMA = JsonSchema.builder().name("reply_intent").rootElement(JsonObjectSchema.builder()
            .addProperty("intent", JsonEnumSchema.builder().enumValues(Arrays.stream(Intent.values()).map(Intent::name).toList())
                    .description("what the reply means").build())
            .required("intent")
            .additionalProperties(false)
            .build()).build();

    private ReplySchema() {
    }

    /** The intent in a model's answer. */
    static Intent intent(String content) throws OrderSchema.InvalidOutput {
        if (content == null || content.isBlank()) {
            throw new OrderSchema.InvalidOutput("the answer is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new OrderSchema.InvalidOutput("the answer is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || root.size() != 1 || !root.path("intent").isTextual()) {
            throw new OrderSchema.InvalidOutput("the answer is not {\"intent\": ...} alone");
        }
        String name = root.get("intent").asText();
        return Arrays.stream(Intent.values()).filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new OrderSchema.InvalidOutput("\"intent\" is not one of " + Arrays.toString(Intent.values())));
    }
}
