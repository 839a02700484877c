package dev.parley.runtime.understanding;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.runtime.understanding.Tokenizer.Kind;
import dev.parley.runtime.understanding.Tokenizer.Token;

/**
 * Reads a quantity at a position in the tokens: an amount (digits, number words, fractions, "saadhe teen", "dedh
 * sau", "one and a half") and the unit after it, if any.
 */
final class Quantities {

    enum Unit {
        METER, YARD, ROLL,
        /** No unit written: the shop sells by the meter, so a bare number is meters. */
        NONE
    }

    /**
     * A quantity found in tokens [start, end); {@code each} when the amount was said twice ("paanch paanch meter",
     * "10-10 meter"), the Hindi way of saying "of each".
     */
    record Quantity(BigDecimal amount, Unit unit, int start, int end, boolean each) {
    }

    private static final Map<String, Unit> UNITS = units();

    /** Spellings of "meter" a typo away from these still count: "metr", "mter", "meterss". */
    private static final List<String> METER_SPELLINGS = List.of("meter", "metre", "meters", "metres");

    /** A number followed by one of these is a time, a price, a count of days or an ordinal, not a length. */
    private static final Set<String> NOT_A_LENGTH_AFTER = Set.of(
            "baje", "bje", "baj", "bajkar", "din", "dino", "dinon", "day", "days", "hafte", "hafta", "week", "weeks",
            "mahina", "mahine", "month", "months", "saal", "year", "years", "ghanta", "ghante", "hour", "hours",
            "minute", "minutes", "min", "mins", "pm", "am", "rs", "rupay", "rupaye", "rupees", "rupee", "rupiya", "inr",
            "percent", "baar", "tarikh", "tareekh", "date", "st", "nd", "rd", "th", "per", "pcs", "pc", "piece",
            "pieces", "kg", "kilo", "gram", "log", "logo", "number", "no",
            // money paid: "500 advance", "3500 via upi", "2000 transferred"
            "advance", "paid", "payment", "transferred", "transfer", "via", "upi", "cash", "online", "jama", "bheje",
            // dates: "25 dec", "5 tarikh"
            "jan", "january", "feb", "february", "mar", "march", "apr", "april", "jun", "june", "jul", "july", "aug",
            "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december", "ko",
            "floor", "manzil", Tokenizer.REFERENCE);

    /** A number after one of these is an amount of money or a reference, not a length. */
    private static final Set<String> NOT_A_LENGTH_BEFORE = Set.of(
            "rs", "inr", "rupees", "rupay", "no", "number", "num", "order", "rate", "price", "bill", "invoice", "phone",
            "mobile", "pin", "gst",
            // where to deliver: "house 221", "shop 14", "sector 15", "gali no. 3"
            "house", "flat", "shop", "dukan", "dukaan", "plot", "sector", "gali", "ward", "room", "floor", "block", "pincode",
            "building", "road", "lane", "street",
            // whom to call: "call 98765 43210", "mob 9876543210"
            "mob", "call", "whatsapp", "contact", "ph", "tel",
            // money paid: "paid 2000", "sent 3500 via upi", "total 4500"
            "paid", "sent", "pay", "payment", "advance", "total", "amount", "upi", "ref", "id", "challan", "receipt",
            "account", "ac", "at", "till", "until", Tokenizer.REFERENCE);

    /** Money words after "ka": "2500 ka payment". */
    private static final Set<String> MONEY = Set.of("payment", "bill", "total", "advance", "cheque", "transfer", "amount");

    /**
     * A number of this many digits written with no unit is a phone number, a pin code or an amount of money, not a
     * length: nobody orders "red silk 1500" and means meters.
     */
    private static final int MOST_DIGITS_WITHOUT_UNIT = 3;

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private Quantities() {
    }

    /** The quantity that starts at {@code i}, or null. */
    static Quantity at(List<Token> tokens, int i) {
        boolean afterNo = i > 0 && tokens.get(i - 1).isWord("no");
        if (i > 0 && tokens.get(i - 1).kind() == Kind.WORD && NOT_A_LENGTH_BEFORE.contains(tokens.get(i - 1).text()) && !afterNo) {
            return null;
        }
        Amount amount = amount(tokens, i);
        if (amount == null) {
            return null;
        }
        // "shop no 14" is a number, "oh no 4 roll" a quantity: after "no", only with its unit.
        if (afterNo && unit(word(tokens, amount.end())) == null) {
            return null;
        }
        Amount repeated = amount(tokens, amount.end());
        boolean each = repeated != null && repeated.value().compareTo(amount.value()) == 0;
        int end = each ? repeated.end() : amount.end();
        Unit unit = unit(word(tokens, end));
        if (unit != null) {
            return new Quantity(amount.value(), unit, i, end + 1, each);
        }
        if (amount.ambiguous() || NOT_A_LENGTH_AFTER.contains(word(tokens, end)) || isPerUnit(tokens, end)
                || "ka".equals(word(tokens, end)) && MONEY.contains(word(tokens, end + 1)) || isLong(tokens, i)) {
            return null;
        }
        return new Quantity(amount.value(), Unit.NONE, i, end, each);
    }

    /** A unit word, or null: "m", "mtr", "meter", "gaj", "yards", "than", "roll". */
    static Unit unit(String word) {
        Unit unit = UNITS.get(word);
        if (unit == null && word.length() >= 4 && METER_SPELLINGS.stream().anyMatch(m -> EditDistance.withinOne(word, m))) {
            return Unit.METER;
        }
        return unit;
    }

