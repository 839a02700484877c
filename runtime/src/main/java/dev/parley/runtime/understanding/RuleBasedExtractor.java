package dev.parley.runtime.understanding;

import java.util.List;
import java.util.Set;

import dev.parley.runtime.understanding.CatalogMatcher.Mention;
import dev.parley.runtime.understanding.CatalogMatcher.Slot;
import dev.parley.runtime.understanding.Quantities.Quantity;
import dev.parley.runtime.understanding.Tokenizer.Kind;
import dev.parley.runtime.understanding.Tokenizer.Token;

/**
 * Reads order lines from English, romanised Hindi or a mix of both, with no network: the catalog's own words plus
 * built-in language knowledge. Reads the message left to right: quantities first (so "one and a half" is a number
 * before "and" can join two lines), then catalog words, then the few words that shape lines; everything else
 * ("bhaiya", "please", "chahiye", "bhej do", "kapda") is filler and passes by.
 */
public final class RuleBasedExtractor implements OrderExtractor {

    /** Words that join two lines, like a comma. */
    private static final Set<String> JOINERS = Set.of("aur", "or", "and", "also", "bhi", "plus", "n", "tatha", "evam");

    /** "each", "dono": one material and quantity for the colours listed before it. */
    private static final Set<String> EACH = Set.of("each", "har", "harek", "dono", "donon", "both", "pratyek", "sab", "sabhi",
            "teeno", "teenon", "tino", "tinon", "charo", "charon", "chaaron", "paancho", "panchon");

    /** Asking what something costs: "rate kya hai", "kitne ka padega", "how much". Such a sentence orders nothing. */
    private static final Set<String> PRICE_WORDS = Set.of(
            "rate", "rates", "price", "prices", "pricing", "kitna", "kitne", "kitni", "keemat", "kimat", "qeemat", "cost",
            "costs", "bhav", "bhaav", "daam", "dam", "charges", "charge");

    /** Saying a line is not wanted. ("na" is left out: "bhej do na" is a plea, not a refusal.) */
    private static final Set<String> NEGATIONS = Set.of("nahi", "nahin", "nai", "nhi", "not", "dont", "mat", "cancel");

    /** Correcting what was just said: "8m, sorry 9m". */
    private static final Set<String> CORRECTIONS = Set.of(
            "sorry", "sry", "sori", "matlab", "mean", "meant", "actually", "galti", "wait", "oops", "ops", "correction", "rather",
            "likha", "galat");

    /** Words between a material and its heading mark: "sooti kapda: ...". */
    private static final Set<String> CLOTH_WORDS = Set.of("kapda", "kapde", "kapra", "kapre", "cloth", "fabric", "material", "ka", "ki", "ke");

    /** After a material these make it a heading for the lines that follow: "cotton: blue 10m, red 5m", "cotton mein". */
    private static final Set<String> HEADING_MARKS = Set.of("mein", "me", "main", "mai", "mei");

    /** Building a matcher is a little work; a bot's vocabulary rarely changes between messages. */
    private volatile Cached cached;

    private record Cached(Vocabulary vocabulary, CatalogMatcher matcher) {
    }

