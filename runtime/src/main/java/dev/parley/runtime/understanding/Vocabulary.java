package dev.parley.runtime.understanding;

import java.util.Map;
import java.util.Set;

/**
 * The catalog's words: each material and colour by its canonical name (as in the catalog, e.g. {@code cotton},
 * {@code blue}) with the extra synonyms the business added (e.g. {@code sooti} for cotton). Built-in language
 * knowledge (English and romanised Hindi colour and material words) comes on top, in the extractor.
 */
public record Vocabulary(Map<String, Set<String>> materials, Map<String, Set<String>> colors) {

    public Vocabulary {
        materials = Map.copyOf(materials);
        colors = Map.copyOf(colors);
    }
}
