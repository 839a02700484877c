package dev.parley.runtime.catalogwatch;

/**
 * The ids of the catalog-watch buttons ({@code cw:...}), shared by the alerts (this room) and the chat flow: short,
 * because Telegram's {@code callback_data} holds at most 64 bytes.
 */
public final class Buttons {

    private Buttons() {
    }

    public static final String PREFIX = "cw:";
    /** {@code cw:p:<product id>}: a product's card. */
    public static final String PRODUCT = "cw:p:";
    public static final String WATCH = "cw:w:";
    public static final String UNWATCH = "cw:u:";
}
