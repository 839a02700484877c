package dev.parley.runtime.owner;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.parley.runtime.commerce.inventory.Batch;

/** A batch of stock as the owner API shows it; meters with up to two decimals, prices in integer minor units. */
@Schema(name = "Batch")
public record BatchView(long id, String material, String color, int rollsAvailable, BigDecimal metersPerRoll,
        BigDecimal looseMetersAvailable, @Schema(nullable = true) String dyeLot, long pricePerMeterMinor, Instant receivedAt) {

    static BatchView of(Batch batch) {
        return new BatchView(batch.id(), batch.material(), batch.color(), batch.rollsAvailable(), batch.metersPerRoll(),
                batch.looseMetersAvailable(), batch.dyeLot(), batch.pricePerMeterMinor(), batch.receivedAt());
    }

    /** {@code {"batches": [...]}}, oldest first. */
    @Schema(name = "Batches")
    public record Batches(List<BatchView> batches) {
    }
}
