package dev.parley.runtime.dashboard;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;

import dev.parley.runtime.commerce.inventory.Batch;
import dev.parley.runtime.commerce.inventory.InventoryRepository;
import dev.parley.runtime.commerce.invoice.InvoiceRepository;
import dev.parley.runtime.commerce.order.Decision;
import dev.parley.runtime.commerce.order.InvoiceResend;
import dev.parley.runtime.commerce.order.Fulfilment;
import dev.parley.runtime.commerce.order.NewOrder;
import dev.parley.runtime.commerce.order.Order;
import dev.parley.runtime.commerce.order.OrderDecisions;
import dev.parley.runtime.commerce.order.OrderRepository;
import dev.parley.runtime.conversation.Transcript;
import dev.parley.runtime.outbox.OutboxDelivery;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Orders: those waiting for a decision (kept current by {@link WaitingOrdersFeed}), all orders by state, one order
 * with its lines, the batches each takes and what those hold now, its invoice's PDF; approving and rejecting, through
 * the same {@link OrderDecisions} as the owner API and the owner's chat.
 */
@Path(Dashboard.ROOT + "/orders")
@Produces(Dashboard.HTML)
public class OrdersPage {

    static final String ALL = Dashboard.ROOT + "/orders";
    static final String WAITING = ALL + "/waiting";
    /** Who decided, as the order and the ledger record it. */
    static final String DECIDED_BY = "dashboard";
    private static final int MOST = 200;
    private static final int MAX_REASON = 500;

    private final Dashboard dashboard;
    private final Pool pool;
    private final OrderRepository orders;
    private final OrderDecisions decisions;
    private final InventoryRepository inventory;
    private final InvoiceRepository invoices;
    private final OutboxDelivery delivery;
    private final WaitingOrdersFeed feed;

    public OrdersPage(Dashboard dashboard, Pool pool, OrderRepository orders, OrderDecisions decisions, InventoryRepository inventory,
            InvoiceRepository invoices, OutboxDelivery delivery, WaitingOrdersFeed feed) {
        this.dashboard = dashboard;
        this.pool = pool;
        this.orders = orders;
        this.decisions = decisions;
        this.inventory = inventory;
        this.invoices = invoices;
        this.delivery = delivery;
        this.feed = feed;
    }

    @GET
    @Path("waiting")
    public Uni<String> waiting(@RestCookie(SessionCookie.NAME) String cookie) {
        return waiting(dashboard.session(cookie), "orders-waiting");
    }

    /** The waiting list alone, which the page fetches when the feed says it changed. */
    @GET
    @Path("waiting/list")
    public Uni<String> waitingList(@RestCookie(SessionCookie.NAME) String cookie) {
        return waiting(dashboard.session(cookie), "orders-waiting-list");
    }

    @GET
    @Path("live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@Context Sse sse) {
        return dashboard.live(sse, feed.changes());
    }

    @GET
    public Uni<String> all(@RestCookie(SessionCookie.NAME) String cookie, @QueryParam("state") String state) {
        SessionCookie.Session session = dashboard.session(cookie);
        Optional<Order.State> wanted = Optional.empty();
        for (Order.State s : Order.State.values()) {
            if (s.name().equals(state)) {
                wanted = Optional.of(s);
            }
        }
        String chosen = wanted.map(Order.State::name).orElse("");
        return orders.list(pool, wanted, MOST).map(list -> dashboard.page("orders", session, ALL, Map.of(
                "orders", list.stream().map(o -> Views.OrderCard.of(o, Map.of())).toList(),
                "states", List.of(Order.State.values()).stream().map(Order.State::name).toList(),
                "chosen", chosen)));
    }

