package dev.parley.runtime.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.conversation.Conversation;
import dev.parley.runtime.conversation.Flow;
import dev.parley.runtime.message.OutboundMessage;
import io.vertx.core.json.JsonObject;

/** Counts a chat's messages and replies "#n: text"; fails once when told to. A flow for tests of what carries it. */
public final class CountingFlow implements Flow.Pure {

    public final AtomicInteger calls = new AtomicInteger();
    public final AtomicBoolean failNext = new AtomicBoolean();

    @Override
    public String initialState() {
        return "counting";
    }

    @Override
    public Turn turn(Conversation conversation, InboundMessage message) {
        calls.incrementAndGet();
        if (failNext.getAndSet(false)) {
            throw new IllegalStateException("the flow failed");
        }
        int count = conversation.data().getInteger("count", 0) + 1;
        return new Turn("counting", new JsonObject().put("count", count).put("seen", conversation.data().getJsonArray("seen", new io.vertx.core.json.JsonArray()).copy().add(message.text())),
                List.of(OutboundMessage.text("#" + count + ": " + message.text())));
    }
}
