package dev.parley.runtime.understanding;

import io.smallrye.mutiny.Uni;

/**
 * Where the catalog's words come from. The runtime has a demo catalog by default ({@link DemoVocabulary}); a bean that
 * reads the bot's catalog from its database replaces it by being there.
 */
public interface VocabularySource {

    Uni<Vocabulary> current();
}
