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

    /** An accepted order's fulfilment moved on and the customer was told. */
    record Fulfilled(long orderId, Fulfilment fulfilment) implements Decision {
    }

    /** Nothing was done: {@code detail} says why, for the owner. */
    record Refused(long orderId, Reason reason, String detail) implements Decision {
    }

    /**
     * Why nothing was done. {@code NOT_ACCEPTED}: a fulfilment step on an order the owner has not accepted;
     * {@code FULFILMENT_NOT_FORWARD}: a step back, or from a delivered or cancelled order.
     */
    enum Reason { NOT_FOUND, ALREADY_APPROVED, ALREADY_REJECTED, OUT_OF_STOCK, NOT_ACCEPTED, FULFILMENT_NOT_FORWARD }
}
