package dev.parley.runtime.owner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.parley.runtime.commerce.inventory.Quantity;
import dev.parley.runtime.commerce.order.OrderRepository;
import dev.parley.runtime.flow.orderagent.ApiOrders;
import dev.parley.runtime.http.BadInput;
import dev.parley.runtime.http.Conflict;
import dev.parley.runtime.http.ErrorBody;
import dev.parley.runtime.http.Errors;
import dev.parley.runtime.http.JsonBody;
import dev.parley.runtime.http.NotFound;
import dev.parley.runtime.outbox.OutboxDelivery;
import dev.parley.runtime.understanding.OrderExtractor;
import dev.parley.runtime.understanding.OrderLine;
import dev.parley.runtime.understanding.Vocabulary;
import dev.parley.runtime.understanding.VocabularySource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * {@code POST /api/v1/orders}: an order from another system (a web shop, a point of sale, a kitchen display), for a
 * customer by number, by chat, or by name alone, as free text (read by the bot's understanding, rules or model, as a
 * chat message is) or as lines in catalog words. It then goes the way of a chat order ({@link ApiOrders}). With an
 * {@code Idempotency-Key}, a retry gets the first answer again ({@link IdempotencyKeys}).
 */
@Path("/api/v1/orders")
@Tag(name = "Orders", description = "Orders customers confirmed, and the owner's decision on them")
public class OrderIntakeResource {

    static final String OPERATION = "POST /api/v1/orders";
    static final int MAX_TEXT = 2000;
    static final int MAX_LINES = 50;
    static final int MAX_NAME = 200;
    static final int MAX_CHAT_ID = 100;
    private static final Set<String> CHANNELS = Set.of("telegram", "whatsapp", "console");
    private static final Set<String> LANGUAGES = Set.of("en", "hi");

    private final Pool pool;
    private final ApiOrders intake;
    private final OrderRepository orders;
    private final IdempotencyKeys keys;
    private final OrderExtractor extractor;
    private final VocabularySource vocabulary;
    private final OutboxDelivery delivery;
    private final ObjectMapper json;

