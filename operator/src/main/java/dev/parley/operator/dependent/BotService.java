package dev.parley.operator.dependent;

import dev.parley.api.v1alpha1.bot.Bot;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The bot's webhooks, owner API and metrics behind one ClusterIP Service. */
@KubernetesDependent(informer = @Informer(labelSelector = BotNames.SELECTOR))
public class BotService extends BotDependent<Service> {

    public BotService() {
        super(Service.class);
    }

    @Override
    protected Service desired(Bot bot, Context<Bot> context) {
        return desired(bot);
    }

    public static Service desired(Bot bot) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(BotNames.name(bot))
                .withNamespace(bot.getMetadata().getNamespace())
                .withLabels(BotNames.labels(bot))
                .endMetadata()
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(BotNames.selector(bot))
                .addNewPort()
                .withName("http")
                .withPort(80)
                .withTargetPort(new IntOrString("http"))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build();
    }
}