    /** Digits, without a fraction, longer than a length is written without a unit. */
    private static boolean isLong(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        return token.kind() == Kind.NUMBER && !token.fraction() && token.text().replace(",", "").length() > MOST_DIGITS_WITHOUT_UNIT
                && token.text().chars().allMatch(c -> Character.isDigit(c) || c == ',');
    }

    /** "120/m" is a price per meter. */
    private static boolean isPerUnit(List<Token> tokens, int i) {
        return i < tokens.size() && tokens.get(i).text().equals("/") && unit(word(tokens, i + 1)) != null;
    }

    /** A number before its unit; {@code ambiguous} when it is also an everyday word and needs a unit to count. */
    private record Amount(BigDecimal value, int end, boolean ambiguous) {
    }

    private static Amount amount(List<Token> tokens, int i) {
        BigDecimal adjustment = NumberWords.PREFIXES.get(word(tokens, i));
        int k = adjustment == null ? i : i + 1;
        Amount base = base(tokens, k);
        if (base == null) {
            // "sawa meter" is a meter and a quarter, "paune meter" three quarters.
            return adjustment == null ? null : new Amount(BigDecimal.ONE.add(adjustment), k, true);
        }
        BigDecimal value = base.value();
        int end = base.end();
        boolean ambiguous = base.ambiguous() && adjustment == null;
        // "one and a half", "2 and half"
        if ("and".equals(word(tokens, end)) && "a".equals(word(tokens, end + 1)) && "half".equals(word(tokens, end + 2))) {
            value = value.add(HALF);
            end += 3;
            ambiguous = false;
        } else if ("and".equals(word(tokens, end)) && "half".equals(word(tokens, end + 1))) {
            value = value.add(HALF);
            end += 2;
            ambiguous = false;
        }
        boolean baseIsMultiplier = NumberWords.MULTIPLIERS.containsKey(word(tokens, end - 1)) && end - 1 == k;
        Integer multiplier = NumberWords.MULTIPLIERS.get(word(tokens, end));
        if (baseIsMultiplier && adjustment != null) {
            // "sawa sau" is 125: the prefix qualifies one hundred.
            value = BigDecimal.ONE.add(adjustment).multiply(value);
        } else if (multiplier != null && !baseIsMultiplier) {
            BigDecimal adjusted = adjustment == null ? value : value.add(adjustment);
            value = adjusted.multiply(BigDecimal.valueOf(multiplier));
            end++;
            ambiguous = false;
            // "do sau pachas", "one hundred fifty"
            Amount rest = base(tokens, "and".equals(word(tokens, end)) ? end + 1 : end);
            // A word that is also an everyday word counts when a unit follows it: "ek sau bees meter" is 120.
            if (rest != null && (!rest.ambiguous() || unit(word(tokens, rest.end())) != null)
                    && rest.value().compareTo(BigDecimal.valueOf(multiplier)) < 0) {
                value = value.add(rest.value());
                end = rest.end();
            }
        } else if (adjustment != null) {
            value = value.add(adjustment);
        }
        // "half a meter"
        if ("a".equals(word(tokens, end)) && unit(word(tokens, end + 1)) != null) {
            end++;
        }
        return new Amount(value, end, ambiguous);
    }

    /** A plain amount: digits (with a written fraction after them), a fraction word, or a cardinal word. */
    private static Amount base(List<Token> tokens, int i) {
        if (i >= tokens.size()) {
            return null;
        }
        Token token = tokens.get(i);
        if (token.kind() == Kind.NUMBER) {
            if (!token.fraction() && i + 1 < tokens.size() && tokens.get(i + 1).fraction()
                    && tokens.get(i + 1).value().compareTo(BigDecimal.ONE) < 0) {
                return new Amount(token.value().add(tokens.get(i + 1).value()), i + 2, false);
            }
            return new Amount(token.value(), i + 1, false);
        }
        if (token.kind() != Kind.WORD) {
            return null;
        }
        String word = token.text();
        if (NumberWords.FRACTIONS.containsKey(word)) {
            return new Amount(NumberWords.FRACTIONS.get(word), i + 1, NumberWords.AMBIGUOUS.contains(word));
        }
        Integer tens = NumberWords.ENGLISH_TENS.get(word);
        Integer ones = NumberWords.ENGLISH_ONES.get(word(tokens, i + 1));
        if (tens != null && ones != null) {
            return new Amount(BigDecimal.valueOf(tens + ones), i + 2, false);
        }
        if (word.equals("a") || word.equals("an")) {
            return new Amount(BigDecimal.ONE, i + 1, true);
        }
        Integer cardinal = NumberWords.CARDINALS.get(word);
        if (cardinal != null) {
            return new Amount(BigDecimal.valueOf(cardinal), i + 1, NumberWords.AMBIGUOUS.contains(word));
        }
        return null;
    }

    /** The word at {@code i}, or "" for anything else, so that lookups need no null checks. */
    private static String word(List<Token> tokens, int i) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind() == Kind.WORD ? tokens.get(i).text() : "";
    }

    private static Map<String, Unit> units() {
        Map<String, Unit> units = new HashMap<>();
        NumberWords.put(units, Unit.METER, "m", "mt", "mts", "mtr", "mtrs", "meter", "meters", "metre", "metres", "mitar",
                "mitr", "miter", "meeter", "metar", "mtrr");
        NumberWords.put(units, Unit.YARD, "gaj", "gaz", "gajj", "gaaj", "guz", "yard", "yards", "yd", "yds", "yrd", "yrds");
        NumberWords.put(units, Unit.ROLL, "than", "thaan", "thans", "thaans", "thaanh", "roll", "rolls", "rol", "taka", "takka");
        return Map.copyOf(units);
    }
}
