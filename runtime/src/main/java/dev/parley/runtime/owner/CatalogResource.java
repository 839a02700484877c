package dev.parley.runtime.owner;

import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.parley.runtime.commerce.catalog.CatalogRepository;
import dev.parley.runtime.commerce.catalog.CatalogRepository.Added;
import dev.parley.runtime.commerce.catalog.Kind;
import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.http.ErrorBody;
import dev.parley.runtime.http.JsonInput;
import io.smallrye.mutiny.Uni;

/**
 * The owner API for the catalog's vocabulary: materials and colours by canonical name
 * ({@code /api/v1/catalog/materials}, {@code /colors}: {@code GET} lists with synonyms, {@code POST {"name": ...}}
 * adds) and the synonyms customers use for them ({@code /synonyms}: {@code POST {"kind": "material"|"color",
 * "word": ..., "canonical": ...}}). Adding what exists answers 200 with it, adding something new 201. A word that
 * already means something else is a 409, an unknown canonical name a 400 ({@link OwnerFailures}).
 */
@Path("/api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "The materials and colours the bot knows, and the words customers use for them")
public class CatalogResource {

    private final CatalogRepository catalog;

    public CatalogResource(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("materials")
    @Operation(summary = "The materials, each with its synonyms")
    @APIResponse(responseCode = "200", description = "The materials", content = @Content(schema = @Schema(implementation = CatalogViews.Materials.class)))
    public Uni<CatalogViews.Materials> materials() {
        return catalog.terms(Kind.MATERIAL).map(terms -> new CatalogViews.Materials(terms.stream().map(CatalogViews.Term::of).toList()));
    }

    @GET
    @Path("colors")
    @Operation(summary = "The colours, each with its synonyms")
    @APIResponse(responseCode = "200", description = "The colours", content = @Content(schema = @Schema(implementation = CatalogViews.Colors.class)))
    public Uni<CatalogViews.Colors> colors() {
        return catalog.terms(Kind.COLOR).map(terms -> new CatalogViews.Colors(terms.stream().map(CatalogViews.Term::of).toList()));
    }

    @POST
    @Path("materials")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Add a material", description = "{\"name\": \"khadi cotton\"}; stored in canonical form.")
    @APIResponse(responseCode = "200", description = "It was there already", content = @Content(schema = @Schema(implementation = CatalogViews.Term.class)))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = CatalogViews.Term.class)))
    @APIResponse(responseCode = "400", description = "No name, or an unknown field", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "The name is already a synonym", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<RestResponse<CatalogViews.Term>> addMaterial(byte[] body) throws BadInput {
        return addTerm(Kind.MATERIAL, body);
    }

    @POST
    @Path("colors")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Add a colour", description = "{\"name\": \"peacock blue\"}; stored in canonical form.")
    @APIResponse(responseCode = "200", description = "It was there already", content = @Content(schema = @Schema(implementation = CatalogViews.Term.class)))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = CatalogViews.Term.class)))
    @APIResponse(responseCode = "400", description = "No name, or an unknown field", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "The name is already a synonym", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<RestResponse<CatalogViews.Term>> addColor(byte[] body) throws BadInput {
        return addTerm(Kind.COLOR, body);
    }

    private Uni<RestResponse<CatalogViews.Term>> addTerm(Kind kind, byte[] body) throws BadInput {
        String name = JsonInput.of(body, Set.of("name")).text("name");
        return Uni.createFrom().deferred(() -> catalog.addTerm(kind, name)).map(added -> answer(added, CatalogViews.Term.of(added.value())));
    }

    @GET
    @Path("synonyms")
    @Operation(summary = "Every synonym, with the canonical name it means")
    @APIResponse(responseCode = "200", description = "The synonyms", content = @Content(schema = @Schema(implementation = CatalogViews.Synonyms.class)))
    public Uni<CatalogViews.Synonyms> synonyms() {
        return catalog.synonyms().map(synonyms -> new CatalogViews.Synonyms(synonyms.stream().map(CatalogViews.Synonym::of).toList()));
    }

    @POST
    @Path("synonyms")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Add a synonym", description = "{\"kind\": \"material\" or \"color\", \"word\": \"sooti\", \"canonical\": \"cotton\"};"
            + " the canonical name may itself be given by a synonym.")
    @APIResponse(responseCode = "200", description = "It was there already", content = @Content(schema = @Schema(implementation = CatalogViews.Synonym.class)))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = CatalogViews.Synonym.class)))
    @APIResponse(responseCode = "400", description = "A missing field, an unknown kind or an unknown canonical name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "The word already means something else", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<RestResponse<CatalogViews.Synonym>> addSynonym(byte[] body) throws BadInput {
        JsonInput input = JsonInput.of(body, Set.of("kind", "word", "canonical"));
        Kind kind;
        try {
            kind = Kind.parse(input.text("kind"));
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        String word = input.text("word");
        String canonical = input.text("canonical");
        return Uni.createFrom().deferred(() -> catalog.addSynonym(kind, word, canonical))
                .map(added -> answer(added, CatalogViews.Synonym.of(added.value())));
    }

    private static <T> RestResponse<T> answer(Added<?> added, T view) {
        return RestResponse.status(added.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, view);
    }
}
