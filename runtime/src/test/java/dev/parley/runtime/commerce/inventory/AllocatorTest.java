package dev.parley.runtime.commerce.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.inventory.Allocation.Status;
import dev.parley.runtime.commerce.inventory.Allocation.Take;
import dev.parley.runtime.understanding.OrderLine;

/** The allocation rules, case by case (the properties that hold for every case are in AllocatorPropertiesTest). */
class AllocatorTest {

    private static final Instant DAY_0 = Instant.parse("2026-01-01T09:00:00Z");

    /** A blue cotton batch received {@code day} days after day 0. */
    static Batch cotton(long id, int day, int rolls, String metersPerRoll, String loose, String dyeLot) {
        return new Batch(id, "cotton", "blue", rolls, new BigDecimal(metersPerRoll), new BigDecimal(loose), dyeLot, 12_000,
                DAY_0.plusSeconds(86_400L * day));
    }

    private static Allocation meters(String meters, AllocationOrder order, Batch... batches) {
        return Allocator.allocate(OrderLine.meters("cotton", "blue", new BigDecimal(meters)), List.of(batches), order);
    }

    private static Allocation meters(String meters, Batch... batches) {
        return meters(meters, AllocationOrder.FIFO, batches);
    }

    private static Take take(long batchId, int rolls, String loose, String meters) {
        return new Take(batchId, rolls, new BigDecimal(loose), new BigDecimal(meters));
    }

    @Test
    void wholeRollsFirstThenLooseMetersFromTheSameBatch() {
        Allocation allocation = meters("120", cotton(1, 0, 2, "50", "30", null));

        assertThat(allocation.status()).isEqualTo(Status.FULL);
        assertThat(allocation.granted()).isEqualTo(Quantity.meters(new BigDecimal("120.00")));
        assertThat(allocation.takes()).containsExactly(take(1, 2, "20.00", "120.00"));
    }

    @Test
    void aRollLongerThanWhatIsStillWantedIsNotCutButLooseMetersAreUsed() {
        Allocation allocation = meters("40", cotton(1, 0, 1, "50", "10", null), cotton(2, 1, 0, "50", "100", null));

        assertThat(allocation.status()).isEqualTo(Status.FULL);
        assertThat(allocation.takes()).containsExactly(take(1, 0, "10.00", "10.00"), take(2, 0, "30.00", "30.00"));
    }

    @Test
    void onlyRollsLongerThanTheLineMeansOutOfStockAndFewerRollsMeansPartial() {
        Batch oneRoll = cotton(1, 0, 1, "50", "0", null);

        Allocation tooShort = meters("30", oneRoll);
        assertThat(tooShort.status()).isEqualTo(Status.OUT_OF_STOCK);
        assertThat(tooShort.granted().isZero()).isTrue();
        assertThat(tooShort.takes()).isEmpty();

        Allocation tooLong = meters("70", oneRoll);
        assertThat(tooLong.status()).isEqualTo(Status.PARTIAL);
        assertThat(tooLong.granted()).isEqualTo(Quantity.meters(new BigDecimal("50")));
        assertThat(tooLong.takes()).containsExactly(take(1, 1, "0", "50"));
    }

    @Test
    void fifoTakesTheOldestBatchFirstAndLifoTheNewest() {
        Batch old = cotton(1, 0, 0, "50", "20", null);
        Batch middle = cotton(2, 5, 0, "50", "20", null);
        Batch fresh = cotton(3, 9, 0, "50", "20", null);

        assertThat(meters("30", AllocationOrder.FIFO, fresh, old, middle).takes())
                .containsExactly(take(1, 0, "20", "20"), take(2, 0, "10", "10"));
        assertThat(meters("30", AllocationOrder.LIFO, fresh, old, middle).takes())
                .containsExactly(take(3, 0, "20", "20"), take(2, 0, "10", "10"));
    }

    @Test
    void batchesReceivedAtTheSameMomentAreTakenByIdAndLifoReversesThat() {
        Batch first = cotton(7, 0, 0, "50", "20", null);
        Batch second = cotton(8, 0, 0, "50", "20", null);

        assertThat(meters("25", AllocationOrder.FIFO, second, first).takes()).extracting(Take::batchId).containsExactly(7L, 8L);
        assertThat(meters("25", AllocationOrder.LIFO, first, second).takes()).extracting(Take::batchId).containsExactly(8L, 7L);
    }

    @Test
    void aDyeLotThatFillsTheWholeLineIsUsedAloneElseLotsAreMixedInOrder() {
        Batch lotAOld = cotton(1, 0, 0, "50", "20", "A");
        Batch lotB = cotton(2, 1, 0, "50", "50", "B");
        Batch lotANew = cotton(3, 2, 0, "50", "10", "A");

        Allocation fromA = meters("30", lotAOld, lotB, lotANew);
        assertThat(fromA.status()).isEqualTo(Status.FULL);
        assertThat(fromA.takes()).containsExactly(take(1, 0, "20", "20"), take(3, 0, "10", "10"));

        Allocation fromB = meters("40", lotAOld, lotB, lotANew);
        assertThat(fromB.takes()).as("lot A holds only 30, so lot B alone, though newer").containsExactly(take(2, 0, "40", "40"));

        Allocation mixed = meters("70", lotAOld, lotB, lotANew);
        assertThat(mixed.status()).isEqualTo(Status.FULL);
        assertThat(mixed.takes()).as("no lot holds 70: oldest first across lots").containsExactly(take(1, 0, "20", "20"), take(2, 0, "50", "50"));

        Allocation partial = meters("100", lotAOld, lotB, lotANew);
        assertThat(partial.status()).isEqualTo(Status.PARTIAL);
        assertThat(partial.granted()).isEqualTo(Quantity.meters(new BigDecimal("80")));
        assertThat(partial.takes()).extracting(Take::batchId).containsExactly(1L, 2L, 3L);
    }

