package dev.parley.runtime.understanding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cuts a chat message into lower-case words, numbers and the punctuation that matters for an order. Letters and digits
 * written together are separate tokens ({@code 10mtr} is {@code 10} and {@code mtr}), since customers rarely put a
 * space between a quantity and its unit. Devanagari is read as romanised Hindi ({@link Romanizer}); times, dates and
 * phone numbers become one {@link #REFERENCE} word, so that none of their digits is taken for a quantity.
 */
final class Tokenizer {

    /** A list marker at the start of a line ("1.", "2)", "-", "*"): its number is not a quantity. */
    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^[ \\t]*(?:\\d{1,2}[.)]|[-*•])[ \\t]+");

    /**
     * Numbers that are no amount at all, whatever follows them: a time ("4:30"), a date with its year ("15/11/2026",
     * "15.11.26"), a phone number with its country code ("+91 98765 43210"). Each becomes the word {@link #REFERENCE}.
     */
    private static final Pattern NOT_AN_AMOUNT = Pattern.compile(
            "(?<![\\d.,/])(?:\\d{1,2}:\\d{2}(?::\\d{2})?|\\d{1,2}([/.-])\\d{1,2}\\1\\d{2,4}"
            + "|\\+\\d{1,3}[ -]?\\d[\\d -]{6,}\\d)(?![\\d])");

    /** A date written day/month ("12/12", "25/1"): a fraction only when it is smaller than one ("1/2", "3/4"). */
    private static final Pattern DAY_MONTH = Pattern.compile("(?<![\\d.,/])(\\d{1,2})/(\\d{1,2})(?![\\d/])");

    /**
     * A code of letters and digits mixed ("27AAPFU0939F1ZV", a GST number; "INV2024A17"): three or more changes
     * between letters and digits, where a quantity and its unit ("10mtr", "2x10m") have one or two.
     */
    private static final Pattern CODE = Pattern.compile("(?<![\\p{L}\\d])[a-z0-9]{6,}(?![\\p{L}\\d])");

    /** A date, a time, a phone number: a reference, not an amount. */
    static final String REFERENCE = "#ref";

    /** Abbreviations whose full stop does not end a sentence: "Rs. 500", "gali no. 3", "mob. 98765...". */
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("rs", "no", "nos", "mob", "ph", "tel", "ref", "sr");

    enum Kind {
        WORD,
        NUMBER,
        /** Ends a sentence: a new line, a full stop, '!' or '?'. */
        SENTENCE_END,
        /** Joins items inside a sentence: ',', ';', '&', '+', '/'. */
        JOIN,
        /** ':' after a word makes it a heading, as in "cotton: blue 10m, red 5m". */
        COLON
    }

    /**
     * One token. A number carries its value, and whether it was written as a fraction ({@code 1/2}) so that
     * {@code 2 1/2} reads as two and a half. A sentence end remembers whether it was a question mark.
     */
    record Token(Kind kind, String text, BigDecimal value, boolean fraction, boolean question) {

        static Token word(String text) {
            return new Token(Kind.WORD, text, null, false, false);
        }

        static Token number(String text, BigDecimal value, boolean fraction) {
            return new Token(Kind.NUMBER, text, value, fraction, false);
        }

        static Token mark(Kind kind, String text, boolean question) {
            return new Token(kind, text, null, false, question);
        }

        boolean isWord(String word) {
            return kind == Kind.WORD && text.equals(word);
        }
    }

    private Tokenizer() {
    }

    static List<Token> tokenize(String text) {
        String normalized = Normalizer.normalize(Romanizer.toLatin(text), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('’', '\'');
        String s = LIST_MARKER.matcher(normalized).replaceAll("");
        s = NOT_AN_AMOUNT.matcher(s).replaceAll(" " + REFERENCE + " ");
        s = CODE.matcher(s).replaceAll(match -> changesOfKind(match.group()) >= 3 ? " " + REFERENCE + " " : match.group());
        s = DAY_MONTH.matcher(s).replaceAll(match -> Integer.parseInt(match.group(1)) < Integer.parseInt(match.group(2))
                ? match.group() : " " + REFERENCE + " ");
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                i = number(s, i, tokens);
            } else if (s.startsWith(REFERENCE, i)) {
                tokens.add(Token.word(REFERENCE));
                i += REFERENCE.length();
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '\'' && i + 1 < s.length()
                        && Character.isLetter(s.charAt(i + 1)))) {
                    i++;
                }
                tokens.add(Token.word(s.substring(start, i).replace("'", "")));
            } else {
                switch (c) {
                    case '.' -> {
                        if (!afterAbbreviation(tokens) || i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                            addSentenceEnd(tokens, ".", false);
                        }
                    }
                    // Money and references: "₹1200" is rupees, "#4521" a number, "@ 150" a rate.
                    case '₹' -> tokens.add(Token.word("rs"));
                    case '#' -> tokens.add(Token.word("no"));
                    case '@' -> tokens.add(Token.word("rate"));
                    case '\n', '!', '\r' -> addSentenceEnd(tokens, String.valueOf(c), false);
                    case '?' -> addSentenceEnd(tokens, "?", true);
                    case ',', ';', '&', '+', '/' -> tokens.add(Token.mark(Kind.JOIN, String.valueOf(c), false));
                    case ':' -> tokens.add(Token.mark(Kind.COLON, ":", false));
                    default -> {
                        // Dashes, brackets, quotes, emoji: layout, not meaning.
                    }
                }
                i++;
            }
        }
        return tokens;
    }

    /** How often a run of letters and digits changes from one to the other: "10mtr" once, "27aapfu0939f1zv" five times. */
    private static int changesOfKind(String run) {
        int changes = 0;
        for (int i = 1; i < run.length(); i++) {
            if (Character.isDigit(run.charAt(i)) != Character.isDigit(run.charAt(i - 1))) {
                changes++;
            }
        }
        return changes;
    }

    private static boolean afterAbbreviation(List<Token> tokens) {
        return !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == Kind.WORD
                && ABBREVIATIONS.contains(tokens.get(tokens.size() - 1).text());
    }

    /** Repeated ends ("??", "...", "\n\n") are one end; a question mark among them makes it a question. */
    private static void addSentenceEnd(List<Token> tokens, String text, boolean question) {
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == Kind.SENTENCE_END) {
            Token last = tokens.remove(tokens.size() - 1);
            tokens.add(Token.mark(Kind.SENTENCE_END, last.text() + text, last.question() || question));
        } else {
            tokens.add(Token.mark(Kind.SENTENCE_END, text, question));
        }
    }

    /**
     * Reads {@code 10}, {@code 2.5}, {@code 2,5} (a decimal comma, only directly between digits), {@code 1,000} (a
     * thousands comma: exactly three digits follow) and {@code 1/2}.
     */
    private static int number(String s, int start, List<Token> tokens) {
        int i = digits(s, start);
        StringBuilder value = new StringBuilder(s.substring(start, i));
        while (i + 1 < s.length() && s.charAt(i) == ',' && Character.isDigit(s.charAt(i + 1))) {
            int end = digits(s, i + 1);
            if (end - (i + 1) == 3) {
                value.append(s, i + 1, end);
                i = end;
            } else {
                break;
            }
        }
        if (i + 1 < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ',') && Character.isDigit(s.charAt(i + 1))) {
            int end = digits(s, i + 1);
            value.append('.').append(s, i + 1, end);
            i = end;
        } else if (i + 1 < s.length() && s.charAt(i) == '/' && Character.isDigit(s.charAt(i + 1))) {
            int end = digits(s, i + 1);
            BigDecimal denominator = new BigDecimal(s.substring(i + 1, end));
            if (denominator.signum() != 0) {
                BigDecimal fraction = new BigDecimal(value.toString()).divide(denominator, MathContext.DECIMAL64);
                tokens.add(Token.number(s.substring(start, end), fraction, true));
                return end;
            }
        }
        tokens.add(Token.number(s.substring(start, i), new BigDecimal(value.toString()), false));
        return i;
    }

    private static int digits(String s, int i) {
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
