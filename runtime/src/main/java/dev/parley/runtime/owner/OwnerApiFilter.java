package dev.parley.runtime.owner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.parley.runtime.config.RuntimeConfig;
import dev.parley.runtime.http.Errors;

/**
 * Guards the owner API: every request under {@code /api/v1/} needs {@code Authorization: Bearer <owner token>},
 * except the local console channel, which a person uses to play the customer. Text understanding is guarded too:
 * with an LLM behind it, a call spends the bot's token budget. Checked before
 * routing, so that an unauthenticated caller cannot tell which paths exist.
 */
public class OwnerApiFilter {

    static final String PREFIX = "/api/v1/";
    private static final String[] OPEN = {"/api/v1/console/"};

    /** What the orders token (for other systems) may do: place orders, read one, follow the events. */
    private static final Pattern ORDERS_TOKEN_MAY = Pattern.compile(
            "POST /api/v1/orders/?|GET /api/v1/orders/events/?|GET /api/v1/orders/\\d{1,18}(/events)?/?");

    private final OwnerToken token;
    private final Optional<byte[]> ordersToken;

    public OwnerApiFilter(OwnerToken token, RuntimeConfig config) {
        this.token = token;
        this.ordersToken = config.ordersToken().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the orders token may make this request. */
    static boolean ordersTokenMay(String method, String path) {
        return ORDERS_TOKEN_MAY.matcher(method + " " + path).matches();
    }

    /** Whether a request to {@code path} needs the owner token. */
    static boolean guards(String path) {
        if (!path.startsWith(PREFIX)) {
            return false;
        }
        for (String open : OPEN) {
            if (path.startsWith(open)) {
                return false;
            }
        }
        return true;
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String raw = request.getUriInfo().getPath();
        String path = raw.startsWith("/") ? raw : "/" + raw;
        if (!guards(path)) {
            return null;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
        if (token.accepts(presented)) {
            return null;
        }
        if (presented != null && ordersToken.isPresent() && MessageDigest.isEqual(ordersToken.get(), presented.getBytes(StandardCharsets.UTF_8))) {
            if (ordersTokenMay(request.getMethod(), path)) {
                return null;
            }
            return Errors.status(Response.Status.FORBIDDEN, "the orders token may place orders, read them and follow their events; this needs"
                    + " the owner token");
        }
        String why = !token.configured() ? "the owner API is off: no owner token is configured (PARLEY_OWNER_TOKEN)"
                : "send the owner token as Authorization: Bearer <token>";
        Response refusal = Errors.status(Response.Status.UNAUTHORIZED, why);
        return Response.fromResponse(refusal).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