    @Override
    public List<OrderLine> extract(String text, Vocabulary vocabulary) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        CatalogMatcher matcher = matcher(vocabulary);
        List<Token> tokens = Tokenizer.tokenize(text);
        LineAssembler lines = new LineAssembler();
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            switch (token.kind()) {
                case SENTENCE_END -> lines.endSentence();
                case JOIN -> lines.join();
                case COLON -> {
                    // A colon only matters after a material, where the mention itself looks at it.
                }
                case NUMBER, WORD -> {
                    Quantity quantity = Quantities.at(tokens, i);
                    if (quantity != null) {
                        lines.quantity(quantity);
                        i = quantity.end();
                        continue;
                    }
                    Mention mention = matcher.at(tokens, i);
                    if (mention != null) {
                        lines.mention(mention, mention.slot() == Slot.MATERIAL && isHeadingMark(tokens, mention.end()));
                        i = mention.end();
                        continue;
                    }
                    shapeWord(tokens, i, lines, matcher);
                }
            }
            i++;
        }
        return lines.orderLines();
    }

    /**
     * "5 nahi 8", "laal nahi neela", "nahi nahi, 15 meter": a "nahi" followed by a quantity or a colour or material
     * says that this one, not the one before, is meant. ("10m red silk nahi chahiye" refuses the line instead.)
     */
    private static boolean replacesWhatWasSaid(List<Token> tokens, int i, CatalogMatcher matcher) {
        while (i < tokens.size() && (tokens.get(i).kind() == Kind.JOIN
                || tokens.get(i).kind() == Kind.WORD && NEGATIONS.contains(tokens.get(i).text()))) {
            i++;
        }
        if (i >= tokens.size() || tokens.get(i).kind() != Kind.WORD && tokens.get(i).kind() != Kind.NUMBER) {
            return false;
        }
        return Quantities.at(tokens, i) != null || matcher.at(tokens, i) != null;
    }

    private static void shapeWord(List<Token> tokens, int i, LineAssembler lines, CatalogMatcher matcher) {
        Token token = tokens.get(i);
        if (token.kind() != Kind.WORD) {
            return;
        }
        String word = token.text();
        if (JOINERS.contains(word)) {
            lines.joinWord();
        } else if (EACH.contains(word)) {
            lines.each();
        } else if (word.equals("no") && replacesWhatWasSaid(tokens, i + 1, matcher)) {
            // "3 roll white denim, oh no 4 roll"
            lines.correction();
        } else if (NEGATIONS.contains(word)) {
            if (replacesWhatWasSaid(tokens, i + 1, matcher)) {
                lines.correction();
            } else {
                lines.negation();
            }
        } else if (CORRECTIONS.contains(word) || word.equals("make") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("it")
                || word.equals("jagah") || word.equals("jaga") || word.equals("badle")) {
            lines.correction();
        } else if (word.equals("instead") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("of")) {
            lines.discardNext();
        } else if ((PRICE_WORDS.contains(word) || word.equals("much") && i > 0 && tokens.get(i - 1).isWord("how"))
                && !statesAPrice(tokens, i + 1)) {
            lines.priceQuestion();
        }
    }

    /**
     * "rate 450/m", "@ 150 per meter", "rate rs 300": a price said, not asked. ("price of 10m", "price hai 1 meter ki":
     * the number is a length, and the sentence asks.)
     */
    private static boolean statesAPrice(List<Token> tokens, int i) {
        while (i < tokens.size() && tokens.get(i).kind() == Kind.WORD && Set.of("rs", "inr", "is", "hai").contains(tokens.get(i).text())) {
            i++;
        }
        return i < tokens.size() && tokens.get(i).kind() == Kind.NUMBER
                && (i + 1 >= tokens.size() || tokens.get(i + 1).kind() != Kind.WORD || Quantities.unit(tokens.get(i + 1).text()) == null);
    }

    private static boolean isHeadingMark(List<Token> tokens, int i) {
        while (i < tokens.size() && tokens.get(i).kind() == Kind.WORD && CLOTH_WORDS.contains(tokens.get(i).text())) {
            i++;
        }
        if (i >= tokens.size()) {
            return false;
        }
        Token token = tokens.get(i);
        return token.kind() == Kind.COLON || token.kind() == Kind.WORD && HEADING_MARKS.contains(token.text());
    }

    private CatalogMatcher matcher(Vocabulary vocabulary) {
        Cached known = cached;
        if (known != null && (known.vocabulary() == vocabulary || known.vocabulary().equals(vocabulary))) {
            return known.matcher();
        }
        CatalogMatcher matcher = new CatalogMatcher(vocabulary);
        cached = new Cached(vocabulary, matcher);
        return matcher;
    }
}
