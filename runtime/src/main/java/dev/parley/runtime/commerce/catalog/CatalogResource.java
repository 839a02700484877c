package dev.parley.runtime.commerce.catalog;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.parley.runtime.channel.Problems;
import dev.parley.runtime.commerce.JsonInput;
import dev.parley.runtime.commerce.OwnerAnswers;
import dev.parley.runtime.commerce.catalog.CatalogRepository.Added;
import dev.parley.runtime.commerce.catalog.CatalogRepository.Synonym;
import dev.parley.runtime.commerce.catalog.CatalogRepository.Term;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The owner API for the catalog's vocabulary: materials and colours by canonical name
 * ({@code /api/v1/catalog/materials}, {@code /colors}: {@code GET} lists with synonyms, {@code POST {"name": ...}}
 * adds) and the synonyms customers use for them ({@code /synonyms}: {@code POST {"kind": "material"|"color",
 * "word": ..., "canonical": ...}}). Adding what exists answers 200 with it, adding something new 201.
 */
@Path("/api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final CatalogRepository catalog;

    public CatalogResource(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("{kinds: materials|colors}")
    public Uni<Response> terms(@PathParam("kinds") String kinds) {
        Kind kind = Kind.ofPlural(kinds);
        return catalog.terms(kind)
                .map(terms -> Response.ok(new JsonObject().put(kind.plural(), new JsonArray(terms.stream().map(CatalogResource::view).toList())).encode()).build())
                .onFailure().recoverWithItem(OwnerAnswers::failure);
    }

    @POST
    @Path("{kinds: materials|colors}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> addTerm(@PathParam("kinds") String kinds, byte[] body) {
        Kind kind = Kind.ofPlural(kinds);
        String name;
        try {
            name = JsonInput.of(body, Set.of("name")).text("name");
        } catch (Problems.BadInput e) {
            return Uni.createFrom().item(Problems.badRequest(e.getMessage()));
        }
        return Uni.createFrom().deferred(() -> catalog.addTerm(kind, name))
                .map(added -> answer(added, view(added.value())))
                .onFailure().recoverWithItem(OwnerAnswers::failure);
    }

    @GET
    @Path("synonyms")
    public Uni<Response> synonyms() {
        return catalog.synonyms()
                .map(synonyms -> Response.ok(new JsonObject().put("synonyms", new JsonArray(synonyms.stream().map(CatalogResource::view).toList())).encode()).build())
                .onFailure().recoverWithItem(OwnerAnswers::failure);
    }

    @POST
    @Path("synonyms")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> addSynonym(byte[] body) {
        Kind kind;
        String word;
        String canonical;
        try {
            JsonInput input = JsonInput.of(body, Set.of("kind", "word", "canonical"));
            kind = Kind.parse(input.text("kind"));
            word = input.text("word");
            canonical = input.text("canonical");
        } catch (Problems.BadInput | IllegalArgumentException e) {
            return Uni.createFrom().item(Problems.badRequest(e.getMessage()));
        }
        return Uni.createFrom().deferred(() -> catalog.addSynonym(kind, word, canonical))
                .map(added -> answer(added, view(added.value())))
                .onFailure().recoverWithItem(OwnerAnswers::failure);
    }

    private static Response answer(Added<?> added, JsonObject view) {
        return Response.status(added.created() ? Response.Status.CREATED : Response.Status.OK).entity(view.encode()).build();
    }

    private static JsonObject view(Term term) {
        return new JsonObject().put("name", term.name()).put("synonyms", new JsonArray(List.copyOf(term.synonyms())));
    }

    private static JsonObject view(Synonym synonym) {
        return new JsonObject().put("kind", synonym.kind().singular()).put("word", synonym.word()).put("canonical", synonym.canonical());
    }
}
