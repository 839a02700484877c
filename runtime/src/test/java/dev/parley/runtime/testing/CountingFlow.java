package dev.parley.runtime.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.parley.runtime.conversation.Conversation;
import dev.parley.runtime.conversation.Flow;
import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.message.OutboundMessage;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;

/** Counts a chat's messages and replies "#n: text"; fails once, as told. A flow for tests of what carries it. */
public final class CountingFlow implements Flow.Pure {

    public final AtomicInteger calls = new AtomicInteger();
    /** Thrown by the next turn, then cleared. */
    public final AtomicReference<RuntimeException> failNext = new AtomicReference<>();

    /** What a turn throws when the database went away under it: a failure worth a redelivery. */
    public static RuntimeException databaseGone() {
        return new PgException("terminating connection due to administrator command", "FATAL", "57P01", null);
    }

    /** What a turn throws when it has a bug: a failure that a redelivery would meet again. */
    public static RuntimeException bug() {
        return new IllegalStateException("the flow failed");
    }

    @Override
    public String initialState() {
        return "counting";
    }

    @Override
    public Turn turn(Conversation conversation, InboundMessage message) {
        calls.incrementAndGet();
        RuntimeException failure = failNext.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
        int count = conversation.data().getInteger("count", 0) + 1;
        return new Turn("counting", new JsonObject().put("count", count).put("seen", conversation.data().getJsonArray("seen", new io.vertx.core.json.JsonArray()).copy().add(message.text())),
                List.of(OutboundMessage.text("#" + count + ": " + message.text())));
    }
}
