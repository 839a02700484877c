package dev.parley.runtime.dashboard;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.jboss.resteasy.reactive.RestCookie;

import dev.parley.runtime.commerce.catalog.CatalogRepository;
import dev.parley.runtime.commerce.catalog.Kind;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;

/** The catalog's vocabulary: materials and colours with the synonyms customers use for them. */
@Path(Dashboard.ROOT + "/catalog")
@Produces(Dashboard.HTML)
public class CatalogPage {

    static final String PATH = Dashboard.ROOT + "/catalog";

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
    public Uni<String> list(@RestCookie(SessionCookie.NAME) String cookie) {
        SessionCookie.Session session = dashboard.session(cookie);
        return catalog.terms(Kind.MATERIAL).flatMap(materials -> catalog.terms(Kind.COLOR).map(colors -> dashboard.page("catalog", session, PATH,
                Map.of("materials", rows(materials), "colors", rows(colors)))));
    }

    private static List<TermRow> rows(List<CatalogRepository.Term> terms) {
        return terms.stream().map(TermRow::of).toList();
    }
}
