package dev.parley.operator.dependent;

import java.net.URI;
import java.util.HashMap;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.bot.IngressSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Routes the host of spec.publicUrl to the bot's Service; only when spec.ingress is set. */
@KubernetesDependent(informer = @Informer(labelSelector = BotNames.SELECTOR))
public class BotIngress extends BotDependent<Ingress> {

    public BotIngress() {
        super(Ingress.class);
    }

    @Override
    protected Ingress desired(Bot bot, Context<Bot> context) {
        return desired(bot);
    }


    public static Ingress desired(Bot bot) {
        IngressSpec spec = bot.getSpec().getIngress();
        String host = URI.create(bot.getSpec().getPublicUrl()).getHost();
        var builder = new IngressBuilder()
                .withNewMetadata()
                .withName(BotNames.name(bot))
                .withNamespace(bot.getMetadata().getNamespace())
                .withLabels(BotNames.labels(bot))
                // A mutable map even when the Bot sets none: the SDK edits the desired object's annotations when it
                // compares it with the actual one.
                .withAnnotations(spec.getAnnotations() == null ? new HashMap<>() : new HashMap<>(spec.getAnnotations()))
                .endMetadata()
                .withNewSpec()
                .withIngressClassName(spec.getClassName())
                .addNewRule()
                .withHost(host)
                .withNewHttp()
                .addNewPath()
                .withPath("/")
                .withPathType("Prefix")
                .withNewBackend().withNewService().withName(BotNames.name(bot)).withNewPort().withName("http").endPort().endService().endBackend()
                .endPath()
                .endHttp()
                .endRule();
        if (spec.getTlsSecretName() != null) {
            builder.addNewTl().withHosts(host).withSecretName(spec.getTlsSecretName()).endTl();
        }
        return builder.endSpec().build();
    }
}
