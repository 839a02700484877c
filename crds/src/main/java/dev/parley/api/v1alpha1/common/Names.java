package dev.parley.api.v1alpha1.common;

/** Patterns shared by the schema of every kind, so that a bad name is refused by the API server. */
public final class Names {

    /** RFC 1123 subdomain, what Kubernetes accepts as the name of a Secret or ConfigMap. */
    public static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /** What Kubernetes accepts as a key of a Secret's data. */
    public static final String SECRET_KEY = "^[-._a-zA-Z0-9]+$";

    /** An absolute http(s) URL without spaces. */
    public static final String HTTP_URL = "^https?://[^\\s/?#]+([/?#][^\\s]*)?$";

    /** An absolute https URL without spaces: Telegram and WhatsApp only deliver webhooks over TLS. */
    public static final String HTTPS_URL = "^https://[^\\s/?#]+([/?#][^\\s]*)?$";

    private Names() {
    }
}
