package dev.parley.api.v1alpha1.bot;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who approves an order once it is placed: the owner, or the bot itself at once. */
public enum ApprovalMode {
    @JsonProperty("owner") OWNER,
    @JsonProperty("automatic") AUTOMATIC
}
