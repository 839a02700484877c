package dev.parley.runtime.commerce.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.runtime.commerce.inventory.Allocation.Status;
import dev.parley.runtime.commerce.inventory.Allocation.Take;
import dev.parley.runtime.commerce.inventory.Quantity.Unit;
import dev.parley.runtime.understanding.OrderLine;

/**
 * Fills one order line from batches: pure, no I/O, the same answer for the same batches whatever order they come in.
 *
 * <ol>
 * <li>Only batches of the line's material and colour (canonical catalog names, compared exactly) that hold
 * something are candidates.</li>
 * <li>They are taken in the bot's {@link AllocationOrder}: FIFO oldest {@code receivedAt} first, ties by lower id;
 * LIFO the exact reverse.</li>
 * <li>Rolls are never cut. A rolls line takes whole rolls only. A meters line takes, batch by batch, as many whole
 * rolls as fit in what is still wanted, then loose meters up to what is still wanted, then goes on to the next
 * batch. A newer batch is therefore only touched when every older one is empty or holds only rolls longer than
 * what is still wanted (a length that only a cut roll could give is not granted).</li>
 * <li>One dye lot per line is preferred: the named lots are tried one at a time (in the order of each lot's
 * first batch), and the first that fills the whole line alone is used alone. When no lot can, the line is filled
 * from all candidates in order, lots mixed. A batch without a dye lot belongs to no lot: it is used only in the
 * mixed fill.</li>
 * <li>FULL when everything asked for is granted, OUT_OF_STOCK when nothing is, PARTIAL in between.</li>
 * </ol>
 */
public final class Allocator {

    private Allocator() {
    }

    public static Allocation allocate(OrderLine line, Collection<Batch> batches, AllocationOrder order) {
        Quantity requested = Quantity.of(line);
        if (requested.isZero()) {
            throw new IllegalArgumentException("an order line asks for more than nothing");
        }
        List<Batch> candidates = batches.stream()
                .filter(b -> b.material().equals(line.material()) && b.color().equals(line.color()) && !b.isEmpty())
                .sorted(order.comparator())
                .toList();
        for (List<Batch> lot : namedLots(candidates)) {
            Allocation fromOneLot = fill(requested, lot);
            if (fromOneLot.status() == Status.FULL) {
                return fromOneLot;
            }
        }
        return fill(requested, candidates);
    }

    /** The candidates grouped by dye lot, each group and the groups themselves in allocation order. */
    private static Collection<List<Batch>> namedLots(List<Batch> ordered) {
        Map<String, List<Batch>> lots = new LinkedHashMap<>();
        for (Batch batch : ordered) {
            if (batch.dyeLot() != null) {
                lots.computeIfAbsent(batch.dyeLot(), lot -> new ArrayList<>()).add(batch);
            }
        }
        return lots.values();
    }

    private static Allocation fill(Quantity requested, List<Batch> ordered) {
        BigDecimal wanted = requested.amount();
        List<Take> takes = new ArrayList<>();
        for (Batch batch : ordered) {
            if (wanted.signum() == 0) {
                break;
            }
            Take take = requested.unit() == Unit.ROLLS ? rolls(batch, wanted) : meters(batch, wanted);
            if (take != null) {
                takes.add(take);
                wanted = wanted.subtract(requested.unit() == Unit.ROLLS ? BigDecimal.valueOf(take.rolls()) : take.meters());
            }
        }
        Quantity granted = new Quantity(requested.unit(), requested.amount().subtract(wanted));
        Status status = granted.isZero() ? Status.OUT_OF_STOCK : wanted.signum() == 0 ? Status.FULL : Status.PARTIAL;
        return new Allocation(status, requested, granted, takes);
    }

    /** Whole rolls, up to the number still wanted; null when the batch has none. */
    private static Take rolls(Batch batch, BigDecimal wantedRolls) {
        int rolls = (int) Math.min(batch.rollsAvailable(), wantedRolls.longValueExact());
        return rolls == 0 ? null : new Take(batch.id(), rolls, BigDecimal.ZERO, Meters.ofRolls(rolls, batch.metersPerRoll()));
    }

    /** Whole rolls that fit in the meters still wanted, then loose meters; null when the batch can give nothing. */
    private static Take meters(Batch batch, BigDecimal wantedMeters) {
        long rollsThatFit = wantedMeters.divideToIntegralValue(batch.metersPerRoll()).longValueExact();
        int rolls = (int) Math.min(batch.rollsAvailable(), rollsThatFit);
        BigDecimal fromRolls = Meters.ofRolls(rolls, batch.metersPerRoll());
        BigDecimal loose = batch.looseMetersAvailable().min(wantedMeters.subtract(fromRolls));
        BigDecimal meters = fromRolls.add(loose);
        return meters.signum() == 0 ? null : new Take(batch.id(), rolls, loose, meters);
    }
}
