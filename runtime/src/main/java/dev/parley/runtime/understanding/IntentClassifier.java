package dev.parley.runtime.understanding;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads what a customer's reply means while an order is negotiated or confirmed, in English, Hindi (Latin or
 * Devanagari, which {@link Romanizer} writes in Latin first) or a mix, by rules. Only a clear refusal is a
 * {@link Intent#CANCEL}: a sentence that merely contains a "nahi" ("kuch samajh nahi aaya") is {@link Intent#UNKNOWN},
 * which the flow answers with a question.
 *
 * <p>Rules are tried from the most specific meaning to the least: "haan, red wala hata do" removes an item although it
 * starts with a yes, "jitna hai utna bhej do" accepts the available part although it says "bhej do", and "koi aur
 * colour?" asks for an alternative although it says "aur". A bare yes or no comes last.
 */
public final class IntentClassifier implements ReplyClassifier {

    /**
     * Phrases with a "no" in them that mean yes, or that the order is complete ("aur kuch nahi", "no problem"). They
     * are taken out first so that their "nahi" does not read as a refusal.
     */
    private static final List<String> YES_DESPITE_NO = List.of(
            "aur kuch nahi", "aur kuch nhi", "kuch aur nahi", "aur kuch nahin", "bas itna hi", "bas itna", "thats all",
            "that s all", "nothing else", "nothing more", "no changes", "no change", "koi change nahi", "no problem",
            "koi problem nahi", "koi baat nahi", "sab theek", "sab thik", "sab sahi", "no issues", "no issue");

    /** Not knowing or not understanding: a question back, even with a "sure" or a "nahi" in it. */
    private static final List<String> UNSURE = List.of(
            "not sure", "unsure", "pata nahi", "pata nahin", "pata nhi", "samajh nahi", "samajh nahin", "samajh nhi",
            "samjha nahi", "samjhi nahi", "samjha nhi", "samjh nahi", "don t understand", "dont understand",
            "didn t understand", "didnt understand", "not clear", "clear nahi", "no idea", "confused", "kya matlab");

    private static final List<String> ALTERNATIVE = List.of(
            "alternative", "alternatives", "alternate", "option", "options", "koi aur", "koi dusra", "koi doosra",
            "koi dusri", "dusra colour", "dusra color", "doosra colour", "doosra color", "dusre colour", "dusre color",
            "other colour", "other color", "other colours", "other colors", "other material",
            "another colour", "another color", "any other", "something else", "kuch aur", "similar", "aur kya hai",
            "aur kaun", "kaunsa colour", "konsa colour", "kaunse colour", "konse colour", "which colour", "which color",
            "what colour", "what color", "dusra rang", "doosra rang", "dusre rang", "doosre rang", "aur rang",
            "kaunsa rang", "konsa rang", "kaun sa rang", "what other", "what else", "aur colour", "aur color", "kya kya hai",
            "aur dikhao", "suggest", "substitute");

    private static final List<String> ACCEPT_AVAILABLE = List.of(
            "jitna hai", "jitna bhi", "jitna available", "jitna mil", "jitna mile", "jitne hai", "jitne bhi", "jo hai",
            "jo bhi hai", "jo available", "jo mil", "whatever", "what you have", "what s available", "whats available",
            "what is available", "partial", "utna hi", "utna bhej", "utna de", "utna chalega", "wahi bhej", "wohi bhej",
            "baaki cancel", "baki cancel", "remaining cancel", "rest cancel", "cancel the rest", "cancel remaining",
            "cancel the remaining", "take what", "available wala", "available vala", "available le", "available bhej",
            "available hai utna", "available chalega");

    /** Taking something out is always about an item, never the whole order. */
    private static final List<String> REMOVE = List.of(
            "remove", "hata", "hatao", "hatado", "hatana", "hata do", "nikal", "nikalo", "nikaal", "nikaldo", "delete",
            "drop", "minus", "skip");

    /** Refusals: of the whole order, or of one item when the reply names it. */
    private static final List<String> REFUSE = List.of(
            "cancel", "cancelled", "rehne do", "rahne do", "rehne de", "rehnedo", "nahi chahiye", "nhi chahiye", "nahin chahie", "nahi chahie",
            "nahi chaiye", "nahin chahiye", "mat bhejo", "mat bhejna", "mat karo", "dont want", "don t want",
            "do not want", "not needed", "no need", "nahi lena", "nahi lunga", "nahi leni", "nahi karna", "nahin karna", "nhi karna", "chhodo", "chodo", "chod do",
            "chhod do", "forget it", "band karo", "abort", "not interested", "radd", "radd karo", "radd kar do",
            "don t place", "dont place", "do not place", "don t send", "dont send", "do not send", "don t book", "dont book",
            "don t confirm", "dont confirm", "don t proceed", "dont proceed", "not now", "abhi nahi");

    /** Naming one item in a reply: "red wala", "the silk one", "first item". */
    private static final List<String> ITEM_REFERENCE = List.of(
            "wala", "wali", "wale", "vala", "vali", "vale", "one", "item", "line", "first", "second", "third",
            "last", "pehla", "pehli", "dusra", "doosra", "teesra", "aakhri");

    /** The whole order, not one item: "sab cancel", "remove everything". */
    private static final List<String> WHOLE_ORDER = List.of(
            "order", "sab", "sabhi", "all", "everything", "poora", "pura", "whole", "entire", "saara", "sara");

    private static final List<String> EDIT = List.of(
            "change", "changed", "badal", "badlo", "badla", "badli", "badal do", "instead", "ki jagah", "ke jagah",
            "ki jaga", "ke badle", "ke bajaye", "ki bajaye", "replace", "make it", "edit", "modify", "increase",
            "decrease", "reduce", "kam kar", "kam karo", "zyada kar", "jyada kar", "badha", "badhao", "badhado", "ghata",
            "ghatao", "correction");

    private static final List<String> ADD = List.of(
            "add", "also", "ek aur", "one more", "extra", "plus", "saath mein", "sath mein", "saath me", "sath me",
            "aur bhi", "aur chahiye", "aur bhejo", "aur bhej", "include", "daal do", "dal do", "jod do", "jodo");

    private static final List<String> NO = List.of(
            "nahi", "nahin", "nhi", "nai", "no", "nope", "nah", "naa", "mana", "stop");

    /**
     * Words that may stand beside a bare "no" without changing it: "nahi bhai", "no thanks", "nahi ji, abhi nahi". A
     * reply with any other word in it ("kuch samajh nahi aaya", "photo nahi aayi") is not a refusal, however many
     * "nahi" it has: it gets a question back, not a cancelled order.
     */
    private static final java.util.Set<String> BESIDE_A_NO = java.util.Set.of(
            "bhai", "bhaiya", "bhaisaab", "ji", "sir", "madam", "yaar", "thanks", "thank", "you", "thanku", "thankyou",
            "sorry", "please", "pls", "plz", "abhi", "ab", "filhaal", "re", "na", "bilkul", "hi", "to", "toh", "ok", "okay",
            "boss", "dost", "uncle", "aunty", "dear", "it", "order", "this", "time", "way");

    private static final List<String> YES = List.of(
            "haan", "haa", "ha", "han", "hanji", "haanji", "haji", "ji", "yes", "yeah", "yep", "yup", "ya", "ok", "okay",
            "okk", "okey", "k", "kk", "theek", "thik", "thk", "tik", "done", "confirm", "confirmed", "pakka", "sahi",
            "bilkul", "go ahead", "proceed", "kar do", "kardo", "karo", "bhej do", "bhejdo", "bhejo", "chalega", "chalo",
            "sure", "perfect", "great", "fine", "right", "correct", "final", "book", "place");

    /** A number and perhaps its unit, as {@link #normalize} leaves it: "12 m", "2 rolls". */
    private static final String AMOUNT = "\\d+(?:\\.\\d+)?(?: (?:m|mt|mtr|mtrs|meter|meters|metre|metres|mitar|miter|metar|gaj|gaz|yard|yards|than|thaan|roll|rolls|rol))?";

    /** A quantity in a reply: "12m", "12 meter". */
    private static final Pattern QUANTITY = Pattern.compile(" " + AMOUNT + " ");

    /** "12 meter kar do", "sirf 5m chahiye": a new quantity for an item already there. */
    private static final Pattern QUANTITY_THEN_DO = Pattern.compile(" " + AMOUNT + " (?:kar|kr|karo|kardo|kijiye|chahiye|rakho|rakh) ");

    /** "5m more", "2 rolls more". */
    private static final Pattern QUANTITY_MORE = Pattern.compile(" " + AMOUNT + " more ");

    @Override
    public Intent classify(String text) {
        if (text == null || text.isBlank()) {
            return Intent.UNKNOWN;
        }
        boolean thumbsUp = text.contains("👍") || text.contains("✅") || text.contains("👌");
        boolean thumbsDown = text.contains("👎") || text.contains("❌");
        boolean question = text.contains("?");
        String words = normalize(text);
        boolean yesDespiteNo = false;
        for (String phrase : YES_DESPITE_NO) {
            if (has(words, phrase)) {
                words = words.replace(" " + phrase + " ", " ");
                yesDespiteNo = true;
            }
        }
        if (hasAny(words, UNSURE)) {
            return Intent.UNKNOWN;
        }
        if (hasAny(words, ALTERNATIVE)) {
            return Intent.ALTERNATIVE;
        }
        if (hasAny(words, ACCEPT_AVAILABLE) || has(words, "available") && !question && !has(words, "kya")) {
            return Intent.ACCEPT_AVAILABLE;
        }
        if (hasAny(words, EDIT)) {
            return Intent.EDIT;
        }
        boolean removes = hasAny(words, REMOVE);
        if (removes || hasAny(words, REFUSE)) {
            if (namesAnItem(words)) {
                return Intent.CANCEL_ITEM;
            }
            if (removes) {
                return hasAny(words, WHOLE_ORDER) ? Intent.CANCEL : Intent.CANCEL_ITEM;
            }
        }
        boolean adds = hasAny(words, ADD) || andThenItem(words) || QUANTITY_MORE.matcher(words).find()
                || has(words, "bhi") && namesAnItemOrQuantity(words);
        if (QUANTITY_THEN_DO.matcher(words).find() && !adds) {
            return Intent.EDIT;
        }
        if (adds) {
            return Intent.ADD;
        }
        if (hasAny(words, REFUSE) || thumbsDown || isBareNo(words)) {
            return Intent.CANCEL;
        }
        if (hasAny(words, NO) && !yesDespiteNo) {
            // A "nahi" inside a sentence that says something else: "kuch samajh nahi aaya", "total sahi nahi lag raha".
            return Intent.UNKNOWN;
        }
        if (yesDespiteNo || thumbsUp || hasAny(words, YES)) {
            return Intent.CONFIRM;
        }
        return Intent.UNKNOWN;
    }

    /** A reply that is a no and nothing else: "nahi", "no thanks", "nahi bhai, abhi nahi". */
    private static boolean isBareNo(String words) {
        String[] split = words.trim().split(" ");
        boolean no = false;
        for (String word : split) {
            if (NO.contains(word)) {
                no = true;
            } else if (!BESIDE_A_NO.contains(word)) {
                return false;
            }
        }
        return no;
    }

    /** "aur 5m green silk", "haan aur 10 meter blue cotton": "and" followed by an item adds it. */
    private static boolean andThenItem(String words) {
        for (String and : List.of(" aur ", " and ")) {
            for (int at = words.indexOf(and); at >= 0; at = words.indexOf(and, at + 1)) {
                if (namesAnItemOrQuantity(words.substring(at + and.length() - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean namesAnItem(String words) {
        return hasAny(words, ITEM_REFERENCE) || BuiltInWords.ITEM_WORDS.stream().anyMatch(word -> has(words, word));
    }

    private static boolean namesAnItemOrQuantity(String words) {
        return namesAnItem(words) || QUANTITY.matcher(words).find()
                || NumberWords.CARDINALS.keySet().stream().anyMatch(word -> !NumberWords.AMBIGUOUS.contains(word) && has(words, word));
    }

    private static boolean hasAny(String words, List<String> phrases) {
        return phrases.stream().anyMatch(phrase -> has(words, phrase));
    }

    private static boolean has(String words, String phrase) {
        return words.contains(" " + phrase + " ");
    }

    /** Lower case, letters and digits only, words separated by single spaces, with a space at each end. */
    private static String normalize(String text) {
        String lower = Normalizer.normalize(Romanizer.toLatin(text), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace("’", "'");
        String spaced = lower.replaceAll("(\\d)([a-z])", "$1 $2").replaceAll("[^\\p{L}\\p{N}.]+", " ")
                .replaceAll("(?<!\\d)\\.|\\.(?!\\d)", " ");
        return " " + spaced.trim().replaceAll("\\s+", " ") + " ";
    }
}
