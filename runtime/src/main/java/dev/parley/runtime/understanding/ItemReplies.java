package dev.parley.runtime.understanding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.parley.runtime.understanding.CatalogMatcher.Mention;
import dev.parley.runtime.understanding.CatalogMatcher.Slot;
import dev.parley.runtime.understanding.Tokenizer.Kind;
import dev.parley.runtime.understanding.Tokenizer.Token;

/**
 * Reads a reply that settles several items at once while an order is negotiated: "pehla wala le lo, doosra cancel",
 * "take the red silk and drop the rest", "silk rehne do baaki bhej do". The reply is cut into parts at commas and
 * joiners; each part has an action (take or drop) and names items by their place in the list the customer was shown
 * ("pehla", "second", "item 2", "last"), by colour or material ("the red silk", "cotton wala"), or as the rest
 * ("baaki", "the rest", "others"). A name that is one of the alternatives offered for an item takes that alternative.
 *
 * <p>A reply that names no item is not read here: one intent for the item asked about does
 * ({@link IntentClassifier}).
 */
public final class ItemReplies {

    public enum Action {
        /** Take the item as it can be had (the available part), or the alternative named. */
        TAKE,
        /** Cancel the item. */
        DROP
    }

    /** One item as the customer was shown it, in the order shown, with the alternatives offered for it. */
    public record Shown(String material, String color, List<Alternative> alternatives) {

        public Shown {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** An alternative offered for an item. */
    public record Alternative(String material, String color) {
    }

    /**
     * What the reply decides for one item: take it (the alternative of that number, from 1, or 0 for the item itself)
     * or drop it.
     */
    public record Decision(Action action, int alternative) {
    }

    private static final Set<String> JOINERS = Set.of("aur", "and", "but", "par", "lekin", "magar", "while", "then", "phir");

    private static final Set<String> REST = Set.of("baaki", "baki", "baakee", "bache", "bacha", "bachi", "rest", "others",
            "other", "remaining", "sab", "sabhi", "all", "everything", "baakiyon");

    private static final Set<String> DROP = Set.of(
            "cancel", "cancle", "hata", "hatao", "hatado", "hatana", "drop", "remove", "nikal", "nikalo", "nikaal", "nikaldo",
            "skip", "delete", "nahi", "nahin", "nhi", "no", "not", "dont", "mat", "rehne", "rahne", "chhodo", "chodo", "chhod",
            "chod", "radd", "leave");

    private static final Set<String> TAKE = Set.of(
            "le", "lo", "lelo", "lena", "lunga", "lungi", "lenge", "take", "keep", "rakh", "rakho", "rakhna", "accept", "chalega",
            "ok", "okay", "haan", "han", "yes", "bhej", "bhejo", "bhejdo", "send", "confirm", "want", "chahiye", "theek",
            "thik", "fine", "done", "de", "dedo", "go", "proceed");

    private static final Map<String, Integer> ORDINALS = ordinals();

    /** Words that mark a number as an item's place: "item 2", "2 wala", "no 2". */
    private static final Set<String> PLACE_MARKS = Set.of("item", "line", "no", "number", "wala", "wali", "wale", "vala", "vali");

    private ItemReplies() {
    }

    private static Map<String, Integer> ordinals() {
        Map<String, Integer> words = new HashMap<>();
        NumberWords.put(words, 1, "pehla", "pehli", "pehle", "pahla", "pahli", "pahle", "first", "1st", "ek");
        NumberWords.put(words, 2, "doosra", "dusra", "doosri", "dusri", "doosre", "second", "2nd");
        NumberWords.put(words, 3, "teesra", "tisra", "teesri", "tisri", "teesre", "third", "3rd");
        NumberWords.put(words, 4, "chautha", "chauthi", "fourth", "4th");
        NumberWords.put(words, -1, "last", "aakhri", "akhri", "aakhiri", "antim");
        return Map.copyOf(words);
    }

    /** A reference to items in one part of the reply: the items it names, and whether it names "the rest". */
    private record Part(Action action, Set<Integer> items, Map<Integer, Integer> alternatives, boolean rest) {
    }

    /**
     * The decision for each shown item (null where the reply decides nothing), or empty when the reply names no item
     * or decides nothing.
     */
    public static Optional<List<Decision>> read(String reply, List<Shown> shown) {
        if (reply == null || reply.isBlank() || shown.isEmpty()) {
            return Optional.empty();
        }
        CatalogMatcher matcher = new CatalogMatcher(vocabulary(shown));
        List<Token> tokens = Tokenizer.tokenize(reply);
        if (hasALength(tokens)) {
            // "ok, red polyester 5m": a new quantity for an item, which the order lines say; not a decision.
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            boolean cut = i == tokens.size() || tokens.get(i).kind() == Kind.JOIN || tokens.get(i).kind() == Kind.SENTENCE_END
                    || tokens.get(i).kind() == Kind.WORD && JOINERS.contains(tokens.get(i).text())
                    // "doosra cancel baaki le lo": "the rest" begins a part of its own
                    || i > start && tokens.get(i).kind() == Kind.WORD && REST.contains(tokens.get(i).text()) && hasAction(tokens, start, i)
                            && hasAction(tokens, i, partEnd(tokens, i));
            if (cut) {
                Part part = part(tokens.subList(start, i), shown, matcher);
                if (part != null) {
                    parts.add(part);
                }
                start = i + (i < tokens.size() && (tokens.get(i).kind() != Kind.WORD || JOINERS.contains(tokens.get(i).text())) ? 1 : 0);
            }
        }
        parts = carryForward(parts);
        if (parts.stream().noneMatch(p -> !p.items().isEmpty())) {
            return Optional.empty();
        }
        Decision[] decisions = new Decision[shown.size()];
        for (Part part : parts) {
            for (int item : part.items()) {
                decisions[item] = new Decision(part.action(), part.alternatives().getOrDefault(item, 0));
            }
        }
        for (Part part : parts) {
            if (part.rest()) {
                for (int k = 0; k < decisions.length; k++) {
                    if (decisions[k] == null) {
                        decisions[k] = new Decision(part.action(), 0);
                    }
                }
            }
        }
        return Arrays.stream(decisions).allMatch(d -> d == null) ? Optional.empty() : Optional.of(Arrays.asList(decisions));
    }

    private static boolean hasALength(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Quantities.Quantity quantity = Quantities.at(tokens, i);
            if (quantity != null && quantity.unit() != Quantities.Unit.NONE) {
                return true;
            }
        }
        return false;
    }

