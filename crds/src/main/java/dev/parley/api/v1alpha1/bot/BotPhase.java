package dev.parley.api.v1alpha1.bot;

/** A one-word summary of a Bot's conditions, for humans; automation should read the conditions. */
public enum BotPhase {
    /** Objects are being created or the runtime is not yet ready. */
    Pending,
    /** The runtime is ready and serving. */
    Running,
    /** Running with fewer ready replicas than wanted, or a channel not ready. */
    Degraded,
    /** Something the bot needs is missing or broken; see the conditions. */
    Failed,
    /** spec.paused is true. */
    Paused
}
