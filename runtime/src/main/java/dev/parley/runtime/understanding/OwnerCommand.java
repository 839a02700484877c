package dev.parley.runtime.understanding;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command an owner types in chat, in English or Hindi, in either script: approve or reject an order, record a
 * payment, ask for help.
 *
 * <ul>
 * <li>{@code approve 12}, {@code 12 approve karo}, {@code order 12 manzoor}, {@code १२ मंज़ूर करो};</li>
 * <li>{@code reject 12 out of season}, {@code 12 radd karo stock khatam}, {@code ऑर्डर 12 रद्द करो माल नहीं है};</li>
 * <li>{@code paid 5 1500}, {@code jama 5 1500 cash}, {@code 5 ne 1500 diye}, {@code ग्राहक 5 ने 1500 दिए};</li>
 * <li>{@code preparing 12}, {@code ready 12}, {@code shipped 12}, {@code delivered 12}, {@code 12 taiyar hai},
 * {@code १२ पहुँच गया}: an accepted order's fulfilment moves on;</li>
 * <li>{@code help}, {@code madad}, {@code मदद}.</li>
 * </ul>
 * The reason or note is kept as written. Anything else is no command: an owner may order like a customer.
 *
 * @param number the order (approve, reject) or the customer (paid)
 * @param amount the amount paid, in ASCII digits, or null
 * @param note the reason for a rejection or the note of a payment, or null
 */
public record OwnerCommand(Kind kind, long number, String amount, String note) {

    public enum Kind {
        APPROVE, REJECT, PAID, HELP,
        /** An accepted order's fulfilment moves on: {@code preparing 12}, {@code ready 12}, {@code 12 taiyar hai}, ... */
        PREPARING, READY, SHIPPED, DELIVERED
    }

    private static final String APPROVE = "approve|approved|accept|manzoor|manjoor|manzur|manjur|sweekar|swikar|svikar|pass"
            + "|मंज़ूर|मंजूर|स्वीकार|अप्रूव";
    private static final String REJECT = "reject|rejected|decline|radd|namanzoor|namanjoor|asweekar|aswikar|asvikar|cancel"
            + "|रद्द|रद|नामंज़ूर|नामंजूर|अस्वीकार|रिजेक्ट|कैंसल";
    private static final String PREPARING = "preparing|prepare|taiyari|तैयारी";
    private static final String READY = "ready|taiyar|tayyar|तैयार";
    private static final String SHIPPED = "shipped|ship|dispatched|dispatch|bhej\\s*diya|भेज\\s*दिया";
    private static final String DELIVERED = "delivered|deliver|pahunch\\s*gaya|pahuch\\s*gaya|पहुँच\\s*गया|पहुंच\\s*गया|डिलीवर";
    /** "hai", "है", "ho gaya": "12 taiyar hai", "१२ तैयार है". */
    private static final String IS = "(?:\\s+(?:hai|है|ho\\s*gaya|हो\\s*गया))?";
    private static final String FULFIL = PREPARING + "|" + READY + "|" + SHIPPED + "|" + DELIVERED;
    private static final String DIGITS = "[0-9\\u0966-\\u096F]";
    /** At most 18 digits, so that an order or customer number always fits a long. */
    private static final String NUMBER = "#?(" + DIGITS + "{1,18})";
    private static final String AMOUNT = "(?:rs\\.?|inr|₹|रु\\.?|रुपये)?\\s*(" + DIGITS + "{1,20}(?:\\." + DIGITS + "{1,20})?)";
    private static final String ORDER = "(?:(?:order|ऑर्डर|आर्डर)\\s*(?:no\\.?|number|नंबर)?\\s*)?";
    private static final String END = "(?=\\s|$|[,.:;!-])";
    /** "karo", "kar do", "करो": the verb's ending, left out of the reason. */
    private static final String DO = "(?:\\s+(?:karo|kar\\s*do|kardo|kar\\s*dijiye|kijiye|kar\\s*diya|hai|करो|कर\\s*दो|कीजिए|कीजिये|कर\\s*दीजिए))?";
    private static final String REST = "[\\s,.:;!-]*(.*)";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL;

