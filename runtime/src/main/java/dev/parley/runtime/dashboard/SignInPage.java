package dev.parley.runtime.dashboard;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;

import dev.parley.runtime.message.Messages;
import io.smallrye.mutiny.Uni;

/**
 * Signing in with the owner token (the one the owner API takes), signing out, and the language switch. A wrong token
 * shows the form again with a 401; without an owner token configured nobody can sign in.
 */
@Path(Dashboard.ROOT)
@Produces(Dashboard.HTML)
public class SignInPage {

    static final String PATH = Dashboard.ROOT + "/sign-in";

    private final Dashboard dashboard;

    public SignInPage(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GET
    public Response home() {
        return Dashboard.seeOther(dashboard.home());
    }

    @GET
    @Path("sign-in")
    public String form(@HeaderParam("Accept-Language") String acceptLanguage) {
        return dashboard.bare("sign-in", Messages.language(acceptLanguage), Map.of("failed", false, "configured", dashboard.token().configured()));
    }

    @POST
    @Path("sign-in")
    public Uni<Response> signIn(@RestForm String token, @HeaderParam("Accept-Language") String acceptLanguage,
            @HeaderParam("X-Forwarded-Proto") String forwardedProto, @Context UriInfo uri) {
        String language = Messages.language(acceptLanguage);
        if (!dashboard.token().accepts(token == null ? null : token.strip())) {
            return Uni.createFrom().item(Response.status(Response.Status.UNAUTHORIZED).type(Dashboard.HTML)
                    .entity(dashboard.bare("sign-in", language, Map.of("failed", true, "configured", dashboard.token().configured()))).build());
        }
        return dashboard.newSession(language, Dashboard.https(forwardedProto, uri.getRequestUri()))
                .map(session -> Response.fromResponse(Dashboard.seeOther(dashboard.home())).cookie(session).build());
    }

    /** Ends this session on every replica: the cookie, or a copy of it, is refused from now on. */
    @POST
    @Path("sign-out")
    public Uni<Response> signOut(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf,
            @HeaderParam("X-Forwarded-Proto") String forwardedProto, @Context UriInfo uri) {
        return signOut(dashboard.session(cookie, csrf), false, Dashboard.https(forwardedProto, uri.getRequestUri()));
    }

    /** Ends every session of this dashboard, on every device (a phone lost, a shared computer). */
    @POST
    @Path("sign-out-everywhere")
    public Uni<Response> signOutEverywhere(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf,
            @HeaderParam("X-Forwarded-Proto") String forwardedProto, @Context UriInfo uri) {
        return signOut(dashboard.session(cookie, csrf), true, Dashboard.https(forwardedProto, uri.getRequestUri()));
    }

    private Uni<Response> signOut(SessionCookie.Session session, boolean everywhere, boolean https) {
        return dashboard.close(session, everywhere).map(ignored -> Response.fromResponse(Dashboard.seeOther(PATH + "?signedOut=1"))
                .cookie(Dashboard.signedOut(https)).build());
    }

    @POST
    @Path("language")
    public Response language(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf, @RestForm String language,
            @RestForm String back, @HeaderParam("X-Forwarded-Proto") String forwardedProto, @Context UriInfo uri) {
        SessionCookie.Session session = dashboard.session(cookie, csrf);
        String to = back != null && back.startsWith(Dashboard.ROOT + "/") && !back.startsWith("//") ? back : dashboard.home();
        return Response.fromResponse(Dashboard.seeOther(to))
                .cookie(dashboard.language(session, language, Dashboard.https(forwardedProto, uri.getRequestUri()))).build();
    }
}
