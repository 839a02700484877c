package dev.parley.runtime.commerce.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.parley.runtime.commerce.inventory.Allocation.Status;
import dev.parley.runtime.commerce.inventory.Allocation.Take;
import dev.parley.runtime.understanding.OrderLine;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * What holds for every allocation, over random stock and lines (jqwik generates them, shrinks a failure to a small
 * case and prints the seed that reproduces it). Stock is drawn from two materials, two colours, three dye lots and
 * a few arrival days, so that matching, lots and ties all occur often.
 */
class AllocatorPropertiesTest {

    private static final Instant DAY_0 = Instant.parse("2026-01-01T00:00:00Z");

    record Case(List<Batch> batches, OrderLine line, AllocationOrder order) {
        Allocation allocate() {
            return Allocator.allocate(line, batches, order);
        }

        Map<Long, Batch> byId() {
            return batches.stream().collect(Collectors.toMap(Batch::id, Function.identity()));
        }

        List<Batch> candidates() {
            return batches.stream().filter(b -> b.material().equals(line.material()) && b.color().equals(line.color()) && !b.isEmpty())
                    .sorted(order.comparator()).toList();
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<Batch>> stock = batch().list().ofMaxSize(8).map(AllocatorPropertiesTest::numbered);
        Arbitrary<String> material = Arbitraries.of("cotton", "cotton", "silk");
        Arbitrary<String> color = Arbitraries.of("blue", "blue", "red");
        Arbitrary<Boolean> inRolls = Arbitraries.of(true, false, false);
        Arbitrary<Integer> rolls = Arbitraries.integers().between(1, 15);
        Arbitrary<BigDecimal> meters = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("600.00")).ofScale(2);
        Arbitrary<OrderLine> line = Combinators.combine(material, color, inRolls, rolls, meters)
                .as((m, c, r, n, len) -> r ? OrderLine.rolls(m, c, n) : OrderLine.meters(m, c, len));
        return Combinators.combine(stock, line, Arbitraries.of(AllocationOrder.class)).as(Case::new);
    }

