package dev.parley.runtime.dashboard;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.config.RuntimeConfig;
import dev.parley.runtime.http.SseHeartbeat;
import dev.parley.runtime.owner.OwnerToken;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * What every dashboard page shares: the session (read from the signed cookie, {@link SessionCookie}), the CSRF check
 * of a form, and rendering a page inside the shared layout ({@code templates/dashboard/layout.html}) with the menu,
 * the owner's language and the form token.
 */
@ApplicationScoped
public class Dashboard {

    /** Where the dashboard lives. */
    public static final String ROOT = "/dashboard";
    static final String HTML = "text/html;charset=UTF-8";

    private final Optional<SessionCookie> cookies;
    private final OwnerToken token;
    private final Engine engine;
    private final List<Nav.Entry> nav;
    private final Sessions sessions;
    private final Duration heartbeat;

    public Dashboard(OwnerToken token, Engine engine, BotSettings settings, Sessions sessions, RuntimeConfig config) {
        this.heartbeat = config.eventsHeartbeat();
        this.token = token;
        this.sessions = sessions;
        this.engine = engine;
        this.nav = Nav.of(settings.flow());
        this.cookies = token.derive("parley dashboard session v1").map(SessionCookie::new);
    }

    OwnerToken token() {
        return token;
    }

    /** The session a cookie names, when this runtime signed it and it has not expired (whether it is still open: {@link #open}). */
    Optional<SessionCookie.Session> read(String cookie, Instant now) {
        return cookies.flatMap(c -> c.read(cookie, now));
    }

    /** Whether the cookie's session is open: signed here, not expired, and not signed out ({@link Sessions}). */
    Uni<Boolean> open(String cookie, Instant now) {
        return read(cookie, now).map(session -> sessions.isOpen(session.nonce(), now)).orElseGet(() -> Uni.createFrom().item(false));
    }

    /** The session of a page the guard let through. */
    SessionCookie.Session session(String cookie) {
        return read(cookie, Instant.now()).orElseThrow(() -> new IllegalStateException("the dashboard guard lets no request without a session through"));
    }

    /**
     * The session of a form post, whose {@code csrf} field must be the session's token; a post without it is
     * refused (403) before it changes anything.
     */
    SessionCookie.Session session(String cookie, String csrf) {
        SessionCookie.Session session = session(cookie);
        if (!SessionCookie.csrfMatches(session, csrf)) {
            throw new jakarta.ws.rs.WebApplicationException(Response.status(Response.Status.FORBIDDEN).type("text/plain;charset=UTF-8")
                    .entity("Refused: the form's security token is missing or wrong. Reload the page and try again.").build());
        }
        return session;
    }

    /**
     * A new session, recorded as open, and its cookie: Secure when the dashboard is reached over HTTPS (behind an
     * Ingress: X-Forwarded-Proto).
     */
    Uni<NewCookie> newSession(String language, boolean https) {
        Instant now = Instant.now();
        String value = cookies.orElseThrow().issue(language, now);
        SessionCookie.Session session = read(value, now).orElseThrow();
        return sessions.record(session).replaceWith(cookie(value, https, (int) SessionCookie.LIFETIME.toSeconds()));
    }

    /** Signs the session out on every replica; {@code everywhere}, every session of the bot's dashboard. */
    Uni<Void> close(SessionCookie.Session session, boolean everywhere) {
        return everywhere ? sessions.closeAll().replaceWithVoid() : sessions.close(session.nonce());
    }

    NewCookie language(SessionCookie.Session session, String language, boolean https) {
        return cookie(cookies.orElseThrow().withLanguage(session, language), https,
                (int) Math.max(0, session.expires().getEpochSecond() - Instant.now().getEpochSecond()));
    }

    static NewCookie signedOut(boolean https) {
        return cookie("", https, 0);
    }

    private static NewCookie cookie(String value, boolean https, int maxAge) {
        return new NewCookie.Builder(SessionCookie.NAME).value(value).path(ROOT).httpOnly(true).secure(https)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }

    /** Where signing in lands: the first page of this flow's menu (the waiting orders for the order agent and the shop). */
    String home() {
        return nav.get(0).path();
    }

    /** A page: {@code templates/dashboard/<name>.html} inside the layout, with {@code data} besides what every page has. */
    String page(String name, SessionCookie.Session session, String current, Map<String, Object> data) {
        TemplateInstance page = engine.getTemplate("dashboard/" + name).instance()
                .data("t", new Texts(session.language()))
                .data("nav", nav)
                .data("current", current)
                .data("csrf", session.csrf());
        data.forEach(page::data);
        return page.render();
    }

    /** A page outside the layout's menu (signing in): no session yet. */
    String bare(String name, String language, Map<String, Object> data) {
        TemplateInstance page = engine.getTemplate("dashboard/" + name).instance().data("t", new Texts(language));
        data.forEach(page::data);
        return page.render();
    }

    /**
     * A live list's stream: each signature of what the list shows as an event's data (the page's script fetches the
     * list again when it differs), with a heartbeat while nothing changes, so that a proxy keeps the stream open.
     */
    Multi<OutboundSseEvent> live(Sse sse, Multi<String> signatures) {
        return SseHeartbeat.with(signatures.map(signature -> sse.newEventBuilder().data(signature).build()), sse, heartbeat);
    }

    /** After a form post, back to a page (POST, redirect, GET: a reload does not post again). */
    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    static boolean https(String forwardedProto, URI requestUri) {
        return "https".equalsIgnoreCase(forwardedProto) || "https".equalsIgnoreCase(requestUri.getScheme());
    }
}
