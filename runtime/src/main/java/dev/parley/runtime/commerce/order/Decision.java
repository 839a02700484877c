package dev.parley.runtime.commerce.order;

/** What became of an owner's approval or rejection of an order ({@link OrderDecisions}). */
public sealed interface Decision {

    long orderId();

    /** Stock deducted, invoice issued and debited, customer told. Money in minor units of {@code currency}. */
    record Approved(long orderId, long invoiceId, String invoiceNumber, long totalMinor, String currency) implements Decision {
    }

    /** The order was rejected and the customer told. */
    record Rejected(long orderId) implements Decision {
    }

    /** Nothing was done: {@code detail} says why, for the owner. */
    record Refused(long orderId, Reason reason, String detail) implements Decision {
    }

    enum Reason { NOT_FOUND, ALREADY_APPROVED, ALREADY_REJECTED, OUT_OF_STOCK }
}
