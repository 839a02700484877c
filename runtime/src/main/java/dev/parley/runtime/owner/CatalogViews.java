package dev.parley.runtime.owner;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.parley.runtime.commerce.catalog.CatalogRepository;

/** The catalog's vocabulary as the owner API shows it. */
public final class CatalogViews {

    private CatalogViews() {
    }

    /** A material or colour by its canonical name, with the synonyms customers use for it. */
    @Schema(name = "CatalogTerm")
    public record Term(String name, List<String> synonyms) {

        static Term of(CatalogRepository.Term term) {
            return new Term(term.name(), List.copyOf(term.synonyms()));
        }
    }

    @Schema(name = "Materials")
    public record Materials(List<Term> materials) {
    }

    @Schema(name = "Colors")
    public record Colors(List<Term> colors) {
    }

    /** A word customers use for a canonical name of its kind. */
    @Schema(name = "Synonym")
    public record Synonym(@Schema(enumeration = {"material", "color"}) String kind, String word, String canonical) {

        static Synonym of(CatalogRepository.Synonym synonym) {
            return new Synonym(synonym.kind().singular(), synonym.word(), synonym.canonical());
        }
    }

    @Schema(name = "Synonyms")
    public record Synonyms(List<Synonym> synonyms) {
    }
}
