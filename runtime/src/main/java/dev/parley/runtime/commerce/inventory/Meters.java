package dev.parley.runtime.commerce.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Lengths of cloth are exact decimals with two places (centimetres), as the database stores them
 * ({@code numeric(10,2)}); never binary floating point, so that allocations add up to the last centimetre.
 */
public final class Meters {

    /** The largest length a batch column holds: {@code numeric(10,2)}. */
    public static final BigDecimal STORABLE_MAX = new BigDecimal("99999999.99");

    private Meters() {
    }

    /** The value at scale 2; refuses more decimals rather than rounding a customer's or an owner's number. */
    public static BigDecimal exact(BigDecimal value) {
        try {
            return value.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("meters have at most 2 decimals, not " + value.toPlainString());
        }
    }

    /** Whole rolls as meters. */
    static BigDecimal ofRolls(int rolls, BigDecimal metersPerRoll) {
        return metersPerRoll.multiply(BigDecimal.valueOf(rolls));
    }
}
