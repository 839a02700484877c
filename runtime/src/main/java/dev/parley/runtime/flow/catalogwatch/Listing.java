package dev.parley.runtime.flow.catalogwatch;

import dev.parley.runtime.catalogwatch.CatalogSearch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The list a customer is looking at, kept in the conversation's data so that Next, Previous, Filters and Back work on
 * any replica: a search ({@code text}, possibly none) or the newest products, its filters, its page; and the facet
 * values last offered, which the filter buttons name by position (a value may be longer than a button id may be).
 */
record Listing(String mode, String text, CatalogSearch.Filters filters, int page, JsonObject offered) {

    static final String SEARCH = "search";
    static final String NEW = "new";
    static final String RECOMMEND = "recommend";

    static Listing of(JsonObject data) {
        JsonObject list = data.getJsonObject("list");
        if (list == null) {
            return new Listing(SEARCH, null, CatalogSearch.Filters.NONE, 0, new JsonObject());
        }
        JsonObject f = list.getJsonObject("filters", new JsonObject());
        return new Listing(list.getString("mode", SEARCH), list.getString("text"),
                new CatalogSearch.Filters(f.getString("category"), f.getString("brand"), f.getString("origin"), f.getLong("min"), f.getLong("max"),
                        f.getBoolean("available", false)),
                list.getInteger("page", 0), list.getJsonObject("offered", new JsonObject()));
    }

    boolean exists(JsonObject data) {
        return data.getJsonObject("list") != null;
    }

    JsonObject into(JsonObject data) {
        JsonObject f = new JsonObject().put("category", filters.category()).put("brand", filters.brand()).put("origin", filters.origin())
                .put("min", filters.minPriceMinor()).put("max", filters.maxPriceMinor()).put("available", filters.availableOnly());
        return data.copy().put("list", new JsonObject().put("mode", mode).put("text", text).put("filters", f).put("page", page)
                .put("offered", offered));
    }

    Listing withPage(int page) {
        return new Listing(mode, text, filters, Math.max(0, page), offered);
    }

    Listing withFilters(CatalogSearch.Filters filters) {
        return new Listing(mode, text, filters, 0, offered);
    }

    Listing withOffered(JsonObject offered) {
        return new Listing(mode, text, filters, page, offered);
    }

    /** The value offered at {@code index} of a facet ({@code c}, {@code b}, {@code o}), or null. */
    String offered(String facet, int index) {
        JsonArray values = offered.getJsonArray(facet, new JsonArray());
        return index >= 0 && index < values.size() ? values.getString(index) : null;
    }
}
