package dev.parley.operator.dependent;

import dev.parley.api.v1alpha1.bot.Bot;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * Just what the runtime needs from the API: its own leader-election Lease. {@code create} cannot be limited to a
 * resource name, so it is granted on leases; everything else only on the bot's Lease.
 */
@KubernetesDependent(informer = @Informer(labelSelector = BotNames.SELECTOR))
public class BotLeaseRole extends BotDependent<Role> {

    public BotLeaseRole() {
        super(Role.class);
    }

    @Override
    protected Role desired(Bot bot, Context<Bot> context) {
        return desired(bot);
    }

    public static Role desired(Bot bot) {
        return new RoleBuilder()
                .withNewMetadata()
                .withName(BotNames.name(bot))
                .withNamespace(bot.getMetadata().getNamespace())
                .withLabels(BotNames.labels(bot))
                .endMetadata()
                .addNewRule()
                .withApiGroups("coordination.k8s.io")
                .withResources("leases")
                .withResourceNames(BotNames.leaseName(bot))
                .withVerbs("get", "update", "patch")
                .endRule()
                .addNewRule()
                .withApiGroups("coordination.k8s.io")
                .withResources("leases")
                .withVerbs("create")
                .endRule()
                .build();
    }
}
