package dev.parley.runtime.flow.catalogwatch;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A price range written into a search, in English or French: {@code under 30}, {@code moins de 30}, {@code < 30},
 * {@code over 50}, {@code plus de 50}, {@code 50+}, {@code 20-40}, {@code entre 20 et 40}; a currency sign or code
 * around the numbers is allowed. What is left is the search's text.
 */
record PriceWords(String text, Long minMinor, Long maxMinor) {

    private static final String NUMBER = "(\\d+(?:[.,]\\d{1,2})?)";
    private static final String MONEY = "(?:[$€£₹]\\s*)?" + NUMBER + "(?:\\s*(?:[$€£₹]|eur|usd|cad|inr|euros?|dollars?))?";
    private static final Pattern BETWEEN = Pattern.compile("(?i)(?:\\bentre\\s+|\\bbetween\\s+)?" + MONEY + "\\s*(?:-|–|\\bto\\b|à|\\bet\\b|\\band\\b)\\s*" + MONEY);
    private static final Pattern BELOW = Pattern.compile("(?i)(?:\\bunder\\b|\\bbelow\\b|\\bless than\\b|\\bmoins de\\b|\\bsous\\b|<)\\s*" + MONEY);
    private static final Pattern ABOVE = Pattern.compile("(?i)(?:\\bover\\b|\\babove\\b|\\bmore than\\b|\\bplus de\\b|>)\\s*" + MONEY + "|" + MONEY + "\\s*\\+");

    static PriceWords read(String text, String currency) {
        Matcher between = BETWEEN.matcher(text);
        if (between.find()) {
            return new PriceWords(rest(text, between), minor(between.group(1), currency), minor(between.group(2), currency));
        }
        Matcher below = BELOW.matcher(text);
        if (below.find()) {
            return new PriceWords(rest(text, below), null, minor(below.group(1), currency));
        }
        Matcher above = ABOVE.matcher(text);
        if (above.find()) {
            return new PriceWords(rest(text, above), minor(above.group(1) != null ? above.group(1) : above.group(2), currency), null);
        }
        return new PriceWords(text.strip(), null, null);
    }

    private static String rest(String text, Matcher match) {
        return (text.substring(0, match.start()) + " " + text.substring(match.end())).replaceAll("\\s+", " ").strip();
    }

    private static Long minor(String number, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return new BigDecimal(number.replace(',', '.')).movePointRight(digits).longValue();
    }
}
