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
    public Response signIn(@RestForm String token, @HeaderParam("Accept-Language") String acceptLanguage,
            @HeaderParam("X-Forwarded-Proto") String forwardedProto, @Context UriInfo uri) {
        String language = Messages.language(acceptLanguage);
        if (!dashboard.token().accepts(token == null ? null : token.strip())) {
            return Response.status(Response.Status.UNAUTHORIZED).type(Dashboard.HTML)
                    .entity(dashboard.bare("sign-in", language, Map.of("failed", true, "configured", dashboard.token().configured()))).build();
        }
        return Response.fromResponse(Dashboard.seeOther(dashboard.home()))
                .cookie(dashboard.newSession(language, Dashboard.https(forwardedProto, uri.getRequestUri()))).build();
    }

    @POST
    @Path("sign-out")
    public Response signOut(@RestCookie(SessionCookie.NAME) String cookie, @RestForm String csrf,
            @HeaderParam("X-Forwarded-Proto") String forwardedProto, @Context UriInfo uri) {
        dashboard.session(cookie, csrf);
        return Response.fromResponse(Dashboard.seeOther(PATH + "?signedOut=1"))
                .cookie(Dashboard.signedOut(Dashboard.https(forwardedProto, uri.getRequestUri()))).build();
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
