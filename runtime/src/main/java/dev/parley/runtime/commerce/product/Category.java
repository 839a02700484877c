package dev.parley.runtime.commerce.product;

/** A category of the catalog; {@code products} counts its active products. */
public record Category(long id, String name, int position, int products) {
}
