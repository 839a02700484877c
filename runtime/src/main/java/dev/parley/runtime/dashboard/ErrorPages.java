package dev.parley.runtime.dashboard;

import java.time.Instant;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.parley.runtime.http.ErrorBody;
import dev.parley.runtime.message.Messages;

/**
 * Every error the dashboard answers is a page in the owner's language, not the API's JSON: a refused form, a value
 * the service rejected, a thing that is not there, a database that cannot be reached. The page says what happened (the
 * service's own message, which names the value or the rule) and leads back; its status stays the error's, so a
 * script or a test still sees a 4xx or 5xx. The live streams are left alone.
 */
public class ErrorPages {

    private final Dashboard dashboard;

    public ErrorPages(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (response.getStatus() < 400 || !(path.equals(Dashboard.ROOT) || path.startsWith(Dashboard.ROOT + "/"))
                || MediaType.TEXT_HTML_TYPE.isCompatible(response.getMediaType())) {
            return;
        }
        Object entity = response.getEntity();
        String message = entity instanceof ErrorBody error ? error.error() : entity instanceof String text ? text : "";
        Cookie cookie = request.getCookies().get(SessionCookie.NAME);
        String language = dashboard.read(cookie == null ? null : cookie.getValue(), Instant.now()).map(SessionCookie.Session::language)
                .orElseGet(() -> Messages.language(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        response.setEntity(dashboard.bare("error", language, Map.of("kind", kind(response.getStatus()), "message", message)), null,
                MediaType.valueOf(Dashboard.HTML));
    }

    /** Which of the error page's texts fits a status. */
    static String kind(int status) {
        return switch (status) {
            case 400, 413, 415, 422 -> "badInput";
            case 401 -> "signIn";
            case 403 -> "refused";
            case 404, 405 -> "notFound";
            case 409 -> "conflict";
            default -> status >= 500 ? "unavailable" : "badInput";
        };
    }
}
