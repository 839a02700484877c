package dev.parley.api.v1alpha1.storage;

import com.fasterxml.jackson.annotation.JsonProperty;

/** libpq's sslmode values. */
public enum SslMode {
    @JsonProperty("disable") DISABLE,
    @JsonProperty("allow") ALLOW,
    @JsonProperty("prefer") PREFER,
    @JsonProperty("require") REQUIRE,
    @JsonProperty("verify-ca") VERIFY_CA,
    @JsonProperty("verify-full") VERIFY_FULL
}
