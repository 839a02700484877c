package dev.parley.runtime.message;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the bot says, in the customer's language, from message bundles ({@code messages/<name>.properties} for
 * English, {@code messages/<name>_hi.properties} for Hindi, {@code _fr} for French) rather than strings in code. Patterns are
 * {@link MessageFormat}s: arguments are passed already formatted (quantities, money), so a quote is written
 * twice ({@code don''t}).
 */
public final class Messages {

    /** The languages the bot answers in; anything else is answered in English. */
    public static final String ENGLISH = "en";
    public static final String HINDI = "hi";
    public static final String FRENCH = "fr";

    private final String baseName;
    private final Map<String, ResourceBundle> bundles = new ConcurrentHashMap<>();

    public Messages(String name) {
        this.baseName = "messages/" + name;
        bundle(ENGLISH); // a missing bundle is a build mistake: fail at startup, not in a chat
    }

    /**
     * The language a customer is answered in, from what their channel or they said: {@code hi}, {@code fr} or
     * {@code en}. A bundle without a language's file answers in English.
     */
    public static String language(String tag) {
        String lower = tag == null ? "" : tag.toLowerCase(Locale.ROOT);
        return lower.startsWith(HINDI) ? HINDI : lower.startsWith(FRENCH) ? FRENCH : ENGLISH;
    }

    public String get(String language, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(language(language)).getString(key);
        } catch (MissingResourceException e) {
            pattern = bundle(ENGLISH).getString(key);
        }
        return new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    private ResourceBundle bundle(String language) {
        return bundles.computeIfAbsent(language, l -> ResourceBundle.getBundle(baseName, Locale.forLanguageTag(l),
                Messages.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
