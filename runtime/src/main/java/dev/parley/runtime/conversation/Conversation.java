package dev.parley.runtime.conversation;

import io.vertx.core.json.JsonObject;

/**
 * A chat's state as the flow sees it: the state machine's state, its data, and the version that every turn
 * increments. Read under the chat's row lock; never kept in memory between messages.
 */
public record Conversation(String channel, String chatId, String state, JsonObject data, long version) {
}
