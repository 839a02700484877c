package dev.parley.runtime.http;

/** Input a client sent that cannot be taken as it is; answered 400 with this message ({@link ExceptionMappers}). */
public final class BadInput extends Exception {

    public BadInput(String message) {
        super(message, null, false, false);
    }
}
