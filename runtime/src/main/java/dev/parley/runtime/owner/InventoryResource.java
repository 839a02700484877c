package dev.parley.runtime.owner;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.parley.runtime.commerce.inventory.InventoryRepository;
import dev.parley.runtime.commerce.inventory.NewBatch;
import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.http.ErrorBody;
import dev.parley.runtime.http.JsonInput;
import dev.parley.runtime.http.NotFound;
import io.smallrye.mutiny.Uni;

/**
 * The owner API for stock: {@code POST /api/v1/inventory/batches} enters a batch (201 with it, its {@code id} and
 * {@code receivedAt}); {@code GET} lists batches oldest first, optionally {@code ?material=&color=} (synonyms
 * accepted); {@code GET /{id}} shows one. Meters are JSON numbers with up to two decimals, prices integer minor units.
 * A material or colour the catalog does not know is a 400 ({@link OwnerFailures}).
 */
@Path("/api/v1/inventory/batches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory", description = "Batches of stock: rolls and loose meters of a material in a colour")
public class InventoryResource {

    private static final Set<String> FIELDS = Set.of("material", "color", "rollsAvailable", "metersPerRoll", "looseMetersAvailable", "dyeLot",
            "pricePerMeterMinor", "receivedAt");

    private final InventoryRepository inventory;

    public InventoryResource(InventoryRepository inventory) {
        this.inventory = inventory;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Enter a batch", description = "{\"material\", \"color\", \"rollsAvailable\", \"metersPerRoll\", \"looseMetersAvailable\","
            + " \"pricePerMeterMinor\"} and optionally \"dyeLot\" and \"receivedAt\" (ISO-8601 with an offset; now when absent).")
    @APIResponse(responseCode = "201", description = "The batch, with its id", content = @Content(schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "400", description = "A missing or impossible field, an unknown field, or a material or colour the catalog"
            + " does not know", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<RestResponse<BatchView>> create(byte[] body) throws BadInput {
        NewBatch batch = newBatch(JsonInput.of(body, FIELDS));
        return inventory.create(batch).map(created -> RestResponse.ResponseBuilder
                .<BatchView>created(URI.create("/api/v1/inventory/batches/" + created.id())).entity(BatchView.of(created)).build());
    }

    @GET
    @Operation(summary = "Batches, oldest first", description = "Optionally of one material and/or colour, in any of the catalog's words.")
    @APIResponse(responseCode = "200", description = "The batches", content = @Content(schema = @Schema(implementation = BatchView.Batches.class)))
    @APIResponse(responseCode = "400", description = "A material or colour the catalog does not know",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<BatchView.Batches> list(@Parameter(description = "A material, or a synonym of one") @QueryParam("material") String material,
            @Parameter(description = "A colour, or a synonym of one") @QueryParam("color") String color) {
        return Uni.createFrom().deferred(() -> inventory.list(blankAsNull(material), blankAsNull(color)))
                .map(batches -> new BatchView.Batches(batches.stream().map(BatchView::of).toList()));
    }

    @GET
    @Path("{id: \\d{1,18}}")
    @Operation(summary = "One batch")
    @APIResponse(responseCode = "200", description = "The batch", content = @Content(schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "404", description = "There is no such batch", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<BatchView> one(@PathParam("id") long id) {
        return inventory.find(id).map(batch -> BatchView.of(batch.orElseThrow(() -> new NotFound("there is no batch " + id))));
    }

    private static NewBatch newBatch(JsonInput input) throws BadInput {
        String material = input.text("material");
        String color = input.text("color");
        long rolls = input.count("rollsAvailable", "the number of whole rolls, 0 or more");
        if (rolls > Integer.MAX_VALUE) {
            throw new BadInput("\"rollsAvailable\" is at most " + Integer.MAX_VALUE);
        }
        try {
            return new NewBatch(material, color, (int) rolls,
                    input.decimal("metersPerRoll", "the length of one roll in meters, more than 0, at most 2 decimals"),
                    input.decimal("looseMetersAvailable", "meters not on whole rolls, 0 or more, at most 2 decimals"),
                    input.optionalText("dyeLot"),
                    input.count("pricePerMeterMinor", "the price of one meter in minor units (paise, cents), 0 or more"),
                    input.optionalInstant("receivedAt"));
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
