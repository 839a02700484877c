package dev.parley.runtime.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;

import dev.parley.runtime.commerce.catalog.CatalogRepository;
import dev.parley.runtime.commerce.catalog.Kind;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;

/**
 * The catalog's vocabulary: materials and colours with the synonyms customers use for them, and adding either, as the
 * owner API does ({@link CatalogRepository}): a word the bot did not understand ("neela") becomes a synonym of what
 * it means, and the bot understands it from the next message on.
 */
@Path(Dashboard.ROOT + "/catalog")
@Produces(Dashboard.HTML)
public class CatalogPage {

    static final String PATH = Dashboard.ROOT + "/catalog";
    private static final Set<String> DONE = Set.of("term", "synonym");
    private static final Set<String> ERRORS = Set.of("word", "kind", "taken", "unknown");

    /** A canonical name and its synonyms. */
    @TemplateData
    public record TermRow(String name, String synonyms) {
        static TermRow of(CatalogRepository.Term term) {
            return new TermRow(term.name(), String.join(", ", term.synonyms()));
        }
    }

    private final Dashboard dashboard;
    private final CatalogRepository catalog;

    public CatalogPage(Dashboard dashboard, CatalogRepository catalog) {
        this.dashboard = dashboard;
        this.catalog = catalog;
    }

    @GET
    public Uni<String> list(@RestCookie(SessionCookie.NAME) String cookie, @QueryParam("done") String done, @QueryParam("error") String error) {
        SessionCookie.Session session = dashboard.session(cookie);
        return catalog.terms(Kind.MATERIAL).flatMap(materials -> catalog.terms(Kind.COLOR).map(colors -> {
            Map<String, Object> data = new HashMap<>();
            data.put("materials", rows(materials));
            data.put("colors", rows(colors));
            data.put("done", done != null && DONE.contains(done) ? done : "");
            data.put("error", error != null && ERRORS.contains(error) ? error : "");
            data.put("maxWord", CatalogRepository.MAX_WORD_LENGTH);
            return dashboard.page("catalog", session, PATH, data);
        }));
    }

    /** A new material or colour. */
    @POST
    @Path("terms")
    public Uni<Response> addTerm(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf, @RestForm String kind, @RestForm String name) {
        dashboard.session(cookie, csrf);
        Kind parsed = kind(kind);
        if (parsed == null || !fits(name)) {
            return Uni.createFrom().item(Dashboard.seeOther(PATH + (parsed == null ? "?error=kind" : "?error=word")));
        }
        return added(catalog.addTerm(parsed, name), "term");
    }

    /** A word customers use for a material or colour the catalog has. */
    @POST
    @Path("synonyms")
    public Uni<Response> addSynonym(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf, @RestForm String kind,
            @RestForm String word, @RestForm String canonical) {
        dashboard.session(cookie, csrf);
        Kind parsed = kind(kind);
        if (parsed == null || !fits(word) || !fits(canonical)) {
            return Uni.createFrom().item(Dashboard.seeOther(PATH + (parsed == null ? "?error=kind" : "?error=word")));
        }
        return added(catalog.addSynonym(parsed, word, canonical), "synonym");
    }

    private static Uni<Response> added(Uni<?> adding, String done) {
        return adding.map(ignored -> Dashboard.seeOther(PATH + "?done=" + done))
                .onFailure(CatalogRepository.Conflict.class).recoverWithItem(() -> Dashboard.seeOther(PATH + "?error=taken"))
                .onFailure(CatalogRepository.UnknownWord.class).recoverWithItem(() -> Dashboard.seeOther(PATH + "?error=unknown"));
    }

    private static Kind kind(String kind) {
        return "material".equals(kind) ? Kind.MATERIAL : "color".equals(kind) ? Kind.COLOR : null;
    }

    private static boolean fits(String word) {
        return word != null && !word.isBlank() && word.strip().length() <= CatalogRepository.MAX_WORD_LENGTH;
    }

    private static List<TermRow> rows(List<CatalogRepository.Term> terms) {
        return terms.stream().map(TermRow::of).toList();
    }
}
