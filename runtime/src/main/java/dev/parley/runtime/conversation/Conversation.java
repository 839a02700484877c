package dev.parley.runtime.conversation;

import io.vertx.core.json.JsonObject;

/**
 * A chat's state as the flow sees it: the state machine's state, its data, the version that every turn
 * increments, and the language the customer is answered in (null until known). Read under the chat's row lock;
 * never kept in memory between messages.
 */
public record Conversation(String channel, String chatId, String state, JsonObject data, long version, String language) {

    public Conversation(String channel, String chatId, String state, JsonObject data, long version) {
        this(channel, chatId, state, data, version, null);
    }

    public Conversation withLanguage(String language) {
        return new Conversation(channel, chatId, state, data, version, language);
    }
}
