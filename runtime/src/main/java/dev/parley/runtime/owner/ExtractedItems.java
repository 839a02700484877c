package dev.parley.runtime.owner;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.parley.runtime.understanding.OrderLine;

/** What the extractor read in a message: {@code {"items": [{"material", "color", "meters" or "rolls"}]}}. */
@Schema(name = "ExtractedItems")
public record ExtractedItems(List<Item> items) {

    /** One line, in meters (two decimals) or whole rolls: the other field is absent. */
    @Schema(name = "ExtractedItem")
    public record Item(String material, String color, @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal meters,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer rolls) {
    }

    static ExtractedItems of(List<OrderLine> lines) {
        return new ExtractedItems(lines.stream().map(l -> new Item(l.material(), l.color(), l.meters(), l.rolls())).toList());
    }
}
