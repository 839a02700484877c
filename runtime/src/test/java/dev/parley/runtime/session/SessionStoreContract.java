package dev.parley.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.conversation.ConversationRouter;
import dev.parley.runtime.conversation.ConversationRouter.Outcome;
import dev.parley.runtime.conversation.SessionStore;
import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.testing.Concurrently;
import dev.parley.runtime.testing.CountingFlow;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * What every {@link SessionStore} must do, run against PostgreSQL and against Redis by the subclasses: state
 * survives a restart, one chat's messages are taken one at a time, a failed turn changes nothing.
 */
abstract class SessionStoreContract {

    @Inject
    Pool pool;

    /** A new store over the same backing data, as a restarted replica would build it. */
    abstract SessionStore store();

    InboundMessage message(String chat, String id, String text) {
        return InboundMessage.text("telegram", chat + "-" + id, chat, text);
    }

    @Test
    void aConversationContinuesOnAnotherReplicaAfterARestart() {
        new ConversationRouter(pool, new CountingFlow(), store()).route(message("continue", "1", "first")).await().indefinitely();
        new ConversationRouter(pool, new CountingFlow(), store()).route(message("continue", "2", "second")).await().indefinitely();

        var conversation = pool.withTransaction(tx -> store().load(tx, "telegram", "continue", "counting")).await().indefinitely();

        assertThat(conversation.version()).isEqualTo(2);
        assertThat(conversation.data().getInteger("count")).isEqualTo(2);
        assertThat(conversation.data().getJsonArray("seen")).isEqualTo(new JsonArray().add("first").add("second"));
    }

    @Test
    void oneChatsMessagesAreTakenOneAtATimeAcrossReplicas() throws Exception {
        List<ConversationRouter> replicas = List.of(new ConversationRouter(pool, new CountingFlow(), store()),
                new ConversationRouter(pool, new CountingFlow(), store()));

        Concurrently.run(8, i -> replicas.get(i % 2).route(message("busy", String.valueOf(i), "m" + i)).await().indefinitely());

        var conversation = pool.withTransaction(tx -> store().load(tx, "telegram", "busy", "counting")).await().indefinitely();
        assertThat(conversation.data().getInteger("count")).as("no turn lost to another").isEqualTo(8);
        assertThat(conversation.data().getJsonArray("seen")).hasSize(8);
        assertThat(conversation.version()).isEqualTo(8);
    }

    @Test
    void aFailedTurnChangesNothingAndTheRedeliveryIsTaken() {
        CountingFlow flow = new CountingFlow();
        ConversationRouter router = new ConversationRouter(pool, flow, store());
        router.route(message("failing", "1", "first")).await().indefinitely();

        flow.failNext.set(CountingFlow.databaseGone());
        assertThatThrownBy(() -> router.route(message("failing", "2", "second")).await().indefinitely()).hasMessageContaining("administrator command");
        Outcome redelivered = router.route(message("failing", "2", "second")).await().indefinitely();

        assertThat(redelivered).isEqualTo(Outcome.PROCESSED);
        var conversation = pool.withTransaction(tx -> store().load(tx, "telegram", "failing", "counting")).await().indefinitely();
        assertThat(conversation.data().getJsonArray("seen")).isEqualTo(new JsonArray().add("first").add("second"));
    }
}
