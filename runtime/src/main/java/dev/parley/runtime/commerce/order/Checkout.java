package dev.parley.runtime.commerce.order;

import java.util.Objects;

/**
 * How a shop order is paid and where it goes, as the customer gave it at checkout.
 *
 * @param payment cash on delivery, or on account (the customer's ledger is debited when the owner accepts)
 */
public record Checkout(Payment payment, String name, String phone, String address) {

    public enum Payment { CASH_ON_DELIVERY, ON_ACCOUNT }

    public Checkout {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(address, "address");
    }
}
