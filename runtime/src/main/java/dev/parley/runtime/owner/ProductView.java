package dev.parley.runtime.owner;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.parley.runtime.commerce.product.Category;
import dev.parley.runtime.commerce.product.CsvImport;
import dev.parley.runtime.commerce.product.Product;

/** A product of the shop as the owner API shows it. Money in minor units of the bot's currency. */
@Schema(name = "Product", description = "A product of the shop: price in minor units, whole units in stock")
public record ProductView(long id, String sku, String name, String description, long categoryId, String category, long priceMinor, int stock,
        @Schema(nullable = true) String imageUrl, boolean active) {

    static ProductView of(Product p) {
        return new ProductView(p.id(), p.sku(), p.name(), p.description(), p.categoryId(), p.category(), p.priceMinor(), p.stock(), p.imageUrl(),
                p.active());
    }

    /** {@code {"products": [...]}}, by SKU. */
    @Schema(name = "Products")
    public record Products(List<ProductView> products) {
    }

    @Schema(name = "ProductCategory", description = "A category; products counts its active products")
    public record CategoryView(long id, String name, int position, int products) {

        static CategoryView of(Category c) {
            return new CategoryView(c.id(), c.name(), c.position(), c.products());
        }
    }

    @Schema(name = "ProductCategories")
    public record Categories(List<CategoryView> categories) {
    }

    /** What a CSV import did: rows created and updated, and each refused row with its line number and problems. */
    @Schema(name = "ProductImport", description = "The rows that went in, and every refused row with why")
    public record ImportReport(int created, int updated, List<RefusedRow> refused) {
    }

    @Schema(name = "ProductImportRefusedRow")
    public record RefusedRow(int line, @Schema(nullable = true) String sku, List<String> problems) {

        static RefusedRow of(CsvImport.Refused r) {
            return new RefusedRow(r.line(), r.sku(), r.problems());
        }
    }
}