    private static final Pattern VERB_FIRST = Pattern.compile(
            "^\\s*(" + APPROVE + "|" + REJECT + ")" + END + "\\s*" + ORDER + NUMBER + END + DO + REST + "$", FLAGS);
    private static final Pattern NUMBER_FIRST = Pattern.compile(
            "^\\s*" + ORDER + NUMBER + "\\s+(?:(?:ko|को)\\s+)?(" + APPROVE + "|" + REJECT + ")" + END + DO + REST + "$", FLAGS);
    private static final Pattern FULFIL_FIRST = Pattern.compile(
            "^\\s*(" + FULFIL + ")" + END + "\\s*" + ORDER + NUMBER + END + DO + IS + "[\\s,.:;!-]*$", FLAGS);
    private static final Pattern FULFIL_AFTER = Pattern.compile(
            "^\\s*" + ORDER + NUMBER + "\\s+(?:(?:ko|को)\\s+)?(" + FULFIL + ")" + END + DO + IS + "[\\s,.:;!-]*$", FLAGS);
    private static final Pattern PAID = Pattern.compile(
            "^\\s*(?:paid|jama|bhugtan|payment|जमा|भुगतान|पेमेंट)\\s+(?:customer\\s+|grahak\\s+|ग्राहक\\s+)?" + NUMBER + "\\s+"
                    + AMOUNT + END + REST + "$", FLAGS);
    private static final Pattern PAID_SAID = Pattern.compile(
            "^\\s*(?:customer\\s+|grahak\\s+|ग्राहक\\s+)?" + NUMBER + "\\s+(?:ne|se|ने|से)\\s+" + AMOUNT + "\\s+"
                    + "(?:diye|diya|de\\s*diye|jama\\s*kiye|jama\\s*kiya|jama\\s*kar\\s*diye|bheje|bhej\\s*diye|mile|paid"
                    + "|दिए|दिये|दे\\s*दिए|जमा\\s*किए|जमा\\s*किये|भेजे|भेज\\s*दिए|मिले)" + END + REST + "$", FLAGS);
    private static final Pattern HELP = Pattern.compile(
            "^\\s*(?:help|owner|commands|madad|sahayata|मदद|सहायता)\\s*[?!.]*\\s*$", FLAGS);

    /** The command in {@code text}, or empty when it is none. */
    public static Optional<OwnerCommand> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Pattern decide : new Pattern[] {VERB_FIRST, NUMBER_FIRST}) {
            Matcher m = decide.matcher(text);
            if (m.matches()) {
                boolean verbFirst = decide == VERB_FIRST;
                String verb = m.group(verbFirst ? 1 : 2);
                String number = m.group(verbFirst ? 2 : 1);
                Kind kind = verb.matches("(?iu)" + APPROVE) ? Kind.APPROVE : Kind.REJECT;
                return Optional.of(new OwnerCommand(kind, Long.parseLong(ascii(number)), null, note(m.group(3))));
            }
        }
        for (Pattern fulfil : new Pattern[] {FULFIL_FIRST, FULFIL_AFTER}) {
            Matcher m = fulfil.matcher(text);
            if (m.matches()) {
                boolean verbFirst = fulfil == FULFIL_FIRST;
                String verb = m.group(verbFirst ? 1 : 2);
                Kind kind = verb.matches("(?iu)" + PREPARING) ? Kind.PREPARING : verb.matches("(?iu)" + READY) ? Kind.READY
                        : verb.matches("(?iu)" + SHIPPED) ? Kind.SHIPPED : Kind.DELIVERED;
                return Optional.of(new OwnerCommand(kind, Long.parseLong(ascii(m.group(verbFirst ? 2 : 1))), null, null));
            }
        }
        for (Pattern paid : new Pattern[] {PAID, PAID_SAID}) {
            Matcher m = paid.matcher(text);
            if (m.matches()) {
                return Optional.of(new OwnerCommand(Kind.PAID, Long.parseLong(ascii(m.group(1))), ascii(m.group(2)), note(m.group(3))));
            }
        }
        return HELP.matcher(text).matches() ? Optional.of(new OwnerCommand(Kind.HELP, 0, null, null)) : Optional.empty();
    }

    private static String note(String rest) {
        return rest == null || rest.isBlank() ? null : rest.strip();
    }

    /** Devanagari digits as ASCII ones. */
    private static String ascii(String digits) {
        StringBuilder out = new StringBuilder(digits.length());
        digits.chars().forEach(c -> out.append(c >= '\u0966' && c <= '\u096F' ? (char) ('0' + c - '\u0966') : (char) c));
        return out.toString();
    }
}
