package dev.parley.runtime.owner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

/**
 * The owner API's bearer token: {@code PARLEY_OWNER_TOKEN} (in a cluster, from the Bot's
 * {@code spec.ownerApiTokenSecretRef}). Run locally without one, the runtime makes one up and prints it once at
 * startup (docs/architecture.md); in a cluster without one, the owner API refuses every request.
 */
public final class OwnerToken {

    private static final Logger LOG = Logger.getLogger(OwnerToken.class);

    private final Optional<byte[]> token;

    private OwnerToken(Optional<byte[]> token) {
        this.token = token;
    }

    /**
     * @param configured {@code PARLEY_OWNER_TOKEN}, if set
     * @param local      whether the runtime runs without a bot.json (on someone's machine)
     */
    public static OwnerToken of(Optional<String> configured, boolean local) {
        if (configured.isPresent()) {
            return new OwnerToken(configured.map(t -> t.getBytes(StandardCharsets.UTF_8)));
        }
        if (local) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // Printed once, on purpose: the person running Parley locally needs it for the owner API.
            LOG.infof("Owner API token (set PARLEY_OWNER_TOKEN to choose your own): %s", generated);
            return new OwnerToken(Optional.of(generated.getBytes(StandardCharsets.UTF_8)));
        }
        LOG.warn("No PARLEY_OWNER_TOKEN (the Bot's spec.ownerApiTokenSecretRef): the owner API refuses every request");
        return new OwnerToken(Optional.empty());
    }

    public boolean configured() {
        return token.isPresent();
    }

    /**
     * A key for {@code purpose} derived from the token (HMAC-SHA256 of the purpose under the token), so that every
     * replica that has the token has the key, and changing the token changes it; empty without a token.
     */
    public Optional<byte[]> derive(String purpose) {
        return token.map(secret -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        });
    }

    /** Whether {@code presented} is the token, compared in constant time. */
    public boolean accepts(String presented) {
        return token.isPresent() && presented != null
                && MessageDigest.isEqual(token.get(), presented.getBytes(StandardCharsets.UTF_8));
    }
}
