package dev.parley.runtime.commerce.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.parley.runtime.commerce.catalog.CatalogRepository;
import dev.parley.runtime.commerce.catalog.Kind;
import dev.parley.runtime.understanding.OrderLine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The owner of {@code inventory_batch}: batches entered by the owner, listed, read for allocation and for
 * alternatives, and deducted on approval.
 */
@ApplicationScoped
public class InventoryRepository {

    private static final String COLUMNS = "id, material, color, rolls_available, meters_per_roll, loose_meters_available, dye_lot,"
            + " price_per_meter_minor, received_at";

    private final Pool pool;
    private final CatalogRepository catalog;

    public InventoryRepository(Pool pool, CatalogRepository catalog) {
        this.pool = pool;
        this.catalog = catalog;
    }

    /**
     * Stores a batch under the canonical names of its material and colour; a word the catalog does not know fails
     * with {@link CatalogRepository.UnknownWord} (the material is checked first).
     */
    public Uni<Batch> create(NewBatch batch) {
        return pool.withTransaction(tx -> catalog.canonical(tx, Kind.MATERIAL, batch.material())
                .flatMap(material -> catalog.canonical(tx, Kind.COLOR, batch.color())
                        .flatMap(color -> tx.preparedQuery("INSERT INTO inventory_batch (material, color, rolls_available, meters_per_roll,"
                                + " loose_meters_available, dye_lot, price_per_meter_minor, received_at)"
                                + " VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, now())) RETURNING " + COLUMNS)
                                .execute(Tuple.from(Arrays.asList(material, color, batch.rollsAvailable(), batch.metersPerRoll(),
                                        batch.looseMetersAvailable(), batch.dyeLot(), batch.pricePerMeterMinor(),
                                        batch.receivedAt() == null ? null : batch.receivedAt().atOffset(ZoneOffset.UTC)))))))
                .map(rows -> batch(rows.iterator().next()));
    }

    /**
     * Batches, oldest first, optionally of one material and/or colour (in any of the catalog's words; an unknown
     * one fails with {@link CatalogRepository.UnknownWord}).
     */
    public Uni<List<Batch>> list(String material, String color) {
        return canonicalOrNull(Kind.MATERIAL, material).flatMap(m -> canonicalOrNull(Kind.COLOR, color)
                .flatMap(c -> pool.preparedQuery("SELECT " + COLUMNS + " FROM inventory_batch"
                        + " WHERE ($1::text IS NULL OR material = $1) AND ($2::text IS NULL OR color = $2) ORDER BY received_at, id")
                        .execute(Tuple.of(m, c))))
                .map(InventoryRepository::batches);
    }

    /** Null for no filter; a Uni holding null is how Mutiny says "no value". */
    private Uni<String> canonicalOrNull(Kind kind, String word) {
        return word == null ? Uni.createFrom().nullItem() : catalog.canonical(pool, kind, word);
    }

