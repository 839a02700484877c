package dev.parley.operator.dependent;

import dev.parley.api.v1alpha1.bot.Bot;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * The runtime cannot start without knowing its database, nor with a flow it does not serve: no Deployment until the
 * StorageBackend exists, and none (an existing one is deleted) while the Bot's flow is not one the runtime serves.
 */
public class HasStorage implements Condition<Object, Bot> {

    @Override
    public boolean isMet(DependentResource<Object, Bot> dependentResource, Bot bot, Context<Bot> context) {
        return ServedFlows.served(bot) && BotInputs.cachedStorage(bot, context).isPresent();
    }
}
