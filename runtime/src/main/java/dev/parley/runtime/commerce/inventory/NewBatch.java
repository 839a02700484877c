package dev.parley.runtime.commerce.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A batch as the owner enters it: material and colour in any of the catalog's words (synonyms included), the
 * stock, an optional dye lot, the price per meter in minor units, and optionally when it arrived (now if null).
 * Checked here against what the {@code inventory_batch} columns hold, so the owner is told which field is wrong.
 */
public record NewBatch(String material, String color, int rollsAvailable, BigDecimal metersPerRoll, BigDecimal looseMetersAvailable,
        String dyeLot, long pricePerMeterMinor, Instant receivedAt) {

    /** Longest dye lot accepted. */
    public static final int MAX_DYE_LOT_LENGTH = 100;

    /**
     * The highest price of a meter, in minor units: 10^10 (100,000,000.00 with two decimals). Far above any cloth's,
     * and low enough that a line of {@link Quantity#MAX_METERS} at that price stays exact in a long.
     */
    public static final long MAX_PRICE_PER_METER_MINOR = 10_000_000_000L;

    public NewBatch {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(color, "color");
        if (rollsAvailable < 0) {
            throw new IllegalArgumentException("rollsAvailable cannot be negative");
        }
        metersPerRoll = storable("metersPerRoll", metersPerRoll);
        if (metersPerRoll.signum() == 0) {
            throw new IllegalArgumentException("metersPerRoll must be more than 0");
        }
        looseMetersAvailable = storable("looseMetersAvailable", looseMetersAvailable);
        if (pricePerMeterMinor < 0) {
            throw new IllegalArgumentException("pricePerMeterMinor cannot be negative");
        }
        if (pricePerMeterMinor > MAX_PRICE_PER_METER_MINOR) {
            throw new IllegalArgumentException("pricePerMeterMinor is at most " + MAX_PRICE_PER_METER_MINOR);
        }
        dyeLot = dyeLot == null || dyeLot.isBlank() ? null : dyeLot.strip();
        if (dyeLot != null && dyeLot.length() > MAX_DYE_LOT_LENGTH) {
            throw new IllegalArgumentException("dyeLot has at most " + MAX_DYE_LOT_LENGTH + " characters");
        }
    }

    private static BigDecimal storable(String field, BigDecimal meters) {
        if (meters.signum() < 0) {
            throw new IllegalArgumentException(field + " cannot be negative");
        }
        if (meters.compareTo(Meters.STORABLE_MAX) > 0) {
            throw new IllegalArgumentException(field + " is at most " + Meters.STORABLE_MAX.toPlainString());
        }
        try {
            return Meters.exact(meters);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " has at most 2 decimals (centimetres), not " + meters.toPlainString());
        }
    }
}
