package dev.parley.runtime.commerce.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One delivery of a material in a colour, as it stands now: whole rolls of {@code metersPerRoll} each, plus loose
 * meters (what is left of rolls already cut). Material and colour are canonical catalog names; {@code dyeLot} is
 * null when the business does not record one. The price is per meter in integer minor units (paise, cents).
 */
public record Batch(long id, String material, String color, int rollsAvailable, BigDecimal metersPerRoll,
        BigDecimal looseMetersAvailable, String dyeLot, long pricePerMeterMinor, Instant receivedAt) {

    public Batch {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (rollsAvailable < 0) {
            throw new IllegalArgumentException("rollsAvailable cannot be negative");
        }
        metersPerRoll = Meters.exact(metersPerRoll);
        if (metersPerRoll.signum() <= 0) {
            throw new IllegalArgumentException("metersPerRoll must be more than 0");
        }
        looseMetersAvailable = Meters.exact(looseMetersAvailable);
        if (looseMetersAvailable.signum() < 0) {
            throw new IllegalArgumentException("looseMetersAvailable cannot be negative");
        }
        if (pricePerMeterMinor < 0) {
            throw new IllegalArgumentException("pricePerMeterMinor cannot be negative");
        }
        if (dyeLot != null && dyeLot.isBlank()) {
            throw new IllegalArgumentException("a dye lot has a name, or is null");
        }
    }

    /** Everything the batch holds: its whole rolls and its loose meters. */
    public BigDecimal metersAvailable() {
        return Meters.ofRolls(rollsAvailable, metersPerRoll).add(looseMetersAvailable);
    }

    public boolean isEmpty() {
        return rollsAvailable == 0 && looseMetersAvailable.signum() == 0;
    }
}
