package dev.parley.runtime.understanding;

/** What a customer's reply means while an order is being negotiated or confirmed. */
public enum Intent {
    CONFIRM, CANCEL, ACCEPT_AVAILABLE, CANCEL_ITEM, ALTERNATIVE, EDIT, ADD, UNKNOWN
}
