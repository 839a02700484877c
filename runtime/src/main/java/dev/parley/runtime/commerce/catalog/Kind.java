package dev.parley.runtime.commerce.catalog;

import java.util.Locale;

/** The two kinds of catalog words: materials and colours. Each has a table of canonical names of its own. */
public enum Kind {
    MATERIAL("material", "materials"),
    COLOR("color", "colors");

    private final String singular;
    private final String plural;

    Kind(String singular, String plural) {
        this.singular = singular;
        this.plural = plural;
    }

    /** As the API and the {@code synonym.kind} column spell it; also the name of the kind's table. */
    public String singular() {
        return singular;
    }

    /** As the API's paths spell it ({@code /api/v1/catalog/colors}). */
    public String plural() {
        return plural;
    }

    /** {@code material} or {@code color}. */
    public static Kind parse(String value) {
        for (Kind kind : values()) {
            if (kind.singular.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("a kind is \"material\" or \"color\", not \"" + value + "\"");
    }
}
