package dev.parley.runtime.understanding;

import io.smallrye.mutiny.Uni;

/**
 * Where the catalog's words come from: the bot's catalog in its database
 * ({@link dev.parley.runtime.commerce.catalog.CatalogRepository}), so that a synonym the owner adds is understood
 * from the next message on.
 */
public interface VocabularySource {

    Uni<Vocabulary> current();
}
