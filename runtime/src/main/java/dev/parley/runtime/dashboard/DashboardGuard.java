package dev.parley.runtime.dashboard;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;

/**
 * Nothing of the dashboard but its sign-in page answers without an open session (signed, not expired, not signed
 * out: {@link Sessions}): a page asked for without one is sent to
 * sign in, anything else is a 401. Every POST must also come from the dashboard's own pages: a browser's
 * {@code Origin} must be this host and {@code Sec-Fetch-Site} same-origin (the session's CSRF token in the form is
 * checked by {@link Dashboard#session(String, String)} as well). Checked before routing, like the owner API's token.
 */
public class DashboardGuard {

    private static final Uni<Response> PASS = Uni.createFrom().nullItem();

    private final Dashboard dashboard;

    public DashboardGuard(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> check(ContainerRequestContext request) {
        String raw = request.getUriInfo().getPath();
        String path = raw.startsWith("/") ? raw : "/" + raw;
        if (!path.equals(Dashboard.ROOT) && !path.startsWith(Dashboard.ROOT + "/")) {
            return PASS;
        }
        boolean post = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        if (post && !sameOrigin(request)) {
            return Uni.createFrom().item(Response.status(Response.Status.FORBIDDEN).type("text/plain;charset=UTF-8")
                    .entity("Refused: this form was not sent from the dashboard's own pages.").build());
        }
        if (path.equals(SignInPage.PATH)) {
            return PASS;
        }
        Cookie cookie = request.getCookies().get(SessionCookie.NAME);
        return dashboard.open(cookie == null ? null : cookie.getValue(), Instant.now()).map(open -> open ? null : refused(post));
    }

    private static Response refused(boolean post) {
        if (!post) {
            return Response.seeOther(URI.create(SignInPage.PATH)).build();
        }
        return Response.status(Response.Status.UNAUTHORIZED).type("text/plain;charset=UTF-8").entity("Sign in to the dashboard first.").build();
    }

    /**
     * Whether a state-changing request comes from this site's pages: browsers send {@code Sec-Fetch-Site} and, on a
     * POST, {@code Origin}; a request with neither is no browser's cross-site form (and still needs the CSRF token).
     */
    static boolean sameOrigin(ContainerRequestContext request) {
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return false;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return true;
        }
        String host = Optional.ofNullable(request.getHeaderString("X-Forwarded-Host")).orElse(request.getHeaderString("Host"));
        try {
            return host != null && URI.create(origin).getRawAuthority() != null && URI.create(origin).getRawAuthority().equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
