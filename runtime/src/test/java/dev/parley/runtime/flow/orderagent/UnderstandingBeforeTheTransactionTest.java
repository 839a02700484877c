package dev.parley.runtime.flow.orderagent;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.inventory.AllocationOrder;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.understanding.IntentClassifier;
import dev.parley.runtime.understanding.OrderExtractor;
import dev.parley.runtime.understanding.OrderLine;
import dev.parley.runtime.understanding.Intent;
import dev.parley.runtime.understanding.ReplyClassifier;
import dev.parley.runtime.understanding.RuleBasedExtractor;
import dev.parley.runtime.understanding.Vocabulary;
import io.smallrye.mutiny.Uni;

/**
 * A model reads the order before the message's transaction begins ({@code Flow.understand}), so no conversation row
 * is locked while it thinks; a plain yes or no costs no model call, and the rules need no such step.
 */
class UnderstandingBeforeTheTransactionTest {

    private static final Vocabulary WORDS = new Vocabulary(Map.of("cotton", Set.of("cotton")), Map.of("blue", Set.of("blue")));
    private static final CommerceSettings COMMERCE = new CommerceSettings("INR", BigDecimal.ZERO, "INV-", List.of("en"),
            AllocationOrder.FIFO, List.of(), "0 10 * * 1", "Asia/Kolkata");

    private final List<String> modelCalls = new CopyOnWriteArrayList<>();
    private final OrderExtractor model = (text, vocabulary) -> {
        modelCalls.add(text + " on " + Thread.currentThread().getName());
        return List.of(OrderLine.meters("cotton", "blue", new BigDecimal("10.00")));
    };

    private OrderAgentFlow flow(OrderExtractor extractor) {
        return new OrderAgentFlow(extractor, () -> Uni.createFrom().item(WORDS), new IntentClassifier(), null, null, COMMERCE);
    }

    @Test
    void aModelReadsTheOrderBeforeTheTransactionAndOffTheCallersThread() {
        Object understood = flow(model).understand(InboundMessage.text("telegram", "1", "42", "the usual blue one, ten meters"))
                .await().indefinitely();

        assertThat(understood).isEqualTo(new OrderAgentFlow.Understood(List.of(OrderLine.meters("cotton", "blue", new BigDecimal("10.00")))));
        assertThat(modelCalls).singleElement().asString().startsWith("the usual blue one, ten meters on ")
                .doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void aPlainAnswerCostsNoModelCallAndTheRulesReadBeforeTheTransactionToo() {
        assertThat(flow(model).understand(InboundMessage.text("telegram", "2", "42", "haan confirm karo")).await().indefinitely())
                .isEqualTo(new OrderAgentFlow.Understood(List.of()));
        assertThat(flow(model).understand(InboundMessage.button("telegram", "3", "42", "o:1:confirm")).await().indefinitely()).isNull();
        assertThat(flow(new RuleBasedExtractor()).understand(InboundMessage.text("telegram", "4", "42", "10m blue cotton"))
                .await().indefinitely())
                .as("the rules read the lines before the transaction: inside it nothing waits for a second pool connection")
                .isEqualTo(new OrderAgentFlow.Understood(List.of(OrderLine.meters("cotton", "blue", BigDecimal.TEN))));

        assertThat(modelCalls).isEmpty();
    }

    @Test
    void aReplyTheRulesCannotPlaceIsReadByTheReplyModelBeforeTheTransaction() {
        List<String> asked = new CopyOnWriteArrayList<>();
        ReplyClassifier replyModel = text -> {
            asked.add(text);
            return Intent.CONFIRM;
        };
        OrderAgentFlow flow = new OrderAgentFlow(new RuleBasedExtractor(), replyModel, () -> Uni.createFrom().item(WORDS),
                new IntentClassifier(), null, null, COMMERCE);

        assertThat(flow.understand(InboundMessage.text("telegram", "5", "42", "kal function hai, jaldi chahiye")).await().indefinitely())
                .isEqualTo(new OrderAgentFlow.Understood(List.of(), Intent.CONFIRM));
        assertThat(flow.understand(InboundMessage.text("telegram", "6", "42", "haan confirm karo")).await().indefinitely())
                .as("the rules place it: no model call").isEqualTo(new OrderAgentFlow.Understood(List.of()));
        assertThat(flow.understand(InboundMessage.text("telegram", "7", "42", "10m blue cotton")).await().indefinitely())
                .as("an order, which the rules read: no reply to place")
                .isEqualTo(new OrderAgentFlow.Understood(List.of(OrderLine.meters("cotton", "blue", BigDecimal.TEN))));
        assertThat(asked).containsExactly("kal function hai, jaldi chahiye");
    }
}
