package dev.parley.operator.dependent;

import dev.parley.api.v1alpha1.bot.Bot;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Binds {@link BotLeaseRole} to {@link BotServiceAccount}. */
@KubernetesDependent(informer = @Informer(labelSelector = BotNames.SELECTOR))
public class BotLeaseRoleBinding extends BotDependent<RoleBinding> {

    public BotLeaseRoleBinding() {
        super(RoleBinding.class);
    }

    @Override
    protected RoleBinding desired(Bot bot, Context<Bot> context) {
        return desired(bot);
    }

    public static RoleBinding desired(Bot bot) {
        return new RoleBindingBuilder()
                .withNewMetadata()
                .withName(BotNames.name(bot))
                .withNamespace(bot.getMetadata().getNamespace())
                .withLabels(BotNames.labels(bot))
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", BotNames.name(bot))
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(BotNames.name(bot))
                .withNamespace(bot.getMetadata().getNamespace())
                .endSubject()
                .build();
    }
}
