package dev.parley.runtime.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.conversation.ConversationRouter.Outcome;
import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.session.PostgresSessions;
import dev.parley.runtime.testing.Concurrently;
import dev.parley.runtime.testing.CountingFlow;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The router against the real PostgreSQL, with a counting flow defined here. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ConversationRouterTest {

    @Inject
    Pool pool;

    @Test
    void theSameUpdateDeliveredFiveTimesAtOnceIsProcessedOnceWithOneReply() throws Exception {
        CountingFlow flow = new CountingFlow();
        ConversationRouter router = new ConversationRouter(pool, flow, new PostgresSessions());
        InboundMessage message = InboundMessage.text("telegram", "update-1", "chat-dup", "10m blue cotton");

        List<Outcome> outcomes = Concurrently.run(5, i -> router.route(message).await().indefinitely());

        assertThat(outcomes).containsOnlyOnce(Outcome.PROCESSED).containsOnly(Outcome.PROCESSED, Outcome.DUPLICATE);
        assertThat(flow.calls).hasValue(1);
        assertThat(replies("chat-dup")).containsExactly("#1: 10m blue cotton");
        assertThat(router.route(message).await().indefinitely()).as("a later redelivery").isEqualTo(Outcome.DUPLICATE);
        assertThat(replies("chat-dup")).hasSize(1);
    }

    @Test
    void messagesOfOneChatArrivingTogetherAreProcessedOneAtATimeAndNoneIsLost() throws Exception {
        ConversationRouter router = new ConversationRouter(pool, new CountingFlow(), new PostgresSessions());
        int messages = 20;

        Concurrently.run(messages, i -> router.route(InboundMessage.text("telegram", "burst-" + i, "chat-burst", "m" + i)).await().indefinitely());

        List<String> replies = replies("chat-burst");
        assertThat(replies).hasSize(messages);
        // Each turn saw the previous one's state: the counts are 1..n, each once, in the order they were written.
        for (int i = 0; i < messages; i++) {
            assertThat(replies.get(i)).startsWith("#" + (i + 1) + ": ");
        }
        Row conversation = pool.preparedQuery("SELECT version, data FROM conversation WHERE chat_id = $1")
                .execute(Tuple.of("chat-burst")).await().indefinitely().iterator().next();
        assertThat(conversation.getLong("version")).isEqualTo(messages);
        assertThat(conversation.getJsonObject("data").getInteger("count")).isEqualTo(messages);
    }

    @Test
    void whenTheDatabaseFailsUnderATurnNothingIsRecordedSoTheRedeliveryIsProcessed() {
        CountingFlow flow = new CountingFlow();
        ConversationRouter router = new ConversationRouter(pool, flow, new PostgresSessions());
        InboundMessage message = InboundMessage.text("telegram", "update-boom", "chat-boom", "hello");
        flow.failNext.set(CountingFlow.databaseGone());

        assertThatThrownBy(() -> router.route(message).await().indefinitely()).hasMessageContaining("administrator command");
        assertThat(recorded("update-boom")).as("the failed delivery is not recorded").isFalse();
        assertThat(deadLetters("update-boom")).isEmpty();
        assertThat(replies("chat-boom")).isEmpty();

        // The channel redelivers the same update; this time the flow copes.
        assertThat(router.route(message).await().indefinitely()).isEqualTo(Outcome.PROCESSED);
        assertThat(replies("chat-boom")).containsExactly("#1: hello");
    }

    @Test
    void aMessageThatFailsForAnyOtherReasonIsKeptWithTheReasonAndItsCustomerToldOnce() {
        CountingFlow flow = new CountingFlow();
        ConversationRouter router = new ConversationRouter(pool, flow, new PostgresSessions());
        InboundMessage message = InboundMessage.text("telegram", "update-poison", "chat-poison", "hello");

        flow.failNext.set(CountingFlow.bug());
        assertThat(router.route(message).await().indefinitely()).isEqualTo(Outcome.DEAD_LETTERED);
        flow.failNext.set(CountingFlow.bug());
        assertThat(router.route(message).await().indefinitely()).as("a redelivery that fails again").isEqualTo(Outcome.DEAD_LETTERED);

        assertThat(deadLetters("update-poison")).singleElement().asString()
                .contains("java.lang.IllegalStateException: the flow failed");
        assertThat(replies("chat-poison")).as("told once, in the bot's default language")
                .containsExactly("Sorry, I could not read your last message. Please write it again in other words.");
        assertThat(recorded("update-poison")).as("its turn was rolled back").isFalse();
        OwnerApi.given().get("/api/v1/dead-letters").then().statusCode(200)
                .body("deadLetters.find { it.updateId == 'update-poison' }.text", equalTo("hello"))
                .body("deadLetters.find { it.updateId == 'update-poison' }.reason", containsString("the flow failed"));
        OwnerApi.given().get("/api/v1/dead-letters?limit=0").then().statusCode(400).body("error", containsString("limit"));
        assertThat(router.route(InboundMessage.text("telegram", "update-next", "chat-poison", "again")).await().indefinitely())
                .as("the chat's next message is taken as usual").isEqualTo(Outcome.PROCESSED);
    }

    @Test
    void theNulCharacterIsTakenOutOfWhatACustomerWrites() {
        ConversationRouter router = new ConversationRouter(pool, new CountingFlow(), new PostgresSessions());

        assertThat(router.route(InboundMessage.text("telegram", "update-nul", "chat-nul", "10m\u0000 blue")
                .from(new InboundMessage.Sender("7", "Asha\u0000", null))).await().indefinitely()).isEqualTo(Outcome.PROCESSED);

        assertThat(replies("chat-nul")).containsExactly("#1: 10m blue");
    }

    @Test
    void chatsOnDifferentChannelsWithTheSameIdAreDifferentConversations() {
        ConversationRouter router = new ConversationRouter(pool, new CountingFlow(), new PostgresSessions());
        router.route(InboundMessage.text("telegram", "same-id", "4915550001", "a")).await().indefinitely();

        assertThat(router.route(InboundMessage.text("whatsapp", "same-id", "4915550001", "b")).await().indefinitely())
                .as("the same update id on another channel is another update").isEqualTo(Outcome.PROCESSED);
        assertThat(replies("4915550001")).containsExactly("#1: a", "#1: b");
    }

    @Test
    void aCustomerWithoutALanguageIsAnsweredInTheOneTheyWriteWhenTheFlowSpeaksIt() {
        List<String> seen = new ArrayList<>();
        Flow.Pure bilingual = new Flow.Pure() {
            @Override
            public String initialState() {
                return "any";
            }

            @Override
            public List<String> languages() {
                return List.of("en", "hi");
            }

            @Override
            public Turn turn(Conversation conversation, InboundMessage message) {
                seen.add(String.valueOf(conversation.language()));
                return new Turn("any", new JsonObject(), List.of());
            }
        };
        ConversationRouter router = new ConversationRouter(pool, bilingual, new PostgresSessions());

        router.route(InboundMessage.text("whatsapp", "lang-1", "lang-chat", "10m")).await().indefinitely();
        router.route(InboundMessage.text("whatsapp", "lang-2", "lang-chat", "bhaiya 10 meter neela sooti bhej do")).await().indefinitely();
        router.route(InboundMessage.text("whatsapp", "lang-3", "lang-chat", "need 5m red silk please")).await().indefinitely();
        router.route(InboundMessage.text("whatsapp", "lang-4", "lang-hindi-script", "१० मीटर नीला सूती")).await().indefinitely();

        assertThat(seen).as("too little to tell, then Hindi, kept once known").containsExactly("null", "hi", "hi", "hi");
        assertThat(language("lang-chat")).isEqualTo("hi");
        assertThat(language("lang-hindi-script")).isEqualTo("hi");

        new ConversationRouter(pool, new CountingFlow(), new PostgresSessions()).route(InboundMessage.text("whatsapp", "lang-5", "lang-monolingual",
                "bhaiya 10 meter neela sooti bhej do")).await().indefinitely();
        assertThat(language("lang-monolingual")).as("a flow that declares no languages").isNull();
    }

    private String language(String chatId) {
        return pool.preparedQuery("SELECT language FROM customer WHERE chat_id = $1").execute(Tuple.of(chatId)).await().indefinitely()
                .iterator().next().getString("language");
    }

    private List<String> replies(String chatId) {
        List<String> texts = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT payload FROM outbox_message WHERE chat_id = $1 ORDER BY id")
                .execute(Tuple.of(chatId)).await().indefinitely()) {
            texts.add(row.getJsonObject("payload").getString("text"));
        }
        return texts;
    }

    private List<String> deadLetters(String updateId) {
        List<String> reasons = new ArrayList<>();
        pool.preparedQuery("SELECT reason FROM dead_letter WHERE external_id = $1").execute(Tuple.of(updateId)).await().indefinitely()
                .forEach(row -> reasons.add(row.getString("reason")));
        return reasons;
    }

    private boolean recorded(String updateId) {
        return pool.preparedQuery("SELECT 1 FROM inbound_update WHERE external_id = $1")
                .execute(Tuple.of(updateId)).await().indefinitely().rowCount() > 0;
    }
}
