package dev.parley.operator.dependent;

import dev.parley.api.v1alpha1.bot.Bot;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** An Ingress only for a bot that asks for one; removing spec.ingress removes it. */
public class HasIngress implements Condition<Object, Bot> {

    @Override
    public boolean isMet(DependentResource<Object, Bot> dependentResource, Bot bot, Context<Bot> context) {
        return bot.getSpec().getIngress() != null;
    }
}
