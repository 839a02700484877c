package dev.parley.runtime.understanding;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which language a customer writes in, from one message: Hindi when it has Devanagari in it or at least two romanised
 * Hindi words and more of them than English ones ("10 meter neela sooti bhej do"), English the other way round ("need
 * 10m blue cotton please"), nothing when it says too little to tell ("10m", "ok", "👍", "20m blue cotton aur 6m red
 * polyester"). WhatsApp reports no
 * language, so this is what a WhatsApp customer is answered in until they choose one.
 *
 * <p>Only words that belong to one language count: catalog words ("cotton", "silk"), numbers and units are left
 * out, and so are words both languages use in chat ("ok", "sir", "order").
 */
public final class LanguageGuess {

    public static final String HINDI = "hi";
    public static final String ENGLISH = "en";

    private static final Pattern WORD = Pattern.compile("[a-z]+");

    /** Words of one language a message needs, more than of the other, to tell. */
    private static final int MIN_WORDS = 2;

    /** Romanised Hindi function words and everyday chat words. */
    private static final Set<String> HINDI_WORDS = Set.of(
            "hai", "hain", "ha", "haan", "hanji", "ji", "kya", "kyu", "kyun", "kaise", "kab", "kaha", "kahan", "kitna",
            "kitne", "kitni", "nahi", "nahin", "nhi", "mat", "chahiye", "chahie", "chaiye", "bhej", "bhejo", "bhejna",
            "bhejiye", "bhejdo", "dena", "dijiye", "de", "karo", "kar", "karna", "kijiye", "aur", "bhi", "mein", "mujhe",
            "mera", "meri", "mere", "hume", "humko", "hamein", "hamko", "aap", "aapka", "aapke", "tum", "ka", "ki", "ke",
            "ko", "se", "par", "pe", "wala", "wali", "wale", "bhaiya", "bhai", "bhaisaab", "didi", "kal", "aaj", "abhi",
            "jaldi", "theek", "thik", "accha", "acha", "achha", "sab", "kuch", "batao", "bataiye", "dikhao", "milega",
            "milta", "hoga", "hogi", "tha", "thi", "gaya", "gayi", "diya", "liya", "lena", "lunga", "chalega", "rehne",
            "namaste", "namaskar", "dhanyavad", "shukriya", "haanji", "yaar", "sirf", "bas", "itna", "utna", "jitna",
            "kapda", "kapde", "rang", "than", "thaan", "gaj", "meko", "hamara", "apna", "tak", "wahi", "woh", "yeh", "ye");

    /** English function words and everyday chat words. */
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "the", "a", "an", "i", "we", "you", "my", "me", "our", "your", "is", "are", "am", "was", "be", "have", "has",
            "does", "did", "want", "need", "send", "please", "pls", "plz", "thanks", "thank", "hello", "hi", "hey",
            "yes", "no", "what", "which", "how", "when", "where", "why", "can", "could", "would", "will", "and", "or",
            "of", "for", "to", "in", "with", "from", "this", "that", "it", "there", "here", "some", "any", "more", "also",
            "each", "all", "much", "many", "price", "rate", "available", "stock", "today", "tomorrow", "good", "morning",
            "evening", "delivery", "deliver", "cancel", "confirm", "change", "instead", "like", "get", "take", "give",
            "meters", "metres", "yards", "rolls");

    private LanguageGuess() {
    }

    /** {@code hi} or {@code en}, or empty when the message does not tell. */
    public static Optional<String> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (Romanizer.hasDevanagari(text)) {
            return Optional.of(HINDI);
        }
        int hindi = 0;
        int english = 0;
        var words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            if (ENGLISH_WORDS.contains(word) || ENGLISH_NUMBERS.contains(word)) {
                english++;
            } else if (HINDI_WORDS.contains(word) || NumberWords.CARDINALS.containsKey(word) || isHindiItemWord(word)) {
                hindi++;
            }
        }
        // One word is not enough ("20m blue cotton aur 6m red polyester", "ok please"): the next message may tell.
        if (hindi >= MIN_WORDS && hindi > english) {
            return Optional.of(HINDI);
        }
        return english >= MIN_WORDS && english > hindi ? Optional.of(ENGLISH) : Optional.empty();
    }

    /** "neela", "sooti", "resham": a Hindi colour or material word (not the English name it stands for). */
    private static boolean isHindiItemWord(String word) {
        return BuiltInWords.ITEM_WORDS.contains(word) && !BuiltInWords.COLORS.containsKey(word)
                && !BuiltInWords.MATERIALS.containsKey(word) && !ENGLISH_ITEM_SPELLINGS.contains(word);
    }

    /** English number words, which {@link NumberWords#CARDINALS} holds beside the Hindi ones. */
    private static final Set<String> ENGLISH_NUMBERS = Set.of(
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fourty",
            "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "half");

    /** Built-in item words that are English spellings or shorthand, not Hindi. */
    private static final Set<String> ENGLISH_ITEM_SPELLINGS = Set.of(
            "blu", "grn", "blk", "wht", "gray", "navy blue", "skyblue", "gold", "silky", "cotten", "poly", "polister",
            "polyster", "poliester", "woolen", "woollen", "linin", "reyon", "viscose", "jeans", "georget", "chifon", "kreem",
            "krim");
}
