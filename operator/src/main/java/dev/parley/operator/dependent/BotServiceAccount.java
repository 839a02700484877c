package dev.parley.operator.dependent;

import dev.parley.api.v1alpha1.bot.Bot;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The identity of the bot's pods; it may do nothing but hold the bot's leader Lease (see {@link BotLeaseRole}). */
@KubernetesDependent(informer = @Informer(labelSelector = BotNames.SELECTOR))
public class BotServiceAccount extends BotDependent<ServiceAccount> {

    public BotServiceAccount() {
        super(ServiceAccount.class);
    }

    @Override
    protected ServiceAccount desired(Bot bot, Context<Bot> context) {
        return desired(bot);
    }

    public static ServiceAccount desired(Bot bot) {
        return new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(BotNames.name(bot))
                .withNamespace(bot.getMetadata().getNamespace())
                .withLabels(BotNames.labels(bot))
                .endMetadata()
                .withAutomountServiceAccountToken(true)
                .build();
    }
}
