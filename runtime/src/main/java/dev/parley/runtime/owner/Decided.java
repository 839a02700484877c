package dev.parley.runtime.owner;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.parley.runtime.commerce.order.Decision;
import dev.parley.runtime.commerce.order.Order;

/** The owner API's answers to a decision that was taken. */
public final class Decided {

    private Decided() {
    }

    /** Stock deducted, invoice issued and debited, customer told. Money in minor units of {@code currency}. */
    @Schema(name = "Approved", description = "The order is approved: its invoice, and the total the customer owes")
    public record Approved(long orderId, @Schema(enumeration = "ORDER_COMPLETED") Order.State state, long invoiceId, String invoiceNumber,
            long totalMinor, String currency) {

        static Approved of(Decision.Approved approved) {
            return new Approved(approved.orderId(), Order.State.ORDER_COMPLETED, approved.invoiceId(), approved.invoiceNumber(),
                    approved.totalMinor(), approved.currency());
        }
    }

    /** The order was rejected and the customer told. */
    @Schema(name = "Rejected", description = "The order is rejected")
    public record Rejected(long orderId, @Schema(enumeration = "ORDER_REJECTED") Order.State state) {

        static Rejected of(Decision decision) {
            return new Rejected(decision.orderId(), Order.State.ORDER_REJECTED);
        }
    }
}
