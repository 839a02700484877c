package dev.parley.api.v1alpha1.bot;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Language {
    @JsonProperty("en") EN,
    @JsonProperty("hi") HI,
    @JsonProperty("fr") FR
}