    /** Where the part that has token {@code i} ends: at the next comma, full stop or joiner. */
    private static int partEnd(List<Token> tokens, int i) {
        int end = i;
        while (end < tokens.size() && tokens.get(end).kind() != Kind.JOIN && tokens.get(end).kind() != Kind.SENTENCE_END
                && !(tokens.get(end).kind() == Kind.WORD && JOINERS.contains(tokens.get(end).text()))) {
            end++;
        }
        return end;
    }

    /** "second and third remove": items named without an action take the action of the part after them. */
    private static List<Part> carryForward(List<Part> parts) {
        List<Part> carried = new ArrayList<>();
        Set<Integer> pending = new HashSet<>();
        for (Part part : parts) {
            if (part.action() == null) {
                pending.addAll(part.items());
                continue;
            }
            Set<Integer> items = new HashSet<>(part.items());
            items.addAll(pending);
            pending.clear();
            carried.add(new Part(part.action(), items, part.alternatives(), part.rest()));
        }
        return carried;
    }

    private static boolean hasAction(List<Token> tokens, int from, int to) {
        return tokens.subList(from, to).stream().anyMatch(t -> t.kind() == Kind.WORD && (TAKE.contains(t.text()) || DROP.contains(t.text())));
    }

    /**
     * One part's action and the items it names; null when it names nothing. An action of null: items named for the
     * action of the next part.
     */
    private static Part part(List<Token> tokens, List<Shown> shown, CatalogMatcher matcher) {
        Action action = null;
        Set<Integer> items = new HashSet<>();
        Map<Integer, Integer> alternatives = new HashMap<>();
        boolean rest = false;
        String material = null;
        String color = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String word = token.kind() == Kind.WORD ? token.text() : "";
            Mention mention = token.kind() == Kind.WORD ? matcher.at(tokens, i) : null;
            if (mention != null) {
                if (mention.slot() == Slot.MATERIAL) {
                    material = mention.name();
                } else {
                    color = mention.name();
                }
                i = mention.end() - 1;
            } else if (DROP.contains(word)) {
                action = Action.DROP;
            } else if (TAKE.contains(word) && action == null) {
                action = Action.TAKE;
            } else if (REST.contains(word)) {
                rest = true;
            } else if (ORDINALS.containsKey(word) && !(word.equals("ek") && !isPlaceMark(tokens, i + 1))) {
                int place = ORDINALS.get(word);
                items.add(place < 0 ? shown.size() - 1 : place - 1);
            } else if (token.kind() == Kind.NUMBER && token.value().scale() <= 0
                    && (isPlaceMark(tokens, i + 1) || i > 0 && isPlaceMark(tokens, i - 1))) {
                items.add(token.value().intValue() - 1);
            }
        }
        if (material != null || color != null) {
            named(shown, material, color, action, items, alternatives);
        }
        items.removeIf(k -> k < 0 || k >= shown.size());
        if (action == null ? items.isEmpty() : items.isEmpty() && !rest) {
            return null;
        }
        return new Part(action, items, alternatives, rest);
    }

    private static boolean isPlaceMark(List<Token> tokens, int i) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind() == Kind.WORD && PLACE_MARKS.contains(tokens.get(i).text());
    }

    /** The one shown item a colour and material name, else the one alternative they name (to take it). */
    private static void named(List<Shown> shown, String material, String color, Action action, Set<Integer> items,
            Map<Integer, Integer> alternatives) {
        List<Integer> matching = new ArrayList<>();
        for (int k = 0; k < shown.size(); k++) {
            if (matches(shown.get(k).material(), shown.get(k).color(), material, color)) {
                matching.add(k);
            }
        }
        if (matching.size() == 1) {
            items.add(matching.get(0));
            return;
        }
        if (!matching.isEmpty() || action != Action.TAKE) {
            return;
        }
        int found = -1;
        int alternative = 0;
        for (int k = 0; k < shown.size(); k++) {
            List<Alternative> offered = shown.get(k).alternatives();
            for (int a = 0; a < offered.size(); a++) {
                if (matches(offered.get(a).material(), offered.get(a).color(), material, color)) {
                    if (found >= 0) {
                        return;
                    }
                    found = k;
                    alternative = a + 1;
                }
            }
        }
        if (found >= 0) {
            items.add(found);
            alternatives.put(found, alternative);
        }
    }

    private static boolean matches(String itemMaterial, String itemColor, String material, String color) {
        return (material == null || material.equals(itemMaterial)) && (color == null || color.equals(itemColor));
    }

    private static Vocabulary vocabulary(List<Shown> shown) {
        Map<String, Set<String>> materials = new HashMap<>();
        Map<String, Set<String>> colors = new HashMap<>();
        for (Shown item : shown) {
            materials.put(item.material(), Set.of());
            colors.put(item.color(), Set.of());
            for (Alternative alternative : item.alternatives()) {
                materials.put(alternative.material(), Set.of());
                colors.put(alternative.color(), Set.of());
            }
        }
        return new Vocabulary(materials, colors);
    }
}