    public Uni<Optional<Batch>> find(long id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM inventory_batch WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(batch(rows.iterator().next())));
    }

    /**
     * The batches of one material and colour (canonical names) that hold anything, read through {@code client}:
     * the pool, or the connection of a transaction that goes on to record the allocation.
     */
    public Uni<List<Batch>> forAllocation(SqlClient client, String material, String color) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM inventory_batch WHERE material = $1 AND color = $2"
                + " AND (rolls_available > 0 OR loose_meters_available > 0) ORDER BY received_at, id")
                .execute(Tuple.of(material, color))
                .map(InventoryRepository::batches);
    }

    /** How the line would be filled from the stock as it is now (nothing is reserved or deducted). */
    public Uni<Allocation> allocate(SqlClient client, OrderLine line, AllocationOrder order) {
        return forAllocation(client, line.material(), line.color()).map(batches -> Allocator.allocate(line, batches, order));
    }

    /** What there is of one material and colour, summed over its batches. */
    public record Stocked(String material, String color, BigDecimal meters) {
    }

    /**
     * What could stand in for a material and colour: other colours of the material that have stock, then the colour
     * in other materials; most stock first; at most {@code limit}.
     */
    public Uni<List<Stocked>> alternatives(SqlClient client, String material, String color, int limit) {
        return client.preparedQuery("""
                SELECT material, color, sum(rolls_available * meters_per_roll + loose_meters_available) AS meters
                FROM inventory_batch
                WHERE (material = $1 AND color <> $2) OR (color = $2 AND material <> $1)
                GROUP BY material, color
                HAVING sum(rolls_available * meters_per_roll + loose_meters_available) > 0
                ORDER BY material = $1 DESC, meters DESC, material, color
                LIMIT $3""")
                .execute(Tuple.of(material, color, limit))
                .map(rows -> {
                    List<Stocked> stocked = new ArrayList<>();
                    rows.forEach(row -> stocked.add(new Stocked(row.getString("material"), row.getString("color"),
                            row.getBigDecimal("meters").setScale(2))));
                    return stocked;
                });
    }

    /**
     * Takes whole rolls and loose meters from a batch, only if it still holds them (a conditional update, so that
     * two approvals can never take the same roll); whether it did.
     */
    public Uni<Boolean> deduct(SqlClient client, long batchId, int rolls, BigDecimal looseMeters) {
        return client.preparedQuery("UPDATE inventory_batch SET rolls_available = rolls_available - $2,"
                        + " loose_meters_available = loose_meters_available - $3"
                        + " WHERE id = $1 AND rolls_available >= $2 AND loose_meters_available >= $3")
                .execute(Tuple.of(batchId, rolls, looseMeters))
                .map(rows -> rows.rowCount() == 1);
    }

    /** One correction of a batch's stock, as the audit trail keeps it. */
    public record Correction(long id, long batchId, int rollsBefore, BigDecimal looseMetersBefore, int rollsAfter, BigDecimal looseMetersAfter,
            String reason, String correctedBy, Instant correctedAt) {
    }

    /**
     * Sets what a batch holds (a miscount, a damaged roll) and records the correction with its reason, what the
     * batch held before and who corrected it, in one transaction; empty when there is no such batch. The batch's row
     * is locked, so an approval deducting from it at the same time is counted in "before", not lost.
     */
    public Uni<Optional<Correction>> correct(long batchId, int rolls, BigDecimal looseMeters, String reason, String correctedBy) {
        if (rolls < 0 || looseMeters.signum() < 0 || looseMeters.scale() > 2) {
            return Uni.createFrom().failure(new IllegalArgumentException("a batch holds 0 or more rolls and 0 or more loose meters (at most 2 decimals)"));
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            return Uni.createFrom().failure(new IllegalArgumentException("a stock correction needs a reason of 1 to 500 characters"));
        }
        return pool.withTransaction(tx -> tx.preparedQuery("WITH before AS (SELECT id, rolls_available, loose_meters_available FROM inventory_batch"
                        + " WHERE id = $1 FOR UPDATE),"
                        + " changed AS (UPDATE inventory_batch b SET rolls_available = $2, loose_meters_available = $3 FROM before WHERE b.id = before.id)"
                        + " INSERT INTO inventory_correction (batch_id, rolls_before, loose_meters_before, rolls_after, loose_meters_after, reason, corrected_by)"
                        + " SELECT id, rolls_available, loose_meters_available, $2, $3, $4, $5 FROM before RETURNING " + CORRECTION_COLUMNS)
                .execute(Tuple.of(batchId, rolls, looseMeters, reason.strip(), correctedBy)))
                .map(rows -> rows.size() == 0 ? Optional.<Correction>empty() : Optional.of(correction(rows.iterator().next())));
    }

    /** The corrections of the batches, newest first, at most {@code limit}. */
    public Uni<List<Correction>> corrections(int limit) {
        return pool.preparedQuery("SELECT " + CORRECTION_COLUMNS + " FROM inventory_correction ORDER BY id DESC LIMIT $1").execute(Tuple.of(limit))
                .map(rows -> {
                    List<Correction> corrections = new ArrayList<>();
                    rows.forEach(row -> corrections.add(correction(row)));
                    return corrections;
                });
    }

    private static final String CORRECTION_COLUMNS = "id, batch_id, rolls_before, loose_meters_before, rolls_after, loose_meters_after, reason,"
            + " corrected_by, corrected_at";

    private static Correction correction(Row row) {
        return new Correction(row.getLong("id"), row.getLong("batch_id"), row.getInteger("rolls_before"), row.getBigDecimal("loose_meters_before"),
                row.getInteger("rolls_after"), row.getBigDecimal("loose_meters_after"), row.getString("reason"), row.getString("corrected_by"),
                row.getOffsetDateTime("corrected_at").toInstant());
    }

    private static List<Batch> batches(RowSet<Row> rows) {
        List<Batch> batches = new ArrayList<>();
        rows.forEach(row -> batches.add(batch(row)));
        return batches;
    }

    private static Batch batch(Row row) {
        return new Batch(row.getLong("id"), row.getString("material"), row.getString("color"), row.getInteger("rolls_available"),
                row.getBigDecimal("meters_per_roll"), row.getBigDecimal("loose_meters_available"), row.getString("dye_lot"),
                row.getLong("price_per_meter_minor"), row.getOffsetDateTime("received_at").toInstant());
    }
}
