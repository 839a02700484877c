package dev.parley.runtime.owner;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.parley.runtime.commerce.order.OrderEvent;
import dev.parley.runtime.commerce.order.OrderEventFeed;
import dev.parley.runtime.commerce.order.OrderRepository;
import dev.parley.runtime.config.RuntimeConfig;
import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.http.ErrorBody;
import dev.parley.runtime.http.NotFound;
import dev.parley.runtime.http.SseHeartbeat;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The order events as Server-Sent Events: {@code GET /api/v1/orders/events} for every order,
 * {@code GET /api/v1/orders/{id}/events} for one. Each SSE event's {@code id} is the event's stream id, its
 * {@code event} the type ({@code order.placed}, ...), its data the event as JSON; a client that reconnects with
 * {@code Last-Event-ID} (as browsers' EventSource does by itself) gets what it missed, once.
 */
@Path("/api/v1/orders")
@Tag(name = "Order events", description = "Every state change of every order, as it commits, on any replica")
public class OrderEventResource {

    private static final Duration LOOKUP = Duration.ofSeconds(10);
    private static final Pattern STREAM_ID = Pattern.compile("\\d{1,18}");

    private final OrderEventFeed feed;
    private final OrderRepository orders;
    private final Pool pool;

    private final Duration heartbeat;

    public OrderEventResource(OrderEventFeed feed, OrderRepository orders, Pool pool, RuntimeConfig config) {
        this.heartbeat = config.eventsHeartbeat();
        this.feed = feed;
        this.orders = orders;
        this.pool = pool;
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow every order's events", description = "Events committed after Last-Event-ID (or ?after=), then each as it"
            + " commits. Without either, from the first event.")
    @APIResponse(responseCode = "200", description = "A text/event-stream of events")
    @APIResponse(responseCode = "400", description = "Last-Event-ID or after is not a stream id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public Multi<OutboundSseEvent> all(@Context Sse sse,
            @Parameter(description = "The last event id the client has") @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "The same as Last-Event-ID, for clients that cannot set headers") @QueryParam("after") String after)
            throws BadInput {
        return SseHeartbeat.with(feed.follow(after(lastEventId, after), Optional.empty()).map(event -> sse(sse, event)), sse, heartbeat);
    }

    @GET
    @Blocking
    @Path("{id: \\d{1,18}}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow one order's events", description = "As /api/v1/orders/events, for one order.")
    @APIResponse(responseCode = "200", description = "A text/event-stream of the order's events")
    @APIResponse(responseCode = "404", description = "There is no such order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public Multi<OutboundSseEvent> one(@Context Sse sse, @PathParam("id") long id, @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("after") String after) throws BadInput {
        long from = after(lastEventId, after);
        // The order is looked up before the stream's headers go out (hence on a worker thread), so that an unknown one
        // is a plain 404 rather than a stream cut short.
        if (orders.find(pool, id).await().atMost(LOOKUP).isEmpty()) {
            throw new NotFound("there is no order " + id);
        }
        return SseHeartbeat.with(feed.follow(from, Optional.of(id)).map(event -> sse(sse, event)), sse, heartbeat);
    }

    private static OutboundSseEvent sse(Sse sse, OrderEvent event) {
        return sse.newEventBuilder().id(String.valueOf(event.id())).name(event.type()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(event.toJson().encode()).build();
    }

    private static long after(String lastEventId, String after) throws BadInput {
        String given = lastEventId != null && !lastEventId.isBlank() ? lastEventId.strip() : after != null && !after.isBlank() ? after.strip() : null;
        if (given == null) {
            return 0;
        }
        if (!STREAM_ID.matcher(given).matches()) {
            throw new BadInput("Last-Event-ID (or after) is an event id, a whole number of up to 18 digits, not '" + given + "'");
        }
        return Long.parseLong(given);
    }
}
