package dev.parley.runtime.understanding.llm;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.parley.runtime.config.AiSettings;
import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.understanding.IntentClassifier;
import dev.parley.runtime.understanding.OrderExtractor;
import dev.parley.runtime.understanding.ReplyClassifier;
import dev.parley.runtime.understanding.RuleBasedExtractor;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The bot's order extractor and reply classifier, as its {@code spec.ai} asks: the rules ({@code rules}, the
 * default), or a model ({@code openai}, {@code ollama}) with the rules to fall back on.
 */
@Singleton
public class OrderExtractorProducer {

    private static final Logger LOG = Logger.getLogger(OrderExtractorProducer.class);

    /** Made at startup, so that a model the runtime cannot build stops it there rather than at the first message. */
    @Produces
    @Singleton
    @Startup
    OrderExtractor orderExtractor(BotSettings settings, Pool pool, MeterRegistry registry) {
        return create(settings.ai(), pool, registry);
    }

    /** The bot's reply classifier: the rules, or a model with the rules to fall back on, on the same token budget. */
    @Produces
    @Singleton
    @Startup
    ReplyClassifier replyClassifier(BotSettings settings, Pool pool, MeterRegistry registry) {
        return replies(settings.ai(), pool, registry);
    }

    static ReplyClassifier replies(AiSettings ai, Pool pool, MeterRegistry registry) {
        IntentClassifier rules = new IntentClassifier();
        if (ai.provider() == AiSettings.Provider.RULES) {
            return rules;
        }
        return new LlmReplyClassifier(ChatModels.create(ai), rules, budget(ai, pool), ai.retries(), registry, ai.apiKey());
    }

    private static TokenBudget budget(AiSettings ai, Pool pool) {
        return ai.dailyTokenBudget().isPresent()
                ? new PostgresTokenBudget(pool, ai.dailyTokenBudget().getAsLong(), Clock.systemUTC())
                : TokenBudget.UNLIMITED;
    }

    static OrderExtractor create(AiSettings ai, Pool pool, MeterRegistry registry) {
        RuleBasedExtractor rules = new RuleBasedExtractor();
        if (ai.provider() == AiSettings.Provider.RULES) {
            return rules;
        }
        LOG.infof("Orders and replies are read by a model, with the rules to fall back on: %s", ai);
        return new LlmExtractor(ChatModels.create(ai), rules, budget(ai, pool), ai.retries(), registry, ai.apiKey());
    }
}
