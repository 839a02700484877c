package dev.parley.operator.dependent;

import java.net.URI;
import java.util.HashMap;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.bot.IngressSpec;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * Routes the host of spec.publicUrl to the bot's Service; only when spec.ingress is set. Only what the outside
 * needs is published: the channels' webhooks ({@code /webhooks/<bot>}), the owner API ({@code /api/v1}) and the
 * owner's dashboard ({@code /dashboard}, with its stylesheet and script under {@code /dashboard-assets}). The
 * operations endpoints under {@code /q/} (metrics, health, OpenAPI) stay inside the cluster.
 */
@KubernetesDependent(informer = @Informer(labelSelector = BotNames.SELECTOR))
public class BotIngress extends BotDependent<Ingress> {

    /** The owner API's prefix; the runtime serves it with a bearer token. */
    public static final String PUBLIC_OWNER_API = "/api/v1";
    /** The owner's web dashboard (signed in with the owner token) and its static files. */
    public static final String PUBLIC_DASHBOARD = "/dashboard";
    public static final String PUBLIC_DASHBOARD_ASSETS = "/dashboard-assets";

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
                .addToPaths(path(bot, "/webhooks/" + BotNames.name(bot)), path(bot, PUBLIC_OWNER_API), path(bot, PUBLIC_DASHBOARD),
                        path(bot, PUBLIC_DASHBOARD_ASSETS))
                .endHttp()
                .endRule();
        if (spec.getTlsSecretName() != null) {
            builder.addNewTl().withHosts(host).withSecretName(spec.getTlsSecretName()).endTl();
        }
        return builder.endSpec().build();
    }

    private static HTTPIngressPath path(Bot bot, String prefix) {
        return new HTTPIngressPathBuilder().withPath(prefix).withPathType("Prefix")
                .withNewBackend().withNewService().withName(BotNames.name(bot)).withNewPort().withName("http").endPort().endService().endBackend()
                .build();
    }
}
