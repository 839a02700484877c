package dev.parley.runtime.commerce.product;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.parley.runtime.commerce.Money;

/**
 * A product as the owner gives it (the API's body, a CSV row), checked field by field: {@link #problems()} lists
 * every field that is wrong, so that one answer names them all.
 *
 * @param category the category's name; a new name makes a new category
 */
public record ProductInput(String sku, String name, String description, String category, long priceMinor, int stock, String imageUrl,
        boolean active) {

    public static final int MAX_STOCK = 1_000_000;
    static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    static final Pattern URL = Pattern.compile("https?://\\S{1,2000}");

    /** What is wrong with this product, one sentence a field; empty when nothing is. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (sku == null || !SKU.matcher(sku).matches()) {
            problems.add("sku is 1 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            problems.add("name is 1 to 100 characters");
        }
        if (description != null && description.length() > 1000) {
            problems.add("description is at most 1000 characters");
        }
        if (category == null || category.isBlank() || category.length() > 100) {
            problems.add("category is 1 to 100 characters");
        }
        if (priceMinor < 0 || priceMinor > Money.MAX_PAYMENT_MINOR) {
            problems.add("priceMinor is a whole number from 0 to " + Money.MAX_PAYMENT_MINOR);
        }
        if (stock < 0 || stock > MAX_STOCK) {
            problems.add("stock is a whole number from 0 to " + MAX_STOCK);
        }
        if (imageUrl != null && !URL.matcher(imageUrl).matches()) {
            problems.add("imageUrl is an http or https URL");
        }
        if (java.util.stream.Stream.of(sku, name, description, category, imageUrl).anyMatch(t -> t != null && t.indexOf('\u0000') >= 0)) {
            problems.add("a text contains the NUL character (U+0000), which cannot be stored");
        }
        return problems;
    }

    /** The same, with surrounding blanks taken off the texts and an empty description or image URL as none. */
    public ProductInput normalised() {
        return new ProductInput(strip(sku), strip(name), description == null ? "" : description.strip(), strip(category), priceMinor, stock,
                imageUrl == null || imageUrl.isBlank() ? null : imageUrl.strip(), active);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
