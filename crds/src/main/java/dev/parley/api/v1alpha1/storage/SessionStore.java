package dev.parley.api.v1alpha1.storage;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where conversation sessions are kept. */
public enum SessionStore {
    @JsonProperty("postgres") POSTGRES,
    @JsonProperty("redis") REDIS
}
