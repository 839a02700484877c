package dev.parley.runtime.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.runtime.message.Messages;

/**
 * The dashboard's session, kept in a cookie the runtime signs rather than in a table: any replica that has the owner
 * token checks it (the key is derived from the token, {@code OwnerToken.derive}), nothing is written per sign-in,
 * and changing the owner token ends every session. The value is {@code v1.<expiry>.<language>.<nonce>.<signature>};
 * the CSRF token is a second signature over the nonce, so it is per session and needs no storage either.
 *
 * <p>What this gives up: signing out deletes the cookie from the browser, but a copy taken before would stay valid
 * until it expires ({@link #LIFETIME}); the cookie is HttpOnly, so page scripts cannot copy it.
 */
public final class SessionCookie {

    public static final String NAME = "parley_dashboard";
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    /** A signed-in owner: until when, in which language, and the CSRF token their forms carry. */
    public record Session(Instant expires, String language, String nonce, String csrf) {
    }

    public SessionCookie(byte[] key) {
        this.key = key.clone();
    }

    /** A new session's cookie value. */
    public String issue(String language, Instant now) {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        return sign(now.plus(LIFETIME).getEpochSecond(), Messages.language(language), B64.encodeToString(nonce));
    }

    /** The same session in another language. */
    public String withLanguage(Session session, String language) {
        return sign(session.expires().getEpochSecond(), Messages.language(language), session.nonce());
    }

    /** The session a cookie value stands for, when it is signed by this key and not expired. */
    public Optional<Session> read(String value, Instant now) {
        if (value == null || value.length() > 200) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        String signed = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        if (!MessageDigest.isEqual(mac("session|" + signed).getBytes(StandardCharsets.US_ASCII), parts[4].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        long expires;
        try {
            expires = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (now.getEpochSecond() >= expires) {
            return Optional.empty();
        }
        return Optional.of(new Session(Instant.ofEpochSecond(expires), Messages.language(parts[2]), parts[3], mac("csrf|" + parts[3])));
    }

    /** Whether {@code presented} is the session's CSRF token, compared in constant time. */
    public static boolean csrfMatches(Session session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(long expires, String language, String nonce) {
        String signed = String.join(".", VERSION, Long.toString(expires), language, nonce);
        return signed + "." + mac("session|" + signed);
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
