package dev.parley.runtime.commerce.order;

import java.time.Instant;
import java.util.Objects;

import io.vertx.core.json.JsonObject;

/**
 * One state change of one order, as the event stream and the webhooks carry it.
 *
 * @param id       the event's place in the bot's stream, given at commit in commit order ({@link OrderEvents}): the SSE
 *                 id a client resumes after, and the id a webhook receiver deduplicates by
 * @param type     what happened: {@code order.placed}, {@code order.approved}, {@code order.rejected}, ...
 * @param state    the order's state after it
 * @param data     what else the change has to say (the invoice of an approval, the reason of a rejection)
 */
public record OrderEvent(long id, long orderId, String type, String state, JsonObject data, Instant occurredAt) {

    public OrderEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        data = data == null ? new JsonObject() : data;
    }

    /** The JSON every reader gets: the SSE event's data, a webhook's body. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("type", type).put("orderId", orderId).put("state", state)
                .put("occurredAt", occurredAt.toString()).put("data", data);
    }
}