    public OrderIntakeResource(Pool pool, ApiOrders intake, OrderRepository orders, IdempotencyKeys keys, OrderExtractor extractor,
            VocabularySource vocabulary, OutboxDelivery delivery, ObjectMapper json) {
        this.pool = pool;
        this.intake = intake;
        this.orders = orders;
        this.keys = keys;
        this.extractor = extractor;
        this.vocabulary = vocabulary;
        this.delivery = delivery;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place an order from another system", description = "{\"customer\": {\"id\": 5} | {\"channel\": \"telegram\","
            + " \"chatId\": \"42\", \"name\": \"Asha\"} | {\"name\": \"Asha\"}, \"text\": \"10m blue cotton aur 2 than red silk\"} or with"
            + " \"lines\": [{\"material\": \"cotton\", \"color\": \"blue\", \"meters\": 10}, {\"material\": \"silk\", \"color\": \"red\","
            + " \"rolls\": 2}], optionally \"language\": \"en\" | \"hi\". The stock is checked; the order then waits for the owner, or is"
            + " approved at once when the Bot's commerce.approval is automatic.")
    @APIResponse(responseCode = "201", description = "Placed (or replayed: the header Idempotent-Replayed is true)",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "The body is not an order: the error names the field",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "There is no customer of that id (reason UNKNOWN_CUSTOMER)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "A line the stock cannot fill (reason OUT_OF_STOCK); nothing was stored",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body (reason IDEMPOTENCY_KEY_REUSED)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Response> place(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Makes a retry safe: the same key and body get the first answer again, for at least 24 hours")
            @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) throws BadInput {
        if (contentType == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType.strip()))) {
            return Uni.createFrom().item(Errors.status(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "an order is sent as application/json, not " + (contentType == null ? "a body without Content-Type" : contentType)));
        }
        if (idempotencyKey != null && !IdempotencyKeys.valid(idempotencyKey)) {
            throw new BadInput("Idempotency-Key is 1 to " + IdempotencyKeys.MAX_KEY + " visible ASCII characters");
        }
        Parsed parsed = parse(JsonBody.object(body));
        return vocabulary.current()
                // A model extractor waits on the network: never on the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(words -> lines(parsed, words))
                .flatMap(lines -> pool.withTransaction(tx -> {
                    Uni<Optional<IdempotencyKeys.Seen>> seen = idempotencyKey == null ? Uni.createFrom().item(Optional.empty())
                            : keys.claim(tx, OPERATION, idempotencyKey, body);
                    return seen.flatMap(before -> before.isPresent() ? Uni.createFrom().item(replay(before.get()))
                            : intake.place(tx, new ApiOrders.Request(parsed.customer(), parsed.language(), lines)).flatMap(outcome -> {
                                if (outcome instanceof ApiOrders.Refused refused) {
                                    throw refused.reason() == ApiOrders.Reason.UNKNOWN_CUSTOMER
                                            ? new NotFound(refused.detail(), refused.reason().name())
                                            : new Conflict(refused.detail(), refused.reason().name());
                                }
                                long id = ((ApiOrders.Placed) outcome).orderId();
                                return orders.find(tx, id).map(order -> encode(OrderView.of(order.orElseThrow())).encode())
                                        .call(view -> idempotencyKey == null ? Uni.createFrom().voidItem()
                                                : keys.answer(tx, OPERATION, idempotencyKey, 201, view))
                                        .map(view -> Response.status(Response.Status.CREATED)
                                                // As written: building it from the request needs the request context, which
                                                // is not carried onto the database's thread.
                                                .header(HttpHeaders.LOCATION, "/api/v1/orders/" + id).type(MediaType.APPLICATION_JSON)
                                                .entity(view).build());
                            }));
                }))
                .invoke(delivery::kick);
    }

    private static Response replay(IdempotencyKeys.Seen seen) {
        if (!seen.sameBody()) {
            // 422 is not in JAX-RS's Status enum.
            return Response.status(422).type(MediaType.APPLICATION_JSON).entity(new ErrorBody("this Idempotency-Key was used with another"
                    + " body; use a new key for a new order", "IDEMPOTENCY_KEY_REUSED")).build();
        }
        String location = "/api/v1/orders/" + new JsonObject(seen.response()).getLong("id");
        return Response.status(seen.status()).header(HttpHeaders.LOCATION, location).type(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true").entity(seen.response()).build();
    }

    private JsonObject encode(OrderView view) {
        try {
            return new JsonObject(json.writeValueAsString(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body read: whom for, in what language, and either text or lines. */
    private record Parsed(ApiOrders.Customer customer, String language, String text, List<OrderLine> lines) {
    }

    private static Parsed parse(JsonObject body) throws BadInput {
        Set<String> unknown = new TreeSet<>(body.fieldNames());
        unknown.removeAll(Set.of("customer", "text", "lines", "language"));
        if (!unknown.isEmpty()) {
            throw new BadInput("unknown field(s) " + unknown + "; an order has \"customer\", \"text\" or \"lines\", and \"language\"");
        }
        ApiOrders.Customer customer = customer(body.getValue("customer"));
        String language = optionalString(body, "language", 5);
        if (language != null && !LANGUAGES.contains(language)) {
            throw new BadInput("\"language\" is en or hi, not '" + language + "'");
        }
        boolean hasText = body.getValue("text") != null;
        boolean hasLines = body.getValue("lines") != null;
        if (hasText == hasLines) {
            throw new BadInput("an order has either \"text\" (what the customer wrote) or \"lines\" (material, color, meters or rolls), not "
                    + (hasText ? "both" : "neither"));
        }
        if (hasText) {
            Object text = body.getValue("text");
            if (!(text instanceof String s) || s.isBlank()) {
                throw new BadInput("\"text\" is the order as the customer wrote it, a non-empty string");
            }
            if (s.length() > MAX_TEXT) {
                throw new BadInput("\"text\" is at most " + MAX_TEXT + " characters, not " + s.length());
            }
            if (s.indexOf('\u0000') >= 0) {
                throw new BadInput("\"text\" contains the NUL character (U+0000), which cannot be stored");
            }
            return new Parsed(customer, language, s, List.of());
        }
        if (!(body.getValue("lines") instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_LINES) {
            throw new BadInput("\"lines\" is a list of 1 to " + MAX_LINES + " lines");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            lines.add(line(i, array.getValue(i)));
        }
        return new Parsed(customer, language, null, lines);
    }

    private static ApiOrders.Customer customer(Object value) throws BadInput {
        if (!(value instanceof JsonObject customer)) {
            throw new BadInput("\"customer\" is required: {\"id\": 5}, {\"channel\": \"telegram\", \"chatId\": \"42\"} or {\"name\": \"Asha\"}");
        }
        Set<String> unknown = new TreeSet<>(customer.fieldNames());
        unknown.removeAll(Set.of("id", "channel", "chatId", "name"));
        if (!unknown.isEmpty()) {
            throw new BadInput("unknown field(s) " + unknown + " in \"customer\"; its fields are \"id\", \"channel\", \"chatId\", \"name\"");
        }
        String name = optionalString(customer, "name", MAX_NAME);
        if (customer.getValue("id") != null) {
            if (customer.size() > 1) {
                throw new BadInput("\"customer\" by \"id\" has no other field");
            }
            Object id = customer.getValue("id");
            if (!(id instanceof Number n) || new BigDecimal(n.toString()).signum() <= 0 || new BigDecimal(n.toString()).scale() > 0
                    || n.toString().length() > 18) {
                throw new BadInput("\"customer.id\" is a customer's number, a whole number above 0");
            }
            return new ApiOrders.ById(n.longValue());
        }
        String channel = optionalString(customer, "channel", 20);
        String chatId = optionalString(customer, "chatId", MAX_CHAT_ID);
        if (channel != null || chatId != null) {
            if (channel == null || chatId == null) {
                throw new BadInput("\"customer\" by chat has both \"channel\" and \"chatId\"");
            }
            if (!CHANNELS.contains(channel)) {
                throw new BadInput("\"customer.channel\" is one of " + new TreeSet<>(CHANNELS) + ", not '" + channel + "'");
            }
            return new ApiOrders.ByChat(channel, chatId, name);
        }
        if (name == null) {
            throw new BadInput("\"customer\" needs \"id\", \"channel\" and \"chatId\", or \"name\"");
        }
        return new ApiOrders.ByName(name);
    }

    private static OrderLine line(int index, Object value) throws BadInput {
        String where = "lines[" + index + "]";
        if (!(value instanceof JsonObject line)) {
            throw new BadInput(where + " is an object: {\"material\", \"color\", and \"meters\" or \"rolls\"}");
        }
        Set<String> unknown = new TreeSet<>(line.fieldNames());
        unknown.removeAll(Set.of("material", "color", "meters", "rolls"));
        if (!unknown.isEmpty()) {
            throw new BadInput("unknown field(s) " + unknown + " in " + where + "; a line has \"material\", \"color\", \"meters\" or \"rolls\"");
        }
        String material = optionalString(line, "material", 100);
        String color = optionalString(line, "color", 100);
        if (material == null || color == null) {
            throw new BadInput(where + " needs \"material\" and \"color\"");
        }
        Object meters = line.getValue("meters");
        Object rolls = line.getValue("rolls");
        if ((meters == null) == (rolls == null)) {
            throw new BadInput(where + " has either \"meters\" or \"rolls\"");
        }
        if (meters != null) {
            BigDecimal amount = number(meters, where + ".meters");
            if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(Quantity.MAX_METERS) > 0) {
                throw new BadInput(where + ".meters is above 0, at most " + Quantity.MAX_METERS.toPlainString() + ", with at most 2 decimals, not "
                        + amount.toPlainString());
            }
            return OrderLine.meters(material.toLowerCase(Locale.ROOT), color.toLowerCase(Locale.ROOT), amount.setScale(2));
        }
        BigDecimal count = number(rolls, where + ".rolls");
        if (count.signum() <= 0 || count.stripTrailingZeros().scale() > 0 || count.compareTo(BigDecimal.valueOf(Quantity.MAX_ROLLS)) > 0) {
            throw new BadInput(where + ".rolls is a whole number from 1 to " + Quantity.MAX_ROLLS + ", not " + count.toPlainString());
        }
        return OrderLine.rolls(material.toLowerCase(Locale.ROOT), color.toLowerCase(Locale.ROOT), count.intValueExact());
    }

    private static BigDecimal number(Object value, String field) throws BadInput {
        if (value instanceof Number) {
            return new BigDecimal(value.toString());
        }
        throw new BadInput(field + " is a number");
    }

    private static String optionalString(JsonObject object, String field, int most) throws BadInput {
        Object value = object.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new BadInput("\"" + field + "\" is a non-empty string");
        }
        if (s.length() > most) {
            throw new BadInput("\"" + field + "\" is at most " + most + " characters");
        }
        if (s.indexOf('\u0000') >= 0) {
            throw new BadInput("\"" + field + "\" contains the NUL character (U+0000), which cannot be stored");
        }
        return s.strip();
    }

    /** The order's lines: as given, each checked against the catalog, or as read in the text. */
    private List<OrderLine> lines(Parsed parsed, Vocabulary words) {
        if (parsed.text() != null) {
            List<OrderLine> read = extractor.extract(parsed.text(), words);
            if (read.isEmpty()) {
                throw new UnreadableOrder("no order line could be read in \"text\": name a quantity, a colour and a material of the catalog,"
                        + " like \"10m blue cotton\"");
            }
            return read;
        }
        for (int i = 0; i < parsed.lines().size(); i++) {
            OrderLine line = parsed.lines().get(i);
            known(words.materials(), line.material(), "lines[" + i + "].material", "materials");
            known(words.colors(), line.color(), "lines[" + i + "].color", "colors");
        }
        return parsed.lines();
    }

    private static void known(Map<String, Set<String>> words, String word, String field, String what) {
        if (!words.containsKey(word)) {
            throw new UnreadableOrder(field + " '" + word + "' is not in the catalog; the " + what + " are " + new TreeSet<>(words.keySet()));
        }
    }

    /** A 400 raised inside the pipeline (BadInput is checked); mapped by {@link OwnerFailures}. */
    static final class UnreadableOrder extends IllegalArgumentException {
        UnreadableOrder(String message) {
            super(message);
        }
    }
}
