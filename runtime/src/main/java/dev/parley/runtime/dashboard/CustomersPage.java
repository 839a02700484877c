package dev.parley.runtime.dashboard;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;

import dev.parley.runtime.commerce.Money;
import dev.parley.runtime.commerce.ledger.Ledger;
import dev.parley.runtime.commerce.ledger.LedgerEntry;
import dev.parley.runtime.config.CommerceSettings;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Customers with their balance due; one customer's ledger, and recording a payment through the same {@link Ledger} as the owner API. */
@Path(Dashboard.ROOT + "/customers")
@Produces(Dashboard.HTML)
public class CustomersPage {

    static final String PATH = Dashboard.ROOT + "/customers";
    /** Who recorded a payment, as the ledger keeps it. */
    static final String RECORDED_BY = "dashboard";
    private static final int MOST = 500;
    private static final int MAX_NOTE = 200;

    /** A customer in the list. */
    @TemplateData
    public record CustomerRow(long id, String name, String channel, String chatId, String balance, boolean owes) {
        static CustomerRow of(Ledger.Account account, String currency) {
            return new CustomerRow(account.customerId(), account.name() == null ? "#" + account.customerId() : account.name(), account.channel(),
                    account.chatId(), Money.format(account.balanceMinor(), currency), account.balanceMinor() > 0);
        }
    }

    /** A ledger entry: invoices positive, payments negative. */
    @TemplateData
    public record EntryRow(String kind, String amount, Long invoiceId, String note, String recordedBy, String at) {
        static EntryRow of(LedgerEntry entry, String currency) {
            return new EntryRow(entry.kind().name(), Money.format(entry.amountMinor(), currency), entry.invoiceId(), entry.note(),
                    entry.recordedBy(), Views.time(entry.recordedAt()));
        }
    }

    private final Dashboard dashboard;
    private final Pool pool;
    private final Ledger ledger;
    private final String currency;

    public CustomersPage(Dashboard dashboard, Pool pool, Ledger ledger, CommerceSettings settings) {
        this.dashboard = dashboard;
        this.pool = pool;
        this.ledger = ledger;
        this.currency = settings.currency();
    }

    @GET
    public Uni<String> list(@RestCookie(SessionCookie.NAME) String cookie) {
        SessionCookie.Session session = dashboard.session(cookie);
        return ledger.accounts(pool, MOST).map(accounts -> dashboard.page("customers", session, PATH,
                Map.of("customers", accounts.stream().map(a -> CustomerRow.of(a, currency)).toList())));
    }

    @GET
    @Path("{id: \\d{1,18}}")
    public Uni<Response> one(@RestCookie(SessionCookie.NAME) String cookie, @PathParam("id") long id, @QueryParam("paid") String paid,
            @QueryParam("error") String error) {
        SessionCookie.Session session = dashboard.session(cookie);
        return ledger.account(pool, id)
                .flatMap(account -> ledger.entries(pool, id).map(entries -> {
                    Map<String, Object> data = new HashMap<>();
                    data.put("customer", CustomerRow.of(account, currency));
                    data.put("entries", entries.stream().map(e -> EntryRow.of(e, currency)).toList());
                    data.put("paid", "1".equals(paid));
                    data.put("error", "amount".equals(error));
                    data.put("currency", currency);
                    return Response.ok(dashboard.page("customer", session, PATH, data), Dashboard.HTML).build();
                }))
                .onFailure(Ledger.UnknownCustomer.class).recoverWithItem(() -> Response.status(Response.Status.NOT_FOUND).type(Dashboard.HTML)
                        .entity(dashboard.page("not-found", session, PATH, Map.of())).build());
    }

    @POST
    @Path("{id: \\d{1,18}}/payments")
    public Uni<Response> pay(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf, @PathParam("id") long id,
            @RestForm String amount, @RestForm String note) {
        dashboard.session(cookie, csrf);
        OptionalLong minor = minorUnits(amount, currency);
        if (minor.isEmpty()) {
            return Uni.createFrom().item(Dashboard.seeOther(PATH + "/" + id + "?error=amount"));
        }
        String kept = note == null || note.isBlank() ? null : note.strip().substring(0, Math.min(note.strip().length(), MAX_NOTE));
        return pool.withTransaction(tx -> ledger.recordPayment(tx, id, minor.getAsLong(), kept, RECORDED_BY))
                .map(entry -> Dashboard.seeOther(PATH + "/" + id + "?paid=1"));
    }

    /**
     * An amount the owner typed in the currency's major units ({@code 1500} or {@code 1,500.50}) as minor units;
     * empty when it is not a positive amount with at most the currency's decimals, or above one payment's bound.
     */
    static OptionalLong minorUnits(String typed, String currency) {
        if (typed == null || typed.isBlank() || typed.length() > 30) {
            return OptionalLong.empty();
        }
        try {
            BigDecimal major = new BigDecimal(typed.strip().replace(",", ""));
            int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
            if (major.signum() <= 0 || major.stripTrailingZeros().scale() > digits) {
                return OptionalLong.empty();
            }
            BigDecimal minor = major.movePointRight(digits);
            if (minor.compareTo(BigDecimal.valueOf(Money.MAX_PAYMENT_MINOR)) > 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(minor.longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

}
