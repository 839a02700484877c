package dev.parley.api.v1alpha1.bot;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum AiProvider {
    /** Rule-based understanding over the catalog's vocabulary; no network. */
    @JsonProperty("rules") RULES,
    /** Any OpenAI-compatible chat-completions endpoint. */
    @JsonProperty("openai") OPENAI,
    /** An Ollama server. */
    @JsonProperty("ollama") OLLAMA
}
