package dev.parley.operator.dependent;

import dev.parley.api.v1alpha1.bot.Bot;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The HPA and PDB exist only for a bot that references a ScalingPolicy that exists. */
public class HasScalingPolicy implements Condition<Object, Bot> {

    @Override
    public boolean isMet(DependentResource<Object, Bot> dependentResource, Bot bot, Context<Bot> context) {
        return bot.getSpec().getScalingPolicyRef() != null
                && BotInputs.cachedScalingPolicy(bot, context).isPresent();
    }
}
