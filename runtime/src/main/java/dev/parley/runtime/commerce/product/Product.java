package dev.parley.runtime.commerce.product;

/**
 * A product of the shop: price in minor units, whole units in stock.
 *
 * @param imageUrl null when the product has no picture
 * @param active an inactive product is neither shown nor sold, but stays for the orders that name it
 */
public record Product(long id, String sku, String name, String description, long categoryId, String category, long priceMinor, int stock,
        String imageUrl, boolean active) {

    public boolean inStock() {
        return active && stock > 0;
    }
}
