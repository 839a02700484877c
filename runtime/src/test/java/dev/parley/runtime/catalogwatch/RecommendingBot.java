package dev.parley.runtime.catalogwatch;

/** {@link UploadedCatalogBot} with the embedding model on: RecommendationsTest's, and no other class's. */
public class RecommendingBot extends UploadedCatalogBot {

    @Override
    protected boolean embeddings() {
        return true;
    }
}
