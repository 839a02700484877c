package dev.parley.runtime.understanding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.parley.runtime.understanding.Tokenizer.Kind;
import dev.parley.runtime.understanding.Tokenizer.Token;

/**
 * Finds the catalog's materials and colours in tokens, answering with the catalog's own names. A phrase is known from
 * the catalog's names, then the business's synonyms, then built-in English and Hindi words for names the catalog
 * has; the longest phrase wins, so "navy blue" is not "blue" and "sky blue" is one colour.
 */
final class CatalogMatcher {

    enum Slot {
        MATERIAL, COLOR
    }

    /** A material or colour found in tokens [start, end), by its catalog name. */
    record Mention(Slot slot, String name, int start, int end) {
    }

    private record Entry(Slot slot, String name) {
    }

    /**
     * Words one typo away from a colour or material that mean something else in a chat ("back" is not "black",
     * "safe" not "safed").
     */
    private static final Set<String> NOT_TYPOS = Set.of(
            "back", "lack", "block", "while", "write", "whit", "lines", "liner", "fellow", "greet", "grown", "crown",
            "dream", "safe", "peel", "kaal", "cotter", "rayons", "denis", "linea", "silks",
            // "pehle 20m likha tha": earlier, not yellow
            "pehle", "pehla", "pehli", "pahle", "pahla");

    /** Typos are forgiven only in words this long, where one slip still leaves the word recognisable. */
    private static final int TYPO_MIN_LENGTH = 5;

    private final Map<String, Entry> phrases = new HashMap<>();
    private final List<Map.Entry<String, Entry>> typoTargets = new ArrayList<>();
    private int longestPhrase = 1;

    CatalogMatcher(Vocabulary vocabulary) {
        // Earlier sources win a phrase: the catalog's names, then its synonyms, then built-in words.
        addNames(Slot.MATERIAL, vocabulary.materials());
        addNames(Slot.COLOR, vocabulary.colors());
        addSynonyms(Slot.MATERIAL, vocabulary.materials());
        addSynonyms(Slot.COLOR, vocabulary.colors());
        addBuiltIn(Slot.MATERIAL, vocabulary.materials(), BuiltInWords.MATERIALS);
        addBuiltIn(Slot.COLOR, vocabulary.colors(), BuiltInWords.COLORS);
        phrases.forEach((phrase, entry) -> {
            if (!phrase.contains(" ") && phrase.length() >= TYPO_MIN_LENGTH) {
                typoTargets.add(Map.entry(phrase, entry));
            }
        });
    }

    /** The material or colour that starts at {@code i}, or null. */
    Mention at(List<Token> tokens, int i) {
        for (int length = Math.min(longestPhrase, tokens.size() - i); length >= 1; length--) {
            String phrase = phrase(tokens, i, length);
            Entry entry = phrase == null ? null : phrases.get(phrase);
            if (entry != null) {
                return new Mention(entry.slot(), entry.name(), i, i + length);
            }
        }
        Token token = tokens.get(i);
        if (token.kind() != Kind.WORD) {
            return null;
        }
        Entry entry = plural(token.text());
        if (entry == null) {
            entry = typo(token.text());
        }
        return entry == null ? null : new Mention(entry.slot(), entry.name(), i, i + 1);
    }

    private Entry plural(String word) {
        if (word.endsWith("es") && phrases.containsKey(word.substring(0, word.length() - 2))) {
            return phrases.get(word.substring(0, word.length() - 2));
        }
        return word.endsWith("s") ? phrases.get(word.substring(0, word.length() - 1)) : null;
    }

    /** The one catalog word this word is a typo of; none when it is a typo of two different things. */
    private Entry typo(String word) {
        if (word.length() < TYPO_MIN_LENGTH - 1 || NOT_TYPOS.contains(word)) {
            return null;
        }
        Entry found = null;
        for (Map.Entry<String, Entry> target : typoTargets) {
            if (EditDistance.withinOne(word, target.getKey())) {
                if (found != null && !found.equals(target.getValue())) {
                    return null;
                }
                found = target.getValue();
            }
        }
        return found;
    }

    private static String phrase(List<Token> tokens, int start, int length) {
        StringBuilder phrase = new StringBuilder();
        for (int i = start; i < start + length; i++) {
            Token token = tokens.get(i);
            if (token.kind() != Kind.WORD && token.kind() != Kind.NUMBER) {
                return null;
            }
            if (i > start) {
                phrase.append(' ');
            }
            phrase.append(token.text());
        }
        return phrase.toString();
    }

    private void addNames(Slot slot, Map<String, Set<String>> names) {
        names.keySet().forEach(name -> add(name, new Entry(slot, name)));
    }

    private void addSynonyms(Slot slot, Map<String, Set<String>> names) {
        names.forEach((name, synonyms) -> synonyms.forEach(synonym -> add(synonym, new Entry(slot, name))));
    }

    /** Built-in words count for a catalog name that matches theirs, whatever its case ("Cotton", "cotton"). */
    private void addBuiltIn(Slot slot, Map<String, Set<String>> names, Map<String, Set<String>> builtIn) {
        for (String name : names.keySet()) {
            Set<String> words = builtIn.get(name.trim().toLowerCase(Locale.ROOT));
            if (words != null) {
                words.forEach(word -> add(word, new Entry(slot, name)));
            }
        }
    }

    private void add(String phrase, Entry entry) {
        List<Token> tokens = Tokenizer.tokenize(phrase);
        if (tokens.isEmpty()) {
            return;
        }
        String key = phrase(tokens, 0, tokens.size());
        if (key != null) {
            phrases.putIfAbsent(key, entry);
            longestPhrase = Math.max(longestPhrase, tokens.size());
        }
    }
}