    @Test
    void whenTwoLotsCouldFillTheLineTheAllocationOrderPicksTheLot() {
        Batch lotA = cotton(1, 0, 0, "50", "40", "A");
        Batch lotB = cotton(2, 3, 0, "50", "40", "B");

        assertThat(meters("30", AllocationOrder.FIFO, lotA, lotB).takes()).extracting(Take::batchId).containsExactly(1L);
        assertThat(meters("30", AllocationOrder.LIFO, lotA, lotB).takes()).extracting(Take::batchId).containsExactly(2L);
    }

    @Test
    void stockWithoutADyeLotIsUsedOnlyWhenNoNamedLotFillsTheLine() {
        Batch unlabelledOld = cotton(1, 0, 0, "50", "100", null);
        Batch lotA = cotton(2, 4, 0, "50", "50", "A");

        assertThat(meters("30", unlabelledOld, lotA).takes()).containsExactly(take(2, 0, "30", "30"));
        assertThat(meters("60", unlabelledOld, lotA).takes()).containsExactly(take(1, 0, "60", "60"));
    }

    @Test
    void otherMaterialsColoursAndEmptyBatchesAreNeverTaken() {
        Batch silk = new Batch(1, "silk", "blue", 5, new BigDecimal("40"), new BigDecimal("40"), null, 50_000, DAY_0);
        Batch red = new Batch(2, "cotton", "red", 5, new BigDecimal("40"), new BigDecimal("40"), null, 9_000, DAY_0);
        Batch empty = cotton(3, 0, 0, "50", "0", "A");
        Batch blue = cotton(4, 1, 0, "50", "15", null);

        Allocation allocation = meters("20", silk, red, empty, blue);

        assertThat(allocation.status()).isEqualTo(Status.PARTIAL);
        assertThat(allocation.takes()).containsExactly(take(4, 0, "15", "15"));
    }

    @Test
    void aRollsLineTakesWholeRollsOnlyAndIsPricedOnTheirMeters() {
        Batch shortRolls = cotton(1, 0, 2, "40", "500", null);
        Batch longRolls = cotton(2, 1, 3, "55.5", "0", null);
        OrderLine threeRolls = OrderLine.rolls("cotton", "blue", 3);

        Allocation allocation = Allocator.allocate(threeRolls, List.of(shortRolls, longRolls), AllocationOrder.FIFO);
        assertThat(allocation.status()).isEqualTo(Status.FULL);
        assertThat(allocation.requested()).isEqualTo(Quantity.rolls(3));
        assertThat(allocation.takes()).containsExactly(take(1, 2, "0", "80"), take(2, 1, "0", "55.50"));
        assertThat(allocation.meters()).isEqualByComparingTo("135.50");

        Allocation loose = Allocator.allocate(threeRolls, List.of(cotton(3, 0, 1, "40", "900", null)), AllocationOrder.FIFO);
        assertThat(loose.status()).as("loose meters are not rolls").isEqualTo(Status.PARTIAL);
        assertThat(loose.granted()).isEqualTo(Quantity.rolls(1));
    }

    @Test
    void centimetresAddUpExactly() {
        Allocation allocation = meters("100", cotton(1, 0, 3, "33.33", "0.01", null));

        assertThat(allocation.takes()).containsExactly(take(1, 3, "0.01", "100.00"));
        assertThat(allocation.status()).isEqualTo(Status.FULL);
    }

    @Test
    void theOrderOfTheBatchesGivenDoesNotMatter() {
        List<Batch> batches = new ArrayList<>(List.of(cotton(1, 0, 1, "30", "5", "A"), cotton(2, 1, 2, "30", "5", "B"),
                cotton(3, 2, 1, "25", "12.5", null), cotton(4, 2, 0, "30", "7", "A")));
        Allocation expected = Allocator.allocate(OrderLine.meters("cotton", "blue", new BigDecimal("97.5")), batches, AllocationOrder.FIFO);
        for (int i = 0; i < 5; i++) {
            Collections.shuffle(batches, new java.util.Random(i));
            assertThat(Allocator.allocate(OrderLine.meters("cotton", "blue", new BigDecimal("97.5")), batches, AllocationOrder.FIFO))
                    .isEqualTo(expected);
        }
    }

    @Test
    void aLineForNothingOrForMillimetresIsRefused() {
        Batch batch = cotton(1, 0, 1, "50", "0", null);
        assertThatThrownBy(() -> meters("0", batch)).hasMessageContaining("more than nothing");
        assertThatThrownBy(() -> meters("1.005", batch)).hasMessageContaining("at most 2 decimals");
        assertThatThrownBy(() -> Allocator.allocate(OrderLine.rolls("cotton", "blue", 0), List.of(batch), AllocationOrder.FIFO))
                .hasMessageContaining("more than nothing");
    }

    @Test
    void theAllocationOrderIsReadAsTheBotSpellsIt() {
        assertThat(AllocationOrder.parse("fifo")).isEqualTo(AllocationOrder.FIFO);
        assertThat(AllocationOrder.parse(" LIFO ")).isEqualTo(AllocationOrder.LIFO);
        assertThatThrownBy(() -> AllocationOrder.parse("random")).hasMessageContaining("fifo or lifo");
    }
}
