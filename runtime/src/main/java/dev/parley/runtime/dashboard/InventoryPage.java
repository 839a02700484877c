package dev.parley.runtime.dashboard;

import java.math.BigDecimal;
import java.util.HashMap;
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

import dev.parley.runtime.commerce.catalog.CatalogRepository;
import dev.parley.runtime.commerce.inventory.InventoryRepository;
import dev.parley.runtime.commerce.inventory.NewBatch;
import dev.parley.runtime.config.CommerceSettings;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;

/**
 * Stock: the batches, entering a new one, and correcting what one holds with a reason that the audit trail keeps
 * ({@link InventoryRepository#correct}), through the same repository as the owner API.
 */
@Path(Dashboard.ROOT + "/inventory")
@Produces(Dashboard.HTML)
public class InventoryPage {

    static final String PATH = Dashboard.ROOT + "/inventory";
    private static final int CORRECTIONS = 50;

    /** A correction in the audit trail. */
    @TemplateData
    public record CorrectionRow(long batchId, String before, String after, String reason, String correctedBy, String at) {
        static CorrectionRow of(InventoryRepository.Correction c) {
            return new CorrectionRow(c.batchId(), c.rollsBefore() + " + " + Views.length(c.looseMetersBefore()),
                    c.rollsAfter() + " + " + Views.length(c.looseMetersAfter()), c.reason(), c.correctedBy(), Views.time(c.correctedAt()));
        }
    }

    private final Dashboard dashboard;
    private final InventoryRepository inventory;
    private final String currency;

    public InventoryPage(Dashboard dashboard, InventoryRepository inventory, CommerceSettings settings) {
        this.dashboard = dashboard;
        this.inventory = inventory;
        this.currency = settings.currency();
    }

    @GET
    public Uni<String> list(@RestCookie(SessionCookie.NAME) String cookie, @QueryParam("done") String done, @QueryParam("error") String error) {
        SessionCookie.Session session = dashboard.session(cookie);
        return inventory.list(null, null).flatMap(batches -> inventory.corrections(CORRECTIONS).map(corrections -> {
            Map<String, Object> data = new HashMap<>();
            data.put("batches", batches.stream().map(b -> Views.BatchRow.of(b, currency)).toList());
            data.put("corrections", corrections.stream().map(CorrectionRow::of).toList());
            data.put("done", "added".equals(done) || "corrected".equals(done) ? done : "");
            data.put("error", error != null && error.matches("[a-zA-Z]{1,20}") ? error : "");
            data.put("currency", currency);
            return dashboard.page("inventory", session, PATH, data);
        }));
    }

    @POST
    @Path("batches")
    public Uni<Response> add(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf, @RestForm String material,
            @RestForm String color, @RestForm String rolls, @RestForm String metersPerRoll, @RestForm String looseMeters,
            @RestForm String dyeLot, @RestForm String price) {
        dashboard.session(cookie, csrf);
        NewBatch batch;
        try {
            OptionalLong priceMinor = CustomersPage.minorUnits(price, currency);
            batch = new NewBatch(text(material), text(color), Integer.parseInt(rolls.strip()), new BigDecimal(metersPerRoll.strip()),
                    new BigDecimal(looseMeters == null || looseMeters.isBlank() ? "0" : looseMeters.strip()),
                    dyeLot == null || dyeLot.isBlank() ? null : dyeLot.strip(), priceMinor.orElseThrow(IllegalArgumentException::new), null);
        } catch (RuntimeException e) {
            return Uni.createFrom().item(Dashboard.seeOther(PATH + "?error=batch"));
        }
        return inventory.create(batch).map(created -> Dashboard.seeOther(PATH + "?done=added"))
                .onFailure(CatalogRepository.UnknownWord.class).recoverWithItem(() -> Dashboard.seeOther(PATH + "?error=unknownWord"));
    }

    @POST
    @Path("batches/{id: \\d{1,18}}/correction")
    public Uni<Response> correct(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf, @PathParam("id") long id,
            @RestForm String rolls, @RestForm String looseMeters, @RestForm String reason) {
        dashboard.session(cookie, csrf);
        int wholeRolls;
        BigDecimal loose;
        try {
            wholeRolls = Integer.parseInt(rolls.strip());
            loose = new BigDecimal(looseMeters.strip());
        } catch (RuntimeException e) {
            return Uni.createFrom().item(Dashboard.seeOther(PATH + "?error=correction"));
        }
        if (reason == null || reason.isBlank()) {
            return Uni.createFrom().item(Dashboard.seeOther(PATH + "?error=reason"));
        }
        return inventory.correct(id, wholeRolls, loose, reason, OrdersPage.DECIDED_BY)
                .map(done -> Dashboard.seeOther(PATH + (done.isPresent() ? "?done=corrected" : "?error=noBatch")))
                .onFailure(IllegalArgumentException.class).recoverWithItem(() -> Dashboard.seeOther(PATH + "?error=correction"));
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty");
        }
        return value.strip();
    }
}
