package dev.parley.runtime.commerce.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import dev.parley.runtime.understanding.OrderLine;

/** An amount of cloth as an order line asks for it: meters (two decimals) or whole rolls. Never negative. */
public record Quantity(Unit unit, BigDecimal amount) {

    public enum Unit { METERS, ROLLS }

    public Quantity {
        Objects.requireNonNull(unit, "unit");
        amount = unit == Unit.METERS ? Meters.exact(amount) : wholeRolls(amount);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a quantity cannot be negative: " + amount.toPlainString());
        }
    }

    public static Quantity meters(BigDecimal meters) {
        return new Quantity(Unit.METERS, meters);
    }

    public static Quantity rolls(int rolls) {
        return new Quantity(Unit.ROLLS, BigDecimal.valueOf(rolls));
    }

    /** What the line asks for. */
    public static Quantity of(OrderLine line) {
        return line.meters() != null ? meters(line.meters()) : rolls(line.rolls());
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** The number of rolls of a {@link Unit#ROLLS} quantity. */
    public int rolls() {
        if (unit != Unit.ROLLS) {
            throw new IllegalStateException(this + " is not counted in rolls");
        }
        return amount.intValueExact();
    }

    @Override
    public String toString() {
        return unit == Unit.METERS ? amount.toPlainString() + " m" : amount.toPlainString() + (amount.compareTo(BigDecimal.ONE) == 0 ? " roll" : " rolls");
    }

    private static BigDecimal wholeRolls(BigDecimal amount) {
        try {
            return amount.setScale(0, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("rolls are whole, not " + amount.toPlainString());
        }
    }
}
