package dev.parley.runtime.understanding;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/**
 * A small textile catalog's words, so that extraction can be tried on a runtime with no catalog of its own. Any other
 * {@link VocabularySource} bean takes its place.
 */
@DefaultBean
@ApplicationScoped
public class DemoVocabulary implements VocabularySource {

    static final Vocabulary VOCABULARY = new Vocabulary(
            Map.of(
                    "cotton", Set.of("mulmul"),
                    "silk", Set.of(),
                    "polyester", Set.of(),
                    "linen", Set.of(),
                    "rayon", Set.of("viscose"),
                    "wool", Set.of(),
                    "denim", Set.of("jeans"),
                    "georgette", Set.of()),
            Map.ofEntries(
                    Map.entry("red", Set.of()),
                    Map.entry("blue", Set.of()),
                    Map.entry("green", Set.of()),
                    Map.entry("yellow", Set.of()),
                    Map.entry("black", Set.of()),
                    Map.entry("white", Set.of()),
                    Map.entry("pink", Set.of()),
                    Map.entry("orange", Set.of()),
                    Map.entry("brown", Set.of()),
                    Map.entry("purple", Set.of()),
                    Map.entry("grey", Set.of()),
                    Map.entry("maroon", Set.of("wine")),
                    Map.entry("navy", Set.of("navy blue")),
                    Map.entry("cream", Set.of("off white")),
                    Map.entry("sky blue", Set.of())));

    @Override
    public Uni<Vocabulary> current() {
        return Uni.createFrom().item(VOCABULARY);
    }
}
