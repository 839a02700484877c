package dev.parley.runtime.flow.orderagent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.parley.runtime.commerce.inventory.Quantity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One item of an order being put together: what the customer wants now ({@code wanted}: what they asked for, or
 * the available part once they accepted it), where it stands, and what the stock said when it was last checked.
 *
 * @param no          the item's number in the order, from 1, never reused (a replacement gets a new one)
 * @param available   what the stock could give at the last check (null before the first)
 * @param suggestions alternatives offered while it is negotiated, at most three
 * @param replaces    the number of the item this one replaces, or 0
 */
record Item(int no, String material, String color, Quantity wanted, Status status, Stock stock, Quantity available,
        List<Choice> suggestions, int replaces) {

    /** The order agent's item statuses (docs/architecture.md). */
    enum Status {
        NEGOTIATING, ACCEPTED, CANCELLED, REPLACED
    }

    /** The order agent's stock statuses (docs/architecture.md). */
    enum Stock {
        FULL_AVAILABLE, PARTIAL_AVAILABLE, OUT_OF_STOCK
    }

    /** An alternative: another colour of the material, or the colour in another material, and how much there is. */
    record Choice(String material, String color, BigDecimal meters) {
    }

    Item {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(wanted, "wanted");
        Objects.requireNonNull(status, "status");
        suggestions = List.copyOf(suggestions);
    }

    static Item wanted(int no, String material, String color, Quantity wanted, int replaces) {
        return new Item(no, material, color, wanted, Status.NEGOTIATING, null, null, List.of(), replaces);
    }

    /** Still part of the order: neither cancelled nor replaced. */
    boolean isOpen() {
        return status == Status.NEGOTIATING || status == Status.ACCEPTED;
    }

    Item with(Status status) {
        return new Item(no, material, color, wanted, status, stock, available, suggestions, replaces);
    }

    Item wanting(Quantity quantity) {
        return new Item(no, material, color, quantity, status, stock, available, suggestions, replaces);
    }

    Item checked(Status status, Stock stock, Quantity available, List<Choice> suggestions) {
        return new Item(no, material, color, wanted, status, stock, available, suggestions, replaces);
    }

    /** "blue cotton" */
    String name() {
        return color + " " + material;
    }

    JsonObject toJson() {
        JsonArray choices = new JsonArray();
        suggestions.forEach(c -> choices.add(new JsonObject().put("material", c.material()).put("color", c.color())
                .put("meters", c.meters().toPlainString())));
        JsonObject json = new JsonObject().put("no", no).put("material", material).put("color", color)
                .put("wanted", quantity(wanted)).put("status", status.name()).put("suggestions", choices).put("replaces", replaces);
        if (stock != null) {
            json.put("stock", stock.name()).put("available", quantity(available));
        }
        return json;
    }

    static Item fromJson(JsonObject json) {
        List<Choice> choices = new ArrayList<>();
        json.getJsonArray("suggestions", new JsonArray()).forEach(c -> {
            JsonObject choice = (JsonObject) c;
            choices.add(new Choice(choice.getString("material"), choice.getString("color"), new BigDecimal(choice.getString("meters"))));
        });
        String stock = json.getString("stock");
        return new Item(json.getInteger("no"), json.getString("material"), json.getString("color"), quantity(json.getJsonObject("wanted")),
                Status.valueOf(json.getString("status")), stock == null ? null : Stock.valueOf(stock),
                stock == null ? null : quantity(json.getJsonObject("available")), choices, json.getInteger("replaces", 0));
    }

    private static JsonObject quantity(Quantity quantity) {
        return new JsonObject().put("unit", quantity.unit().name()).put("amount", quantity.amount().toPlainString());
    }

    private static Quantity quantity(JsonObject json) {
        return new Quantity(Quantity.Unit.valueOf(json.getString("unit")), new BigDecimal(json.getString("amount")));
    }
}
