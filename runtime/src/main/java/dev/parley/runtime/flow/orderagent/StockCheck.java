package dev.parley.runtime.flow.orderagent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.parley.runtime.commerce.Money;
import dev.parley.runtime.commerce.inventory.Allocation;
import dev.parley.runtime.commerce.inventory.AllocationOrder;
import dev.parley.runtime.commerce.inventory.Allocator;
import dev.parley.runtime.commerce.inventory.Batch;
import dev.parley.runtime.commerce.inventory.InventoryRepository;
import dev.parley.runtime.commerce.inventory.Quantity;
import dev.parley.runtime.commerce.order.NewOrder;
import dev.parley.runtime.understanding.OrderLine;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Checks a draft's items against the stock as it is in the message's transaction: an item that can be filled is
 * ACCEPTED with its exact allocation and price; one that cannot is NEGOTIATING, with what there is and up to three
 * alternatives (other colours of the material first, then the colour in other materials). Nothing is reserved:
 * approval deducts, and re-checks.
 */
final class StockCheck {

    static final int MAX_SUGGESTIONS = 3;

    private final InventoryRepository inventory;
    private final AllocationOrder order;

    StockCheck(InventoryRepository inventory, AllocationOrder order) {
        this.inventory = inventory;
        this.order = order;
    }

    /** A draft after a check, with the priced lines of its accepted items by item number. */
    record Checked(Draft draft, Map<Integer, NewOrder.Line> lines) {

        long subtotalMinor() {
            return lines.values().stream().mapToLong(NewOrder.Line::amountMinor).sum();
        }
    }

    Uni<Checked> check(SqlConnection tx, Draft draft) {
        return sequentially(draft.items(), item -> item.isOpen() ? check(tx, item) : Uni.createFrom().item(new One(item, null)))
                .map(checked -> {
                    Map<Integer, NewOrder.Line> lines = new LinkedHashMap<>();
                    int lineNo = 1;
                    for (One one : checked) {
                        if (one.item().status() == Item.Status.ACCEPTED) {
                            lines.put(one.item().no(), line(lineNo++, one.item(), one.allocation(), one.prices()));
                        }
                    }
                    return new Checked(draft.with(checked.stream().map(One::item).toList()), lines);
                });
    }

    private record One(Item item, Allocation allocation, Map<Long, Long> prices) {
        One(Item item, Allocation allocation) {
            this(item, allocation, Map.of());
        }
    }

    private Uni<One> check(SqlConnection tx, Item item) {
        OrderLine line = item.wanted().unit() == Quantity.Unit.ROLLS
                ? OrderLine.rolls(item.material(), item.color(), item.wanted().rolls())
                : OrderLine.meters(item.material(), item.color(), item.wanted().amount());
        return inventory.forAllocation(tx, item.material(), item.color()).flatMap(batches -> {
            Allocation allocation = Allocator.allocate(line, batches, order);
            Map<Long, Long> prices = prices(batches);
            if (allocation.status() == Allocation.Status.FULL) {
                Item.Stock stock = item.stock() == Item.Stock.PARTIAL_AVAILABLE ? item.stock() : Item.Stock.FULL_AVAILABLE;
                return Uni.createFrom().item(new One(item.checked(Item.Status.ACCEPTED, stock, allocation.granted(), List.of()),
                        allocation, prices));
            }
            Item.Stock stock = allocation.status() == Allocation.Status.PARTIAL ? Item.Stock.PARTIAL_AVAILABLE : Item.Stock.OUT_OF_STOCK;
            return suggestions(tx, item).map(choices -> new One(
                    item.checked(Item.Status.NEGOTIATING, stock, allocation.granted(), choices), allocation));
        });
    }

    /** Other colours of the material with stock, then the colour in other materials; most stock first; at most three. */
    private Uni<List<Item.Choice>> suggestions(SqlConnection tx, Item item) {
        return inventory.alternatives(tx, item.material(), item.color(), MAX_SUGGESTIONS)
                .map(stocked -> stocked.stream().map(s -> new Item.Choice(s.material(), s.color(), s.meters())).toList());
    }

    /** The order line of an accepted item: its meters and its price, rounded once for the line. */
    private static NewOrder.Line line(int lineNo, Item item, Allocation allocation, Map<Long, Long> prices) {
        List<NewOrder.Take> takes = new ArrayList<>();
        BigDecimal exact = BigDecimal.ZERO;
        for (Allocation.Take take : allocation.takes()) {
            long price = prices.get(take.batchId());
            takes.add(new NewOrder.Take(take.batchId(), take.rolls(), take.looseMeters(), take.meters(), price));
            exact = exact.add(Money.exact(take.meters(), price));
        }
        return new NewOrder.Line(lineNo, item.material(), item.color(), item.wanted(), allocation.meters(), Money.round(exact), takes);
    }

    private static <T, R> Uni<List<R>> sequentially(List<T> values, Function<T, Uni<R>> step) {
        return Multi.createFrom().iterable(values).onItem().<R>transformToUniAndConcatenate(step::apply).collect().asList();
    }

    private static Map<Long, Long> prices(List<Batch> batches) {
        Map<Long, Long> prices = new LinkedHashMap<>();
        batches.forEach(b -> prices.put(b.id(), b.pricePerMeterMinor()));
        return prices;
    }
}
