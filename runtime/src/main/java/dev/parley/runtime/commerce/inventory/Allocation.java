package dev.parley.runtime.commerce.inventory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * How one order line would be filled from stock: how much was asked, how much can be given, and exactly what
 * comes from which batch. Approval later deducts the takes as they are, so they never exceed what a batch held
 * when they were made (and approval re-checks that, since stock may have moved since).
 */
public record Allocation(Status status, Quantity requested, Quantity granted, List<Take> takes) {

    public enum Status {
        /** Everything asked for. */
        FULL,
        /** Something, but less than asked for. */
        PARTIAL,
        /** Nothing. */
        OUT_OF_STOCK
    }

    /**
     * What one batch gives: whole rolls and loose meters, and their total length ({@code rolls × metersPerRoll +
     * looseMeters}), which is what the line is priced on.
     */
    public record Take(long batchId, int rolls, BigDecimal looseMeters, BigDecimal meters) {
        public Take {
            looseMeters = Meters.exact(looseMeters);
            meters = Meters.exact(meters);
            if (rolls < 0 || looseMeters.signum() < 0 || meters.signum() <= 0) {
                throw new IllegalArgumentException("a take gives something and nothing negative");
            }
        }
    }

    public Allocation {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(granted, "granted");
        takes = List.copyOf(takes);
    }

    /** The total length of the takes, in either unit: a rolls line is priced on the meters its rolls hold. */
    public BigDecimal meters() {
        return takes.stream().map(Take::meters).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}
