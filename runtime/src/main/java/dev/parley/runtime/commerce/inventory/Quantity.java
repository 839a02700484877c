package dev.parley.runtime.commerce.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import dev.parley.runtime.understanding.OrderLine;

/** An amount of cloth as an order line asks for it: meters (two decimals) or whole rolls. Never negative. */
public record Quantity(Unit unit, BigDecimal amount) {

    public enum Unit { METERS, ROLLS }

    /**
     * The most one order line may ask for: 100,000 m or 10,000 rolls. Far above any shop's order, and low enough that
     * a line's price (meters times a price per meter) stays exact in a long of minor units.
     */
    public static final BigDecimal MAX_METERS = new BigDecimal("100000");
    public static final int MAX_ROLLS = 10_000;

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

    /** Whether it asks for more than one line may ({@link #MAX_METERS}, {@link #MAX_ROLLS}). */
    public boolean aboveBound() {
        return amount.compareTo(unit == Unit.METERS ? MAX_METERS : BigDecimal.valueOf(MAX_ROLLS)) > 0;
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
