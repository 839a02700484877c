package dev.parley.runtime.understanding;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Number words of English and romanised Hindi, with the spellings customers actually type. */
final class NumberWords {

    /** Whole numbers said as one word: Hindi has a word for every number up to a hundred. */
    static final Map<String, Integer> CARDINALS = cardinals();

    /** English tens that take a unit after them: "twenty five". */
    static final Map<String, Integer> ENGLISH_TENS = Map.of(
            "twenty", 20, "thirty", 30, "forty", 40, "fourty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);

    static final Map<String, Integer> ENGLISH_ONES = Map.of(
            "one", 1, "two", 2, "three", 3, "four", 4, "five", 5, "six", 6, "seven", 7, "eight", 8, "nine", 9);

    /** Words that stand for a fraction on their own: "dedh meter" is one and a half meters. */
    static final Map<String, BigDecimal> FRACTIONS = fractions();

    /** Multiply what comes before: "dedh sau" is 150, "do hazaar" 2000. */
    static final Map<String, Integer> MULTIPLIERS = Map.of(
            "sau", 100, "hundred", 100, "hazaar", 1000, "hazar", 1000, "hajar", 1000, "thousand", 1000);

    /** "saadhe teen" is 3.5, "sawa do" 2.25, "paune paanch" 4.75. */
    static final Map<String, BigDecimal> PREFIXES = prefixes();

    /**
     * Number words that are also everyday words: "do" (give, as in "bhej do"), "tera" (your), "saath" (with), "a".
     * They count as numbers only when a unit follows them, so "10m blue cotton de do" asks for 10 meters, not 2.
     */
    static final Set<String> AMBIGUOUS = Set.of(
            "do", "tera", "saath", "sath", "bara", "sat", "tin", "bis", "asi", "che", "a", "an", "one", "half",
            "aadhi", "adhi", "sawa", "sava");

    private NumberWords() {
    }

    private static Map<String, Integer> cardinals() {
        Map<String, Integer> words = new HashMap<>();
        put(words, 1, "ek", "ekk", "one");
        put(words, 2, "do", "doh", "two");
        put(words, 3, "teen", "tin", "three");
        put(words, 4, "char", "chaar", "chār", "four");
        put(words, 5, "paanch", "panch", "paach", "panc", "paanc", "five");
        put(words, 6, "chhe", "che", "chhah", "chah", "chheh", "six");
        put(words, 7, "saat", "sat", "seven");
        put(words, 8, "aath", "ath", "aat", "eight");
        put(words, 9, "nau", "nine");
        put(words, 10, "das", "dus", "ten");
        put(words, 11, "gyarah", "gyara", "gyaarah", "gyaara", "igyarah", "eleven");
        put(words, 12, "barah", "bara", "baarah", "baara", "twelve");
        put(words, 13, "terah", "tera", "thirteen");
        put(words, 14, "chaudah", "chauda", "choudah", "chouda", "fourteen");
        put(words, 15, "pandrah", "pandra", "pundrah", "pandhra", "fifteen");
        put(words, 16, "solah", "sola", "sixteen");
        put(words, 17, "satrah", "satra", "sattrah", "sattra", "seventeen");
        put(words, 18, "atharah", "athara", "attharah", "atthara", "atharaa", "eighteen");
        put(words, 19, "unnis", "unees", "unnees", "unis", "nineteen");
        put(words, 20, "bees", "bis", "twenty");
        put(words, 21, "ikkees", "ikkis", "ekkis", "ikees");
        put(words, 22, "baees", "bais", "baais");
        put(words, 23, "teis", "teyis", "taees");
        put(words, 24, "chaubees", "chaubis", "chobis", "choubis");
        put(words, 25, "pachees", "pachis", "pacchis", "pachchis", "pachhis");
        put(words, 26, "chhabbees", "chhabbis", "chabbis");
        put(words, 27, "sattaees", "sattais", "satais");
        put(words, 28, "atthaees", "atthais", "athais", "athaees");
        put(words, 29, "untees", "untis", "unatis");
        put(words, 30, "tees", "tis", "thirty");
        put(words, 31, "iktees", "ikattis", "iktis");
        put(words, 32, "battees", "battis", "batis");
        put(words, 33, "taintees", "taintis", "tentis");
        put(words, 34, "chauntees", "chautis", "chontis", "chauntis");
        put(words, 35, "paintees", "paintis", "pentis");
        put(words, 36, "chhattees", "chhattis", "chattis");
        put(words, 37, "saintees", "saintis", "sentis");
        put(words, 38, "adtees", "artis", "adtis", "arhtis");
        put(words, 39, "untaalees", "untalis", "unchaalis");
        put(words, 40, "chaalees", "chalis", "chaalis", "chalees", "forty", "fourty");
        put(words, 41, "iktaalees", "iktalis");
        put(words, 42, "bayaalees", "bayalis", "byalis");
        put(words, 43, "taintaalees", "tetalis", "taitalis");
        put(words, 44, "chauvaalees", "chawalis", "chauwalis");
        put(words, 45, "paintaalees", "paintalis", "pantalis");
        put(words, 46, "chhiyaalees", "chiyalis", "chhiyalis");
        put(words, 47, "saintaalees", "saintalis", "sentalis");
        put(words, 48, "adtaalees", "artalis", "adtalis");
        put(words, 49, "unchaas", "unchas");
        put(words, 50, "pachaas", "pachas", "pachass", "fifty");
        put(words, 51, "ikyaavan", "ikyavan", "ekyavan");
        put(words, 52, "baavan", "bavan");
        put(words, 53, "tirpan", "tirepan");
        put(words, 54, "chauvan", "chauwan", "chovan");
        put(words, 55, "pachpan");
        put(words, 56, "chhappan", "chappan");
        put(words, 57, "sattaavan", "sattavan");
        put(words, 58, "atthaavan", "athavan", "atthavan");
        put(words, 59, "unsath", "unsaath");
        put(words, 60, "saath", "sath", "sixty");
        put(words, 61, "iksath", "ikshath");
        put(words, 62, "baasath", "basath");
        put(words, 63, "tirsath", "tiresath");
        put(words, 64, "chausath", "chonsath");
        put(words, 65, "painsath", "pensath");
        put(words, 66, "chhiyasath", "chiyasath");
        put(words, 67, "sadsath", "sarsath");
        put(words, 68, "adsath", "arsath");
        put(words, 69, "unhattar");
        put(words, 70, "sattar", "satar", "seventy");
        put(words, 71, "ikhattar");
        put(words, 72, "bahattar");
        put(words, 73, "tihattar");
        put(words, 74, "chauhattar");
        put(words, 75, "pachhattar", "pachattar");
        put(words, 76, "chhihattar");
        put(words, 77, "sathattar");
        put(words, 78, "athattar");
        put(words, 79, "unaasi", "unasi");
        put(words, 80, "assi", "asi", "eighty");
        put(words, 81, "ikyaasi", "ikyasi");
        put(words, 82, "bayaasi", "bayasi");
        put(words, 83, "tiraasi", "tirasi");
        put(words, 84, "chauraasi", "chaurasi");
        put(words, 85, "pachaasi", "pachasi");
        put(words, 86, "chhiyaasi", "chiyasi");
        put(words, 87, "sattaasi", "sattasi");
        put(words, 88, "athaasi", "atthasi");
        put(words, 89, "navaasi", "nawasi", "navasi");
        put(words, 90, "nabbe", "nabe", "ninety");
        put(words, 91, "ikyaanave", "ikyanve");
        put(words, 92, "baanave", "banve");
        put(words, 93, "tiraanave", "tiranve");
        put(words, 94, "chauraanave", "chauranve");
        put(words, 95, "pachaanave", "pachanve");
        put(words, 96, "chhiyaanave", "chhiyanve");
        put(words, 97, "sattaanave", "sattanve");
        put(words, 98, "atthaanave", "athanve");
        put(words, 99, "ninyaanave", "ninyanve", "nineanve");
        put(words, 100, "sau", "hundred");
        return Map.copyOf(words);
    }

    private static Map<String, BigDecimal> fractions() {
        Map<String, BigDecimal> words = new HashMap<>();
        put(words, new BigDecimal("1.5"), "dedh", "derh", "dedhh", "deddh", "dhedh");
        put(words, new BigDecimal("2.5"), "dhai", "dhaai", "dhaayi", "dhayi", "adhai", "adhaai", "dhaiy");
        put(words, new BigDecimal("0.5"), "aadha", "adha", "aadhi", "adhi", "aadhaa", "half");
        return Map.copyOf(words);
    }

    private static Map<String, BigDecimal> prefixes() {
        Map<String, BigDecimal> words = new HashMap<>();
        put(words, new BigDecimal("0.5"), "saadhe", "saade", "sadhe", "sade", "sarhe", "saarhe", "saadhey", "sadhey");
        put(words, new BigDecimal("0.25"), "sawa", "sava", "savaa", "sawaa");
        put(words, new BigDecimal("-0.25"), "paune", "pone", "paone", "pauney");
        return Map.copyOf(words);
    }

    /** The first meaning a spelling is given keeps it: a few spellings are shared between neighbours. */
    static <V> void put(Map<String, V> words, V value, String... spellings) {
        for (String spelling : spellings) {
            words.putIfAbsent(spelling, value);
        }
    }
}
