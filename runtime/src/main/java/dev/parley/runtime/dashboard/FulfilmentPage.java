package dev.parley.runtime.dashboard;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;

import dev.parley.runtime.commerce.order.Decision;
import dev.parley.runtime.commerce.order.Fulfilment;
import dev.parley.runtime.commerce.order.OrderDecisions;
import dev.parley.runtime.outbox.OutboxDelivery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * An accepted order's next fulfilment step from its page (Preparing, Ready, Shipped, Delivered, or Cancelled with a
 * reason), for an order of any flow, through the same {@link OrderDecisions#fulfil} as the owner API's
 * {@code POST /api/v1/orders/{id}/fulfilment}: forward only, the customer told. The browser lands back on the order's
 * page, which says what happened or why nothing did.
 */
@Path(Dashboard.ROOT + "/fulfilment")
@Produces(Dashboard.HTML)
public class FulfilmentPage {

    /** Where the order's page says that a cancellation was asked for without a reason. */
    static final String REASON_NEEDED = "reasonNeeded";
    private static final int MAX_REASON = 500;

    private final Dashboard dashboard;
    private final Pool pool;
    private final OrderDecisions decisions;
    private final OutboxDelivery delivery;

    public FulfilmentPage(Dashboard dashboard, Pool pool, OrderDecisions decisions, OutboxDelivery delivery) {
        this.dashboard = dashboard;
        this.pool = pool;
        this.decisions = decisions;
        this.delivery = delivery;
    }

    @POST
    @Path("{id: \\d{1,18}}")
    public Uni<Response> move(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf, @PathParam("id") long id, @RestForm String to,
            @RestForm String reason) {
        dashboard.session(cookie, csrf);
        String order = OrdersPage.ALL + "/" + id;
        Fulfilment step;
        try {
            step = Fulfilment.named(to == null ? "" : to);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Dashboard.seeOther(order));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (step == Fulfilment.CANCELLED && why == null) {
            return Uni.createFrom().item(Dashboard.seeOther(order + "?moved=" + REASON_NEEDED));
        }
        String given = why != null && why.length() > MAX_REASON ? why.substring(0, MAX_REASON) : why;
        return pool.withTransaction(tx -> decisions.fulfil(tx, id, step, OrdersPage.DECIDED_BY, given)).map(decision -> {
            if (decision instanceof Decision.Refused refused) {
                return Dashboard.seeOther(order + "?refused=" + refused.reason().name());
            }
            delivery.kick();
            return Dashboard.seeOther(order + "?moved=" + step.name());
        });
    }
}
