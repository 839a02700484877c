package dev.parley.runtime.dashboard;

import dev.parley.runtime.message.Messages;
import io.quarkus.qute.TemplateData;

/** The dashboard's words in the owner's language, from {@code messages/dashboard*.properties}: {@code {t.get('nav.orders')}}. */
@TemplateData
public final class Texts {

    static final Messages BUNDLE = new Messages("dashboard");

    private final String language;

    Texts(String language) {
        this.language = Messages.language(language);
    }

    public String language() {
        return language;
    }

    public String get(String key) {
        return BUNDLE.get(language, key);
    }

    /** The text of {@code prefix + name}: a state's or a reason's name, say. */
    public String key(String prefix, String name) {
        return BUNDLE.get(language, prefix + name);
    }

    public String get(String key, Object arg) {
        return BUNDLE.get(language, key, arg);
    }

    public String get(String key, Object first, Object second) {
        return BUNDLE.get(language, key, first, second);
    }
}
