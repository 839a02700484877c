package dev.parley.api.v1alpha1.bot;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a bot does in a conversation. */
public enum Flow {
    /** Free-text orders against batch-level stock, negotiated, approved by the owner, invoiced. */
    @JsonProperty("orderAgent") ORDER_AGENT,
    /** Catalog browsing with a cart and checkout. */
    @JsonProperty("shop") SHOP,
    /** Catalog search, watch lists and restock alerts. */
    @JsonProperty("catalogWatch") CATALOG_WATCH
}
