package dev.parley.runtime.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.jboss.resteasy.reactive.RestCookie;

import dev.parley.runtime.commerce.order.OrderEvent;
import dev.parley.runtime.commerce.order.OrderEventFeed;
import dev.parley.runtime.commerce.order.OrderEvents;
import dev.parley.runtime.webhook.WebhookHealth;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The order-event stream as the owner sees it: the latest events of every order (placed, approved, rejected, each
 * fulfilment step), newest first and kept current live, and the webhook subscribers that receive them with how their
 * delivery goes. The same stream and health as {@code GET /api/v1/orders/events} and {@code /api/v1/integrations/webhooks}.
 */
@Path(Dashboard.ROOT + "/events")
@Produces(Dashboard.HTML)
public class EventsPage {

    static final String PATH = Dashboard.ROOT + "/events";
    static final int SHOWN = 50;

    /** One event: its stream id, order, type, the state or fulfilment step it led to, who did it, and when. */
    @TemplateData
    public record EventRow(long id, long orderId, String type, String step, String by, String reason, String at) {
        static EventRow of(OrderEvent event) {
            String fulfilment = event.data().getString("fulfilment");
            return new EventRow(event.id(), event.orderId(), event.type(), fulfilment != null ? "step." + fulfilment : "state." + event.state(),
                    event.data().getString("by", ""), event.data().getString("reason", ""), Views.time(event.occurredAt()));
        }
    }

    private final Dashboard dashboard;
    private final Pool pool;
    private final OrderEventFeed feed;
    private final WebhookHealth webhooks;

    public EventsPage(Dashboard dashboard, Pool pool, OrderEventFeed feed, WebhookHealth webhooks) {
        this.dashboard = dashboard;
        this.pool = pool;
        this.feed = feed;
        this.webhooks = webhooks;
    }

    @GET
    public Uni<String> page(@RestCookie(SessionCookie.NAME) String cookie) {
        SessionCookie.Session session = dashboard.session(cookie);
        return latest().flatMap(events -> webhooks.current().map(subscribers -> {
            Map<String, Object> data = new HashMap<>();
            data.put("events", events);
            data.put("signature", signature(events));
            data.put("subscribers", subscribers);
            return dashboard.page("events", session, PATH, data);
        }));
    }

    /** The list alone, which the page fetches when the live stream says a new event was committed. */
    @GET
    @Path("list")
    public Uni<String> list(@RestCookie(SessionCookie.NAME) String cookie) {
        SessionCookie.Session session = dashboard.session(cookie);
        return latest().map(events -> dashboard.page("events-list", session, PATH, Map.of("events", events, "signature", signature(events))));
    }

    /** The newest event's stream id now, then each new one's as it is committed, on any replica. */
    @GET
    @Path("live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@Context Sse sse) {
        return dashboard.live(sse, OrderEvents.latest(pool).onItem().transformToMulti(latest -> Multi.createBy().concatenating().streams(
                Multi.createFrom().item(latest), feed.follow(latest, Optional.empty()).map(OrderEvent::id)))
                .map(String::valueOf));
    }

    /** The newest {@link #SHOWN} events, newest first. */
    private Uni<List<EventRow>> latest() {
        return OrderEvents.newest(pool, SHOWN).map(events -> events.stream().map(EventRow::of).toList());
    }

    private static String signature(List<EventRow> events) {
        return events.isEmpty() ? "0" : String.valueOf(events.get(0).id());
    }
}