    @GET
    @Path("{id: \\d{1,18}}")
    public Uni<Response> one(@RestCookie(SessionCookie.NAME) String cookie, @PathParam("id") long id, @QueryParam("done") String done,
            @QueryParam("refused") String refused, @QueryParam("moved") String moved) {
        SessionCookie.Session session = dashboard.session(cookie);
        return orders.find(pool, id).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND).type(Dashboard.HTML)
                        .entity(dashboard.page("not-found", session, ALL, Map.of())).build());
            }
            Order order = found.get();
            return batchesNow(order).flatMap(batches -> transcript(order).map(transcript -> {
                Map<String, Object> data = new HashMap<>();
                data.put("order", Views.OrderCard.of(order, batches));
                data.put("done", "approved".equals(done) || "rejected".equals(done) || "invoiceSent".equals(done) ? done : "");
                data.put("refused", reason(refused));
                data.put("transcript", transcript);
                data.put("moved", moved(moved));
                return Response.ok(dashboard.page("order", session, ALL, data), Dashboard.HTML).build();
            }));
        });
    }

    @POST
    @Path("{id: \\d{1,18}}/approve")
    public Uni<Response> approve(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf, @PathParam("id") long id) {
        dashboard.session(cookie, csrf);
        return decided(id, pool.withTransaction(tx -> decisions.approve(tx, id, DECIDED_BY)));
    }

    @POST
    @Path("{id: \\d{1,18}}/reject")
    public Uni<Response> reject(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf, @PathParam("id") long id,
            @RestForm String reason) {
        dashboard.session(cookie, csrf);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            why = why.substring(0, MAX_REASON);
        }
        String given = why;
        return decided(id, pool.withTransaction(tx -> decisions.reject(tx, id, DECIDED_BY, given)));
    }

    @GET
    @Path("invoices/{invoice: \\d{1,18}}.pdf")
    @Produces({"application/pdf", Dashboard.HTML})
    public Uni<Response> invoicePdf(@PathParam("invoice") long invoice) {
        return invoices.pdf(pool, invoice).map(pdf -> pdf.isPresent()
                ? Response.ok(pdf.get(), "application/pdf").header("Content-Disposition", "attachment; filename=\"invoice-" + invoice + ".pdf\"")
                        .build()
                : Response.status(Response.Status.NOT_FOUND).type("text/plain;charset=UTF-8").entity("There is no invoice " + invoice).build());
    }

    /** Sends the order's invoice to the customer again ({@link OrderDecisions#sendInvoiceAgain}). */
    @POST
    @Path("{id: \\d{1,18}}/invoice/send")
    public Uni<Response> sendInvoice(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf, @PathParam("id") long id) {
        dashboard.session(cookie, csrf);
        return pool.withTransaction(tx -> decisions.sendInvoiceAgain(tx, id)).map(resend -> {
            if (resend instanceof InvoiceResend.NotSent notSent) {
                return Dashboard.seeOther(ALL + "/" + id + "?refused=" + notSent.why().name());
            }
            delivery.kick();
            return Dashboard.seeOther(ALL + "/" + id + "?done=invoiceSent");
        });
    }

    /** The order's page after a decision: what was done, or why nothing was. */
    private Uni<Response> decided(long id, Uni<Decision> decision) {
        return decision.map(d -> {
            if (d instanceof Decision.Refused r) {
                return Dashboard.seeOther(ALL + "/" + id + "?refused=" + r.reason().name());
            }
            delivery.kick();
            return Dashboard.seeOther(ALL + "/" + id + "?done=" + (d instanceof Decision.Approved ? "approved" : "rejected"));
        });
    }

    /** The waiting orders in a template, with the signature the live feed compares. */
    private Uni<String> waiting(SessionCookie.Session session, String template) {
        return orders.list(pool, Optional.of(Order.State.WAITING_OWNER_CONFIRMATION), MOST)
                .map(list -> list.stream().map(o -> Views.OrderCard.of(o, Map.of())).toList())
                .map(cards -> dashboard.page(template, session, WAITING, Map.of("orders", cards, "signature", signature(cards))));
    }

    private static String signature(List<Views.OrderCard> cards) {
        return WaitingOrdersFeed.signature(cards.stream().map(Views.OrderCard::id).sorted().toList());
    }

    /** What the order's batches hold now, so that the owner sees the stock an approval took. */
    private Uni<Map<Long, Batch>> batchesNow(Order order) {
        Set<Long> ids = new LinkedHashSet<>();
        order.lines().stream().flatMap(line -> line.takes().stream()).map(NewOrder.Take::batchId).forEach(ids::add);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Optional<Batch>>> finds = ids.stream().map(inventory::find).toList();
        return Uni.join().all(finds).andFailFast().map(found -> {
            Map<Long, Batch> batches = new HashMap<>();
            found.forEach(b -> b.ifPresent(batch -> batches.put(batch.id(), batch)));
            return batches;
        });
    }

    /** How far before its confirmation, and after the last thing that happened to it, an order's conversation reaches. */
    static final Duration CONVERSATION = Duration.ofHours(12);

    /**
     * The order's conversation on its channel, whichever it is: what the customer said and the bot wrote between the
     * customer's previous order and their next ({@link OrderRepository#conversationWindow}).
     */
    private Uni<List<Views.Said>> transcript(Order order) {
        return orders.conversationWindow(pool, order, CONVERSATION)
                .flatMap(window -> Transcript.between(pool, order.channel(), order.chatId(), window.from(), window.to()))
                .map(lines -> lines.stream().map(Views.Said::of).toList());
    }

    /** A fulfilment step taken ({@link FulfilmentPage}), or its refusal for want of a reason. */
    private static String moved(String moved) {
        for (Fulfilment step : Fulfilment.values()) {
            if (step.name().equals(moved)) {
                return step.name();
            }
        }
        return FulfilmentPage.REASON_NEEDED.equals(moved) ? moved : "";
    }

    /** A refusal's name, when it is one the page has words for (a decision's, or a resend's). */
    private static String reason(String refused) {
        for (Decision.Reason reason : Decision.Reason.values()) {
            if (reason.name().equals(refused)) {
                return reason.name();
            }
        }
        for (InvoiceResend.Why why : InvoiceResend.Why.values()) {
            if (why.name().equals(refused)) {
                return why.name();
            }
        }
        return "";
    }
}
