package dev.parley.runtime.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.owner.OwnerToken;

/** The signed session cookie: what it accepts, and everything it must not. */
class SessionCookieTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private final SessionCookie cookies = new SessionCookie(key("owner-token"));

    private static byte[] key(String token) {
        return OwnerToken.of(Optional.of(token), false).derive("parley dashboard session v1").orElseThrow();
    }

    @Test
    void aSessionReadsBackWithItsLanguageUntilItExpires() {
        String value = cookies.issue("hi-IN", NOW);
        SessionCookie.Session session = cookies.read(value, NOW).orElseThrow();
        assertThat(session.language()).isEqualTo("hi");
        assertThat(session.expires()).isEqualTo(NOW.plus(SessionCookie.LIFETIME));
        assertThat(cookies.read(value, NOW.plus(SessionCookie.LIFETIME).minusSeconds(1))).isPresent();
        assertThat(cookies.read(value, NOW.plus(SessionCookie.LIFETIME))).isEmpty();
    }

    @Test
    void aChangedCookieOrOneSignedWithAnotherTokenIsNoSession() {
        String value = cookies.issue("en", NOW);
        String[] parts = value.split("\\.");
        String later = String.join(".", parts[0], Long.toString(Long.parseLong(parts[1]) + 86_400), parts[2], parts[3], parts[4]);
        assertThat(cookies.read(later, NOW)).as("a later expiry").isEmpty();
        String hindi = String.join(".", parts[0], parts[1], "hi", parts[3], parts[4]);
        assertThat(cookies.read(hindi, NOW)).as("another language without signing").isEmpty();
        assertThat(new SessionCookie(key("another-token")).read(value, NOW)).as("the owner token changed").isEmpty();
        assertThat(cookies.read(value + "x", NOW)).isEmpty();
        assertThat(cookies.read("", NOW)).isEmpty();
        assertThat(cookies.read(null, NOW)).isEmpty();
        assertThat(cookies.read("v1.a.b.c.d.e", NOW)).isEmpty();
    }

    @Test
    void theCsrfTokenIsPerSessionAndSurvivesALanguageChange() {
        SessionCookie.Session one = cookies.read(cookies.issue("en", NOW), NOW).orElseThrow();
        SessionCookie.Session two = cookies.read(cookies.issue("en", NOW), NOW).orElseThrow();
        assertThat(one.csrf()).isNotEqualTo(two.csrf());
        assertThat(SessionCookie.csrfMatches(one, one.csrf())).isTrue();
        assertThat(SessionCookie.csrfMatches(one, two.csrf())).isFalse();
        assertThat(SessionCookie.csrfMatches(one, null)).isFalse();

        SessionCookie.Session hindi = cookies.read(cookies.withLanguage(one, "hi"), NOW).orElseThrow();
        assertThat(hindi.language()).isEqualTo("hi");
        assertThat(hindi.csrf()).isEqualTo(one.csrf());
        assertThat(hindi.expires()).isEqualTo(one.expires());
    }

    @Test
    void theKeyIsNotTheTokenItself() {
        assertThat(key("owner-token")).isNotEqualTo("owner-token".getBytes(StandardCharsets.UTF_8)).hasSize(32);
        assertThat(OwnerToken.of(Optional.empty(), false).derive("x")).isEmpty();
    }
}