    /** A batch with id 0; {@link #numbered} gives each its own. */
    private static Arbitrary<Batch> batch() {
        Arbitrary<String> material = Arbitraries.of("cotton", "cotton", "silk");
        Arbitrary<String> color = Arbitraries.of("blue", "blue", "red");
        Arbitrary<Integer> rolls = Arbitraries.integers().between(0, 6);
        Arbitrary<BigDecimal> perRoll = Arbitraries.oneOf(Arbitraries.of(new BigDecimal("25"), new BigDecimal("50"), new BigDecimal("100")),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("120.00")).ofScale(2));
        Arbitrary<BigDecimal> loose = Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("150.00")).ofScale(2));
        Arbitrary<String> lot = Arbitraries.of("A", "B", "C").injectNull(0.4);
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 4);
        return Combinators.combine(material, color, rolls, perRoll, loose, lot, day)
                .as((m, c, r, p, l, d, at) -> new Batch(0, m, c, r, p, l, d, 10_000, DAY_0.plusSeconds(86_400L * at)));
    }

    private static List<Batch> numbered(List<Batch> batches) {
        List<Batch> numbered = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            Batch b = batches.get(i);
            numbered.add(new Batch(i + 1, b.material(), b.color(), b.rollsAvailable(), b.metersPerRoll(), b.looseMetersAvailable(),
                    b.dyeLot(), b.pricePerMeterMinor(), b.receivedAt()));
        }
        return numbered;
    }

    @Property(tries = 3000)
    void neverTakesMoreThanABatchHoldsNorFromABatchOfAnotherKind(@ForAll("cases") Case c) {
        Map<Long, Batch> byId = c.byId();
        Allocation allocation = c.allocate();
        assertThat(allocation.takes()).extracting(Take::batchId).doesNotHaveDuplicates();
        for (Take take : allocation.takes()) {
            Batch batch = byId.get(take.batchId());
            assertThat(batch.material()).isEqualTo(c.line().material());
            assertThat(batch.color()).isEqualTo(c.line().color());
            assertThat(take.rolls()).isBetween(0, batch.rollsAvailable());
            assertThat(take.looseMeters()).isBetween(BigDecimal.ZERO, batch.looseMetersAvailable());
        }
    }

    @Property(tries = 3000)
    void rollsAreWholeAndTheTakesAddUpToWhatIsGranted(@ForAll("cases") Case c) {
        Map<Long, Batch> byId = c.byId();
        Allocation allocation = c.allocate();
        for (Take take : allocation.takes()) {
            BigDecimal rollMeters = byId.get(take.batchId()).metersPerRoll().multiply(BigDecimal.valueOf(take.rolls()));
            assertThat(take.meters()).as("a take's length is its whole rolls and its loose meters, nothing cut")
                    .isEqualTo(Meters.exact(rollMeters.add(take.looseMeters())));
        }
        BigDecimal granted = allocation.granted().amount();
        if (c.line().rolls() != null) {
            assertThat(allocation.takes()).allSatisfy(t -> assertThat(t.looseMeters().signum()).isZero());
            assertThat(allocation.takes().stream().mapToLong(Take::rolls).sum()).isEqualTo(granted.longValueExact());
        } else {
            assertThat(allocation.meters()).isEqualTo(granted);
        }
    }

    @Property(tries = 3000)
    void theStatusSaysHowMuchOfTheRequestIsGranted(@ForAll("cases") Case c) {
        Allocation allocation = c.allocate();
        assertThat(allocation.requested()).isEqualTo(Quantity.of(c.line()));
        assertThat(allocation.granted().unit()).isEqualTo(allocation.requested().unit());
        int comparison = allocation.granted().amount().compareTo(allocation.requested().amount());
        assertThat(comparison).as("granted <= requested").isLessThanOrEqualTo(0);
        assertThat(allocation.status() == Status.FULL).isEqualTo(comparison == 0);
        assertThat(allocation.status() == Status.OUT_OF_STOCK).isEqualTo(allocation.granted().isZero());
        assertThat(allocation.takes().isEmpty()).isEqualTo(allocation.granted().isZero());

        // The generator must reach every status in both units often, or the properties above prove little.
        Statistics.collect(allocation.status(), allocation.requested().unit());
        Statistics.coverage(coverage -> {
            for (Status status : Status.values()) {
                for (Quantity.Unit unit : Quantity.Unit.values()) {
                    coverage.check(status, unit).percentage(p -> p > 3);
                }
            }
        });
    }

    /**
     * Within the batches the line was filled from (one dye lot, or all candidates when lots were mixed), taken in
     * the allocation order: a batch is only passed by with stock left when the line is already full, or when what
     * it has left is whole rolls each longer than what was still wanted after it.
     */
    @Property(tries = 3000)
    void aNewerBatchIsOnlyTouchedWhenNoOlderOneHasSuitableStockLeft(@ForAll("cases") Case c) {
        Allocation allocation = c.allocate();
        Map<Long, Take> taken = allocation.takes().stream().collect(Collectors.toMap(Take::batchId, Function.identity()));
        boolean inRolls = c.line().rolls() != null;
        BigDecimal wanted = allocation.requested().amount();
        for (Batch batch : filledFrom(c, allocation)) {
            Take take = taken.get(batch.id());
            int rollsTaken = take == null ? 0 : take.rolls();
            BigDecimal looseTaken = take == null ? BigDecimal.ZERO : take.looseMeters();
            BigDecimal wantedAfterRolls = wanted.subtract(inRolls ? BigDecimal.valueOf(rollsTaken)
                    : batch.metersPerRoll().multiply(BigDecimal.valueOf(rollsTaken)));
            BigDecimal wantedAfter = inRolls ? wantedAfterRolls : wantedAfterRolls.subtract(looseTaken);
            if (rollsTaken < batch.rollsAvailable()) {
                assertThat(inRolls ? wantedAfter.signum() == 0 : batch.metersPerRoll().compareTo(wantedAfterRolls) > 0)
                        .as("batch %d kept a roll that fitted what was still wanted (%s)", batch.id(), wantedAfterRolls).isTrue();
            }
            if (!inRolls && looseTaken.compareTo(batch.looseMetersAvailable()) < 0) {
                assertThat(wantedAfter.signum()).as("batch %d kept loose meters while more was wanted", batch.id()).isZero();
            }
            wanted = wantedAfter;
        }
    }

    /** A PARTIAL line got everything that could be given without cutting a roll. */
    @Property(tries = 3000)
    void aPartialLineLeavesNothingThatCouldHaveBeenGiven(@ForAll("cases") Case c) {
        Allocation allocation = c.allocate();
        if (allocation.status() == Status.FULL) {
            return;
        }
        Map<Long, Take> taken = allocation.takes().stream().collect(Collectors.toMap(Take::batchId, Function.identity()));
        BigDecimal stillWanted = allocation.requested().amount().subtract(allocation.granted().amount());
        for (Batch batch : c.candidates()) {
            Take take = taken.get(batch.id());
            int rollsLeft = batch.rollsAvailable() - (take == null ? 0 : take.rolls());
            BigDecimal looseLeft = batch.looseMetersAvailable().subtract(take == null ? BigDecimal.ZERO : take.looseMeters());
            if (c.line().rolls() != null) {
                assertThat(rollsLeft).isZero();
            } else {
                assertThat(looseLeft.signum()).isZero();
                assertThat(rollsLeft == 0 || batch.metersPerRoll().compareTo(stillWanted) > 0).isTrue();
            }
        }
    }

    /** Lots are mixed only when no single named lot could fill the line on its own. */
    @Property(tries = 2000)
    void oneDyeLotIsUsedWheneverOneLotCanFillTheLine(@ForAll("cases") Case c) {
        Allocation allocation = c.allocate();
        Map<Long, Batch> byId = c.byId();
        List<String> lotsUsed = allocation.takes().stream().map(t -> byId.get(t.batchId()).dyeLot()).distinct().toList();
        boolean oneNamedLot = lotsUsed.size() == 1 && lotsUsed.get(0) != null;
        Map<String, List<Batch>> lots = new HashMap<>();
        c.candidates().stream().filter(b -> b.dyeLot() != null).forEach(b -> lots.computeIfAbsent(b.dyeLot(), k -> new ArrayList<>()).add(b));
        boolean someLotFills = lots.values().stream()
                .anyMatch(lot -> Allocator.allocate(c.line(), lot, c.order()).status() == Status.FULL);
        if (someLotFills) {
            assertThat(oneNamedLot).as("lots used: %s", lotsUsed).isTrue();
            assertThat(allocation.status()).isEqualTo(Status.FULL);
        }

        boolean mixed = lotsUsed.size() > 1;
        Statistics.label("lots").collect(someLotFills ? "one lot fills" : mixed ? "mixed" : "other");
        Statistics.label("lots").coverage(coverage -> {
            coverage.check("one lot fills").percentage(p -> p > 10);
            coverage.check("mixed").percentage(p -> p > 5);
        });
    }

    @Property(tries = 1000)
    void theOrderTheBatchesAreGivenInDoesNotMatter(@ForAll("cases") Case c, @ForAll long seed) {
        List<Batch> shuffled = new ArrayList<>(c.batches());
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(Allocator.allocate(c.line(), shuffled, c.order())).isEqualTo(c.allocate());
    }

    /** The batches the line was filled from, in allocation order: the one lot it came from alone, or all candidates. */
    private static List<Batch> filledFrom(Case c, Allocation allocation) {
        Map<Long, Batch> byId = c.byId();
        List<String> lots = allocation.takes().stream().map(t -> byId.get(t.batchId()).dyeLot()).distinct().toList();
        if (allocation.status() == Status.FULL && lots.size() == 1 && lots.get(0) != null) {
            return c.candidates().stream().filter(b -> lots.get(0).equals(b.dyeLot())).toList();
        }
        return c.candidates();
    }
}
