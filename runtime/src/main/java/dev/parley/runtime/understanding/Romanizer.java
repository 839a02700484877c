package dev.parley.runtime.understanding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * Writes the Devanagari in a message the way Indian customers type Hindi in Latin letters ("नीला सूती" is "nila
 * suti", "पाँच मीटर" is "panch mitar", "१०" is "10"), so that the rules, which know romanised Hindi, read both
 * scripts and messages that mix them. Latin text passes through untouched.
 *
 * <p>ICU4J's {@code Devanagari-Latin} transliterator does the script (every letter, nukta and sign, both the
 * precomposed and the combining nukta). What a transliterator cannot know is done here:
 * <ul>
 * <li>Hindi drops the inherent "a" at the end of a word and between a vowel and a following syllable ("लाल" is
 * "lal", not "lala"; "आसमानी" is "asmani"): a virama is put where the "a" is not said before transliterating;</li>
 * <li>the Latin that Hindi speakers type: "ch" for च (ICU's "c"), "chh" for छ, "sh" for श and ष, "n" for a nasal
 * sign, "f" for फ, no diacritics;</li>
 * <li>English words written in Devanagari ("कॉटन", "व्हाइट", "कैंसल") come out as they sound ("kotan", "vhait",
 * "kainsal"); {@link #LOANWORDS} gives them their usual spelling. It holds spellings, not meanings: what "cotton"
 * or "white" means stays with the catalog and {@link BuiltInWords}.</li>
 * </ul>
 *
 * <p>The transliterator is built on the first message with Devanagari in it (ICU compiles its rules then, some
 * hundreds of milliseconds once); a runtime whose customers write only Latin never loads it.
 */
final class Romanizer {

    /** A word of Devanagari letters and signs, without the danda and the digits. */
    private static final Pattern DEVANAGARI_WORD = Pattern.compile("[\\u0900-\\u0963\\u0971-\\u097F]+");

    /**
     * Devanagari spellings, as transliterated, of English words and of Hindi words whose usual Latin spelling differs
     * from the letter-by-letter one: their usual spelling.
     */
    static final Map<String, String> LOANWORDS = Map.ofEntries(
            Map.entry("kotan", "cotton"), Map.entry("katan", "cotton"), Map.entry("kautan", "cotton"),
            Map.entry("kaitan", "cotton"), Map.entry("silak", "silk"),
            Map.entry("linan", "linen"), Map.entry("lilan", "linen"),
            Map.entry("reyan", "rayon"), Map.entry("raiyon", "rayon"),
            Map.entry("vul", "wool"), Map.entry("wul", "wool"), Map.entry("un", "oon"), Map.entry("uni", "ooni"),
            Map.entry("jins", "jeans"), Map.entry("jinz", "jeans"), Map.entry("polister", "polyester"),
            Map.entry("poliestar", "polyester"), Map.entry("polyestar", "polyester"), Map.entry("polistar", "polyester"),
            Map.entry("jorjet", "georgette"), Map.entry("jarjet", "georgette"), Map.entry("jorjat", "georgette"),
            Map.entry("vait", "white"), Map.entry("vhait", "white"), Map.entry("hvait", "white"),
            Map.entry("blaik", "black"), Map.entry("blek", "black"), Map.entry("blaek", "black"),
            Map.entry("grin", "green"), Map.entry("yelo", "yellow"), Map.entry("yello", "yellow"),
            Map.entry("nevi", "navy"), Map.entry("nevy", "navy"), Map.entry("gre", "grey"),
            Map.entry("braun", "brown"), Map.entry("parpal", "purple"), Map.entry("parpel", "purple"),
            Map.entry("orenj", "orange"), Map.entry("oranj", "orange"), Map.entry("mairun", "maroon"),
            Map.entry("marun", "maroon"), Map.entry("baingni", "baingani"), Map.entry("katthai", "kathai"),
            Map.entry("sunhara", "sunehra"), Map.entry("sunhari", "sunehri"), Map.entry("asamani", "asmani"),
            Map.entry("kalar", "colour"), Map.entry("kalr", "colour"),
            Map.entry("kainsal", "cancel"), Map.entry("kensal", "cancel"), Map.entry("kainsil", "cancel"),
            Map.entry("ordar", "order"), Map.entry("arder", "order"), Map.entry("oke", "ok"), Map.entry("okke", "ok"),
            Map.entry("kanfarm", "confirm"), Map.entry("konfarm", "confirm"), Map.entry("sori", "sorry"),
            Map.entry("blu", "blue"), Map.entry("vet", "wait"), Map.entry("veit", "wait"), Map.entry("mek", "make"), Map.entry("plij", "please"),
            Map.entry("of", "off"), Map.entry("mitars", "meters"), Map.entry("mitr", "mitar"), Map.entry("rol", "roll"));

    private Romanizer() {
    }

    /** True when the text has any Devanagari letter, sign, digit or danda. */
    static boolean hasDevanagari(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0900' && c <= '\u097F') {
                return true;
            }
        }
        return false;
    }

    /** The text with its Devanagari written in Latin letters; the text itself when it has none. */
    static String toLatin(String text) {
        if (text == null || !hasDevanagari(text)) {
            return text;
        }
        StringBuilder latin = new StringBuilder(text.length() + 16);
        Matcher word = DEVANAGARI_WORD.matcher(text);
        int at = 0;
        while (word.find()) {
            latin.append(punctuationAndDigits(text.substring(at, word.start())));
            latin.append(romanize(word.group()));
            at = word.end();
        }
        latin.append(punctuationAndDigits(text.substring(at)));
        return latin.toString();
    }

    /** Devanagari digits as ASCII digits; the danda and double danda end a sentence like a full stop. */
    private static String punctuationAndDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0966' && c <= '\u096F') {
                out.append((char) ('0' + (c - '\u0966')));
            } else if (c == '\u0964' || c == '\u0965') {
                out.append(". ");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String romanize(String word) {
        String latin = Holder.DEVANAGARI_LATIN.transliterate(dropSilentA(Normalizer.normalize(word, Normalizer.Form.NFC)));
        latin = latin.replace("ch", "\u0001").replace("c", "ch").replace("\u0001", "chh")
                .replace("ś", "sh").replace("ṣ", "sh").replace("ph", "f").replace("'", "").replace("’", "");
        // A nasal sign is "m" before a lip consonant ("ambar"), else "n" ("panch", "rang", "nahin").
        latin = latin.replaceAll("[ṁṃ](?=[pbm])", "m").replaceAll("ṁ|ṃ|m\u0310|n\u0304", "n");
        String plain = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return LOANWORDS.getOrDefault(plain, plain);
    }

    private static final char VIRAMA = '\u094D';
    private static final char NUKTA = '\u093C';

    private static boolean isConsonant(char c) {
        return c >= '\u0915' && c <= '\u0939' || c >= '\u0958' && c <= '\u095F' || c >= '\u0978' && c <= '\u097F';
    }

    private static boolean isVowelSign(char c) {
        return c >= '\u093A' && c <= '\u094C' && c != NUKTA && c != '\u093D' || c >= '\u094E' && c <= '\u094F'
                || c >= '\u0955' && c <= '\u0957' || c == '\u0962' || c == '\u0963';
    }

    private static boolean isIndependentVowel(char c) {
        return c >= '\u0904' && c <= '\u0914' || c == '\u0960' || c == '\u0961' || c >= '\u0972' && c <= '\u0977';
    }

    private static boolean isSign(char c) {
        return c >= '\u0900' && c <= '\u0903';
    }

    /** One written syllable: a consonant (with nukta) and its vowel sign or virama, or an independent vowel. */
    private static final class Syllable {
        final StringBuilder text = new StringBuilder();
        boolean consonant;
        /** A consonant with no vowel sign and no virama: it carries the inherent "a". */
        boolean inherentA;
        /** A nasal sign or visarga after it: the "a" is said ("रं" in "नारंगी", "छः"). */
        boolean signed;

        boolean hasVowel() {
            return !consonant || inherentA || vowelSignInside();
        }

        private boolean vowelSignInside() {
            for (int i = 0; i < text.length(); i++) {
                if (isVowelSign(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Puts a virama where Hindi does not say the inherent "a": at the end of a word of two syllables or more, and in a
     * syllable between a vowel and a consonant that has one ("म-ल-म-ल" is "mal-mal", "क-प-ड़ा" "kap-ra").
     */
    static String dropSilentA(String word) {
        List<Syllable> syllables = new ArrayList<>();
        Syllable current = null;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (isConsonant(c) || isIndependentVowel(c) || current == null) {
                current = new Syllable();
                current.consonant = isConsonant(c);
                current.inherentA = current.consonant;
                syllables.add(current);
                current.text.append(c);
            } else {
                current.text.append(c);
                if (isVowelSign(c) || c == VIRAMA) {
                    current.inherentA = false;
                } else if (isSign(c) && current.consonant) {
                    current.signed = true;
                }
            }
        }
        int n = syllables.size();
        if (n >= 2) {
            Syllable last = syllables.get(n - 1);
            if (last.inherentA && !last.signed) {
                last.text.append(VIRAMA);
                last.inherentA = false;
            }
        }
        for (int i = 1; i + 1 < n; i++) {
            Syllable before = syllables.get(i - 1);
            Syllable syllable = syllables.get(i);
            Syllable after = syllables.get(i + 1);
            if (syllable.inherentA && !syllable.signed && before.hasVowel() && after.consonant && after.hasVowel()) {
                syllable.text.append(VIRAMA);
                syllable.inherentA = false;
            }
        }
        StringBuilder out = new StringBuilder(word.length() + 4);
        syllables.forEach(s -> out.append(s.text));
        return out.toString();
    }

    /** Built on first use: ICU compiles the transliterator's rules then. */
    private static final class Holder {
        static final Transliterator DEVANAGARI_LATIN = Transliterator.getInstance("Devanagari-Latin");
    }
}
