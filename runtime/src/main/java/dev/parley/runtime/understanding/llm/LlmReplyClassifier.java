package dev.parley.runtime.understanding.llm;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.parley.runtime.understanding.Intent;
import dev.parley.runtime.understanding.ReplyClassifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads what a reply means with a language model, as {@link LlmExtractor} reads order lines, and with the rules
 * whenever the model cannot be trusted to: the answer must pass {@link ReplySchema}; an invalid answer or a transient
 * error is asked again {@code retries} times; then, or at once when the day's token budget (shared with the
 * extractor) is spent, the model times out or refuses the request, the rules answer. Each fallback is counted in
 * {@code parley_understanding_reply_fallbacks_total{reason}}.
 *
 * <p>Blocks on the network for up to the timeout per attempt: call it on a worker thread, never an event loop.
 */
public final class LlmReplyClassifier implements ReplyClassifier {

    private static final Logger LOG = Logger.getLogger(LlmReplyClassifier.class);
    private static final int MAX_DETAIL = 300;

    private final ChatModel model;
    private final ReplyClassifier rules;
    private final TokenBudget budget;
    private final int retries;
    private final Optional<String> apiKey;
    private final Map<LlmExtractor.Fallback, Counter> fallbacks = new EnumMap<>(LlmExtractor.Fallback.class);

    LlmReplyClassifier(ChatModel model, ReplyClassifier rules, TokenBudget budget, int retries, MeterRegistry registry,
            Optional<String> apiKey) {
        this.model = model;
        this.rules = rules;
        this.budget = budget;
        this.retries = retries;
        this.apiKey = apiKey;
        for (LlmExtractor.Fallback reason : LlmExtractor.Fallback.values()) {
            fallbacks.put(reason, Counter.builder("parley.understanding.reply.fallbacks")
                    .description("Replies the rules read because the model could not")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    @Override
    public Intent classify(String text) {
        if (text == null || text.isBlank()) {
            return rules.classify(text);
        }
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(ReplyPrompt.SYSTEM), UserMessage.from(text))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(ReplySchema.SCHEMA).build())
                .build();
        LlmExtractor.Fallback failure = null;
        String detail = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            try {
                if (!budget.allows()) {
                    return fallBack(LlmExtractor.Fallback.BUDGET, "the daily token budget is spent", text);
                }
            } catch (RuntimeException e) {
                return fallBack(LlmExtractor.Fallback.ERROR, "the token budget cannot be read: " + describe(e), text);
            }
            ChatResponse response;
            try {
                response = model.chat(request);
            } catch (TimeoutException e) {
                return fallBack(LlmExtractor.Fallback.TIMEOUT, describe(e), text);
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    return fallBack(LlmExtractor.Fallback.ERROR, describe(e), text);
                }
                failure = LlmExtractor.Fallback.ERROR;
                detail = describe(e);
                continue;
            }
            spend(response.tokenUsage());
            try {
                return ReplySchema.intent(response.aiMessage().text());
            } catch (OrderSchema.InvalidOutput e) {
                failure = LlmExtractor.Fallback.INVALID;
                detail = e.getMessage();
            }
        }
        return fallBack(failure, detail, text);
    }

    private static boolean isTransient(RuntimeException e) {
        if (e instanceof RetriableException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private void spend(TokenUsage usage) {
        if (usage == null) {
            return;
        }
        long tokens = (usage.inputTokenCount() == null ? 0 : usage.inputTokenCount())
                + (usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
        try {
            budget.spend(tokens);
        } catch (RuntimeException e) {
            LOG.warnf("Could not count %d model tokens against the daily budget: %s", tokens, describe(e));
        }
    }

    private Intent fallBack(LlmExtractor.Fallback reason, String detail, String text) {
        fallbacks.get(reason).increment();
        if (reason == LlmExtractor.Fallback.BUDGET) {
            LOG.debugf("The rules read this reply: %s", redact(detail));
        } else {
            LOG.warnf("The model could not read a reply (%s), the rules did: %s", reason.name().toLowerCase(Locale.ROOT), redact(detail));
        }
        return rules.classify(text);
    }

    private String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : redact(e.getMessage());
        if (message.length() > MAX_DETAIL) {
            message = message.substring(0, MAX_DETAIL) + "...";
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private String redact(String message) {
        return message == null || apiKey.isEmpty() ? message : message.replace(apiKey.get(), "***");
    }
}
