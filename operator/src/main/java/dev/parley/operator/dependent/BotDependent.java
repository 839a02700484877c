package dev.parley.operator.dependent;

import jakarta.inject.Inject;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * A namespaced object named like its Bot. Naming the target directly means the SDK need not compute the desired
 * object to find it, which it would otherwise do even when deleting one whose inputs are gone (a removed
 * ScalingPolicy or spec.ingress).
 */
public abstract class BotDependent<R extends HasMetadata> extends CRUDKubernetesDependentResource<R, Bot> {

    @Inject
    OperatorConfig config;

    protected BotDependent(Class<R> type) {
        super(type);
    }

    /** What the desired object is built from, for dependents that need more than the Bot. */
    protected BotInputs inputs(Bot bot, Context<Bot> context) {
        return BotInputs.read(bot, context, config);
    }

    @Override
    protected ResourceID targetSecondaryResourceID(Bot bot, Context<Bot> context) {
        return new ResourceID(BotNames.name(bot), bot.getMetadata().getNamespace());
    }
}
