package dev.parley.runtime.understanding;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the extractor knows of English and romanised Hindi before it sees a catalog: colour and material words by the
 * English name a catalog most likely uses. A word only counts when the catalog has that name, so a shop without
 * chiffon never "understands" chiffon.
 */
final class BuiltInWords {

    /** Spoken colour words and texting shorthand ("blu", "blk"), keyed by the usual English catalog name. */
    static final Map<String, Set<String>> COLORS = Map.ofEntries(
            Map.entry("red", Set.of("laal", "lal", "lall", "surkh")),
            Map.entry("blue", Set.of("neela", "nila", "neeli", "nili", "neele", "nile", "nilaa", "blu")),
            Map.entry("green", Set.of("hara", "hari", "hare", "haraa", "grn", "dhani")),
            Map.entry("yellow", Set.of("peela", "pila", "peeli", "pili", "peele", "pile", "basanti")),
            Map.entry("black", Set.of("kaala", "kala", "kaali", "kali", "kaale", "kale", "blk")),
            Map.entry("white", Set.of("safed", "safaid", "sufed", "sufaid", "safeed", "wht", "shvet", "shwet", "sfed")),
            Map.entry("pink", Set.of("gulabi", "gulaabi")),
            Map.entry("orange", Set.of("narangi", "naarangi", "santri", "santra", "narnagi", "kesari", "kesariya", "kesaria", "bhagwa")),
            Map.entry("brown", Set.of("bhura", "bhoora", "bhuri", "bhure", "kathai")),
            Map.entry("purple", Set.of("jamuni", "jamni", "baingani", "bainganee", "baigani")),
            Map.entry("grey", Set.of("gray", "sleti", "slety", "saleti", "dhoosar", "dhusar")),
            Map.entry("maroon", Set.of("mehroon", "mehrun", "marun", "mehrooni")),
            Map.entry("navy", Set.of("navy blue")),
            Map.entry("sky blue", Set.of("aasmani", "asmani", "aasmaani", "skyblue")),
            Map.entry("cream", Set.of("kreem", "krim")),
            Map.entry("golden", Set.of("gold", "sunehra", "sunehri", "sunhari")),
            Map.entry("silver", Set.of("chandi", "rupehla", "rupehri")));

    /** Spoken material words, keyed by the usual English catalog name. */
    static final Map<String, Set<String>> MATERIALS = Map.ofEntries(
            Map.entry("cotton", Set.of("sooti", "suti", "sooty", "cotten", "kattan")),
            Map.entry("silk", Set.of("resham", "reshmi", "resam", "silky")),
            Map.entry("polyester", Set.of("poly", "polister", "polyster", "poliester")),
            Map.entry("wool", Set.of("oon", "ooni", "oonee", "woolen", "woollen")),
            Map.entry("linen", Set.of("linin")),
            Map.entry("rayon", Set.of("reyon", "viscose")),
            Map.entry("denim", Set.of("jeans")),
            Map.entry("georgette", Set.of("jorjet", "georget", "jarjet")),
            Map.entry("chiffon", Set.of("shifon", "chifon")),
            Map.entry("khadi", Set.of("khaddar")),
            Map.entry("velvet", Set.of("makhmal", "makhmali")),
            Map.entry("satin", Set.of("saatan", "satan")),
            Map.entry("muslin", Set.of("malmal")));

    /** Every built-in colour and material word, whatever the catalog: an intent can name an item without a catalog. */
    static final Set<String> ITEM_WORDS = itemWords();

    private BuiltInWords() {
    }

    private static Set<String> itemWords() {
        Set<String> words = new HashSet<>();
        for (Map<String, Set<String>> lexicon : List.of(COLORS, MATERIALS)) {
            lexicon.forEach((name, synonyms) -> {
                words.add(name);
                words.addAll(synonyms);
            });
        }
        return Set.copyOf(words);
    }
}
