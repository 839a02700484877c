package dev.parley.runtime.understanding.llm;

import java.util.Map;
import java.util.Set;

import dev.parley.runtime.understanding.Vocabulary;

/**
 * The instructions a model gets with each message: the task, the answer's shape and the catalog's words. The
 * customer's text goes in a message of its own, so that what they write is read as an order, not as instructions
 * (and whatever it makes the model say still has to pass {@link OrderSchema}).
 */
final class OrderPrompt {

    private OrderPrompt() {
    }

    static String system(Vocabulary vocabulary) {
        return """
                You read fabric orders in the chat messages a textile shop's customers write, in English, Hindi (Latin or \
                Devanagari script) or a mix.
                Answer with JSON only: {"items": [...]}, one item per line the customer orders, each either \
                {"material": ..., "color": ..., "meters": ...} or {"material": ..., "color": ..., "rolls": ...}.
                - "material" and "color" are exactly one of the catalog's names listed below (the name before any \
                parenthesis). Words in parentheses are what customers also call it: answer with the name.
                - "meters" is the length in meters, a number more than 0 with at most 2 decimals; convert yards \
                (gaj) at 0.9144 m. "rolls" is a whole number of rolls (than, thaan).
                - Leave out a line whose material or colour is not in the catalog, or that lacks a material, a colour \
                or a quantity. A greeting, a question or a price enquiry orders nothing: {"items": []}.

                Materials:
                %s
                Colours:
                %s""".formatted(list(vocabulary.materials()), list(vocabulary.colors()));
    }

    /** One name a line, with its synonyms: "- cotton (mulmul, sooti)". */
    private static String list(Map<String, Set<String>> names) {
        StringBuilder list = new StringBuilder();
        for (String name : OrderSchema.sorted(names)) {
            list.append("- ").append(name);
            Set<String> synonyms = names.get(name);
            if (!synonyms.isEmpty()) {
                list.append(" (").append(String.join(", ", synonyms.stream().sorted().toList())).append(')');
            }
            list.append('\n');
        }
        return list.toString();
    }
}
