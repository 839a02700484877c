package dev.parley.runtime.http;

/** What a request names does not exist; answered 404 with this message and, if given, the reason ({@link ExceptionMappers}). */
public final class NotFound extends RuntimeException {

    private final String reason;

    public NotFound(String message) {
        this(message, null);
    }

    public NotFound(String message, String reason) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** A reason a program can branch on, or null. */
    public String reason() {
        return reason;
    }
}
