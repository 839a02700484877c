package dev.parley.operator.dependent;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.scaling.DisruptionBudgetSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Keeps a bot answering through node drains: the ScalingPolicy's budget, or one pod down at a time. */
@KubernetesDependent(informer = @Informer(labelSelector = BotNames.SELECTOR))
public class BotDisruptionBudget extends BotDependent<PodDisruptionBudget> {

    public BotDisruptionBudget() {
        super(PodDisruptionBudget.class);
    }

    @Override
    protected PodDisruptionBudget desired(Bot bot, Context<Bot> context) {
        return desired(inputs(bot, context));
    }

    public static PodDisruptionBudget desired(BotInputs in) {
        Bot bot = in.bot();
        DisruptionBudgetSpec budget = in.scalingPolicy().map(p -> p.getSpec().getPodDisruptionBudget()).orElse(null);
        var builder = new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName(BotNames.name(bot))
                .withNamespace(bot.getMetadata().getNamespace())
                .withLabels(BotNames.labels(bot))
                .endMetadata()
                .withNewSpec()
                .withNewSelector().withMatchLabels(BotNames.selector(bot)).endSelector();
        if (budget != null && budget.getMinAvailable() != null) {
            builder.withMinAvailable(new IntOrString(budget.getMinAvailable()));
        } else {
            int maxUnavailable = budget != null && budget.getMaxUnavailable() != null ? budget.getMaxUnavailable() : 1;
            builder.withMaxUnavailable(new IntOrString(maxUnavailable));
        }
        return builder.endSpec().build();
    }
}
