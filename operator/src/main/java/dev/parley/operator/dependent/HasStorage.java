package dev.parley.operator.dependent;

import dev.parley.api.v1alpha1.bot.Bot;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The runtime cannot start without knowing its database: no Deployment until the StorageBackend exists. */
public class HasStorage implements Condition<Object, Bot> {

    @Override
    public boolean isMet(DependentResource<Object, Bot> dependentResource, Bot bot, Context<Bot> context) {
        return BotInputs.cachedStorage(bot, context).isPresent();
    }
}
