package dev.parley.runtime.http;

/**
 * The request clashes with what is stored (nothing was changed); answered 409 with this message and, if given, the
 * reason ({@link ExceptionMappers}).
 */
public final class Conflict extends RuntimeException {

    private final String reason;

    public Conflict(String message) {
        this(message, null);
    }

    public Conflict(String message, String reason) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** A reason a program can branch on, or null. */
    public String reason() {
        return reason;
    }
}
