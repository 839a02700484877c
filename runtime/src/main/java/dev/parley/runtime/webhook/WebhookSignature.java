package dev.parley.runtime.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery (docs/webhooks.md), the scheme Stripe uses: HMAC-SHA256 with the subscriber's
 * secret over {@code <timestamp>.<body>}, sent as {@code Parley-Signature: t=<timestamp>,v1=<hex>}. The timestamp
 * (Unix seconds) is signed with the body, so a receiver that refuses old timestamps cannot be replayed a captured
 * delivery later.
 */
public final class WebhookSignature {

    public static final String HEADER = "Parley-Signature";

    private WebhookSignature() {
    }

    /** The header's value for {@code body} sent at {@code timestamp}. */
    public static String header(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
    }

    /** Lower-case hex HMAC-SHA256 of {@code payload} with {@code secret}. */
    public static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
