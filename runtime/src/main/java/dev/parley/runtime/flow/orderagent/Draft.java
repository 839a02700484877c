package dev.parley.runtime.flow.orderagent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The order a customer is putting together, kept in the conversation's data (so in the database, never only in
 * memory): its id, which buttons carry, and its items. Immutable: every change makes a new draft.
 */
record Draft(long orderId, List<Item> items) {

    Draft {
        items = List.copyOf(items);
    }

    static Optional<Draft> of(JsonObject data) {
        JsonObject json = data.getJsonObject("draft");
        if (json == null) {
            return Optional.empty();
        }
        List<Item> items = new ArrayList<>();
        json.getJsonArray("items").forEach(i -> items.add(Item.fromJson((JsonObject) i)));
        return Optional.of(new Draft(json.getLong("orderId"), items));
    }

    JsonObject toJson() {
        JsonArray list = new JsonArray();
        items.forEach(i -> list.add(i.toJson()));
        return new JsonObject().put("orderId", orderId).put("items", list);
    }

    int nextNo() {
        return items.stream().mapToInt(Item::no).max().orElse(0) + 1;
    }

    Optional<Item> item(int no) {
        return items.stream().filter(i -> i.no() == no).findFirst();
    }

    /** The first item still waiting for the customer's decision. */
    Optional<Item> negotiating() {
        return items.stream().filter(i -> i.status() == Item.Status.NEGOTIATING).findFirst();
    }

    List<Item> open() {
        return items.stream().filter(Item::isOpen).toList();
    }

    List<Item> accepted() {
        return items.stream().filter(i -> i.status() == Item.Status.ACCEPTED).toList();
    }

    Draft with(List<Item> replaced) {
        return new Draft(orderId, replaced);
    }

    Draft update(int no, UnaryOperator<Item> change) {
        return with(items.stream().map(i -> i.no() == no ? change.apply(i) : i).toList());
    }

    Draft plus(Item item) {
        List<Item> more = new ArrayList<>(items);
        more.add(item);
        return with(more);
    }
}
