package dev.parley.runtime.commerce.inventory;

import java.net.URI;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.parley.runtime.channel.Problems;
import dev.parley.runtime.commerce.JsonInput;
import dev.parley.runtime.commerce.OwnerAnswers;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The owner API for stock: {@code POST /api/v1/inventory/batches} enters a batch (201 with it, its {@code id} and
 * {@code receivedAt}); {@code GET} lists batches oldest first, optionally {@code ?material=&color=} (synonyms
 * accepted); {@code GET /{id}} shows one. Meters are JSON numbers with up to two decimals, prices integer minor units.
 */
@Path("/api/v1/inventory/batches")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    static final Set<String> FIELDS = Set.of("material", "color", "rollsAvailable", "metersPerRoll", "looseMetersAvailable", "dyeLot",
            "pricePerMeterMinor", "receivedAt");

    private final InventoryRepository inventory;

    public InventoryResource(InventoryRepository inventory) {
        this.inventory = inventory;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> create(byte[] body) {
        NewBatch batch;
        try {
            batch = newBatch(JsonInput.of(body, FIELDS));
        } catch (Problems.BadInput | IllegalArgumentException e) {
            return Uni.createFrom().item(Problems.badRequest(e.getMessage()));
        }
        return inventory.create(batch)
                .map(created -> Response.created(URI.create("/api/v1/inventory/batches/" + created.id())).entity(view(created).encode()).build())
                .onFailure().recoverWithItem(OwnerAnswers::failure);
    }

    @GET
    public Uni<Response> list(@QueryParam("material") String material, @QueryParam("color") String color) {
        return Uni.createFrom().deferred(() -> inventory.list(blankAsNull(material), blankAsNull(color)))
                .map(batches -> Response.ok(new JsonObject().put("batches", new JsonArray(batches.stream().map(InventoryResource::view).toList())).encode()).build())
                .onFailure().recoverWithItem(OwnerAnswers::failure);
    }

    @GET
    @Path("{id: \\d{1,18}}")
    public Uni<Response> one(@PathParam("id") long id) {
        return inventory.find(id)
                .map(batch -> batch.map(b -> Response.ok(view(b).encode()).build())
                        .orElseGet(() -> Problems.notFound("there is no batch " + id)))
                .onFailure().recoverWithItem(OwnerAnswers::failure);
    }

    static NewBatch newBatch(JsonInput input) throws Problems.BadInput {
        String material = input.text("material");
        String color = input.text("color");
        long rolls = input.count("rollsAvailable", "the number of whole rolls, 0 or more");
        if (rolls > Integer.MAX_VALUE) {
            throw new Problems.BadInput("\"rollsAvailable\" is at most " + Integer.MAX_VALUE);
        }
        return new NewBatch(material, color, (int) rolls,
                input.decimal("metersPerRoll", "the length of one roll in meters, more than 0, at most 2 decimals"),
                input.decimal("looseMetersAvailable", "meters not on whole rolls, 0 or more, at most 2 decimals"),
                input.optionalText("dyeLot"),
                input.count("pricePerMeterMinor", "the price of one meter in minor units (paise, cents), 0 or more"),
                input.optionalInstant("receivedAt"));
    }

    /** A batch as the API shows it; {@code dyeLot} is null when there is none. */
    static JsonObject view(Batch batch) {
        return new JsonObject()
                .put("id", batch.id())
                .put("material", batch.material())
                .put("color", batch.color())
                .put("rollsAvailable", batch.rollsAvailable())
                .put("metersPerRoll", batch.metersPerRoll())
                .put("looseMetersAvailable", batch.looseMetersAvailable())
                .put("dyeLot", batch.dyeLot())
                .put("pricePerMeterMinor", batch.pricePerMeterMinor())
                .put("receivedAt", batch.receivedAt().toString());
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
