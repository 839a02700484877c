package dev.parley.runtime.commerce.order;

/** What came of sending an order's invoice to the customer again ({@link OrderDecisions#sendInvoiceAgain}). */
public sealed interface InvoiceResend {

    /** The invoice's PDF, as issued, is in the outbox to the customer's chat again. */
    record Sent(long orderId, String invoiceNumber) implements InvoiceResend {
    }

    /** Nothing was sent: why. */
    record NotSent(long orderId, Why why) implements InvoiceResend {
    }

    /**
     * {@code NO_INVOICE}: the order has not been approved (or was rejected); {@code NO_CHAT}: it came from another
     * system for a customer the bot has no chat with.
     */
    enum Why { NOT_FOUND, NO_INVOICE, NO_CHAT }
}
