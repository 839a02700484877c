package dev.parley.api.v1alpha1.bot;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The order in which stock batches are drawn from. */
public enum AllocationOrder {
    @JsonProperty("fifo") FIFO,
    @JsonProperty("lifo") LIFO
}
