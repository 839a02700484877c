package dev.parley.runtime.understanding.llm;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
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
import dev.parley.runtime.understanding.OrderExtractor;
import dev.parley.runtime.understanding.OrderLine;
import dev.parley.runtime.understanding.Vocabulary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads order lines with a language model (through langchain4j), and with the rules whenever the model cannot be
 * trusted to: its answer must pass {@link OrderSchema}; an invalid answer or a transient error (HTTP 429, 5xx, a
 * broken connection) is asked again {@code retries} times; then, or at once when the day's token budget is spent,
 * the model does not answer within its timeout, or it refuses the request (HTTP 4xx), the rules answer instead.
 * Each such fallback is counted in {@code parley_understanding_fallbacks_total{reason}}.
 *
 * <p>A timeout is not retried: the customer has already waited the whole timeout once.
 *
 * <p>Blocks on the network for up to the timeout per attempt: call it on a worker thread, never an event loop.
 */
public final class LlmExtractor implements OrderExtractor {

    private static final Logger LOG = Logger.getLogger(LlmExtractor.class);

    /** Why the rules answered instead of the model; the {@code reason} tag. */
    enum Fallback {
        /** The day's token budget is spent. */
        BUDGET,
        /** The model did not answer within the timeout. */
        TIMEOUT,
        /** The provider failed or refused the request, or the budget could not be read. */
        ERROR,
        /** The model's answers were not valid orders. */
        INVALID;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An exception message in a log line is cut here: an error body can be long. */
    private static final int MAX_DETAIL = 300;

    private final ChatModel model;
    private final OrderExtractor rules;
    private final TokenBudget budget;
    private final int retries;
    private final Optional<String> apiKey;
    private final Map<Fallback, Counter> fallbacks = new EnumMap<>(Fallback.class);

    /**
     * @param apiKey the provider's key, only so that it can be cut out of error messages before they are logged
     */
    LlmExtractor(ChatModel model, OrderExtractor rules, TokenBudget budget, int retries, MeterRegistry registry,
            Optional<String> apiKey) {
        this.model = model;
        this.rules = rules;
        this.budget = budget;
        this.retries = retries;
        this.apiKey = apiKey;
        for (Fallback reason : Fallback.values()) {
            // Registered up front, so that a dashboard sees 0 rather than nothing.
            fallbacks.put(reason, Counter.builder("parley.understanding.fallbacks")
                    .description("Messages the rules read because the model could not")
                    .tag("reason", reason.tag())
                    .register(registry));
        }
    }

    @Override
    public List<OrderLine> extract(String text, Vocabulary vocabulary) {
        if (text == null || text.isBlank() || vocabulary.materials().isEmpty() || vocabulary.colors().isEmpty()) {
            // Nothing to read, or a catalog with nothing to name: no model can do better than the rules here.
            return rules.extract(text, vocabulary);
        }
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(OrderPrompt.system(vocabulary)), UserMessage.from(text))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(OrderSchema.of(vocabulary)).build())
                .build();
        Fallback failure = null;
        String detail = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            try {
                if (!budget.allows()) {
                    return fallBack(Fallback.BUDGET, "the daily token budget is spent", text, vocabulary);
                }
            } catch (RuntimeException e) {
                return fallBack(Fallback.ERROR, "the token budget cannot be read: " + describe(e), text, vocabulary);
            }
            ChatResponse response;
            try {
                response = model.chat(request);
            } catch (TimeoutException e) {
                return fallBack(Fallback.TIMEOUT, describe(e), text, vocabulary);
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    return fallBack(Fallback.ERROR, describe(e), text, vocabulary);
                }
                failure = Fallback.ERROR;
                detail = describe(e);
                continue;
            }
            spend(response.tokenUsage());
            try {
                return OrderSchema.lines(response.aiMessage().text(), vocabulary);
            } catch (OrderSchema.InvalidOutput e) {
                failure = Fallback.INVALID;
                detail = e.getMessage();
                LOG.debugf("The model's answer is not a valid order (attempt %d of %d): %s", attempt + 1, retries + 1, redact(detail));
            }
        }
        return fallBack(failure, detail, text, vocabulary);
    }

    /** Rate limits, server errors and broken connections pass; a refused request or a bad key does not. */
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
        long tokens = count(usage.inputTokenCount()) + count(usage.outputTokenCount());
        try {
            budget.spend(tokens);
        } catch (RuntimeException e) {
            // The answer is good; losing one count is better than losing the answer.
            LOG.warnf("Could not count %d model tokens against the daily budget: %s", tokens, describe(e));
        }
    }

    private static long count(Integer tokens) {
        return tokens == null ? 0 : tokens;
    }

    private List<OrderLine> fallBack(Fallback reason, String detail, String text, Vocabulary vocabulary) {
        fallbacks.get(reason).increment();
        if (reason == Fallback.BUDGET) {
            // Every message of the day says so once the budget is spent: the counter tells, the log need not.
            LOG.debugf("The rules read this message: %s", redact(detail));
        } else {
            LOG.warnf("The model could not read a message (%s), the rules did: %s", reason.tag(), redact(detail));
        }
        return rules.extract(text, vocabulary);
    }

    /**
     * The exception's kind and message, without the key (a provider may echo it in an error body), and short. The
     * key goes before the message is cut, or a cut could leave part of it.
     */
    private String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : redact(e.getMessage());
        if (message.length() > MAX_DETAIL) {
            message = message.substring(0, MAX_DETAIL) + "...";
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private String redact(String message) {
        if (message == null || apiKey.isEmpty()) {
            return message;
        }
        return message.replace(apiKey.get(), "***");
    }
}
