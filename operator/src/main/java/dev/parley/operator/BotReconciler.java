package dev.parley.operator;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.bot.BotStatus;
import dev.parley.api.v1alpha1.scaling.ScalingPolicy;
import dev.parley.api.v1alpha1.storage.StorageBackend;
import dev.parley.operator.config.OperatorConfig;
import dev.parley.operator.dependent.BotAutoscaler;
import dev.parley.operator.dependent.BotConfigMap;
import dev.parley.operator.dependent.BotDeployment;
import dev.parley.operator.dependent.BotDisruptionBudget;
import dev.parley.operator.dependent.BotIngress;
import dev.parley.operator.dependent.BotInputs;
import dev.parley.operator.dependent.BotLeaseRole;
import dev.parley.operator.dependent.BotLeaseRoleBinding;
import dev.parley.operator.dependent.BotService;
import dev.parley.operator.dependent.BotServiceAccount;
import dev.parley.operator.dependent.BotServiceMonitor;
import dev.parley.operator.dependent.HasIngress;
import dev.parley.operator.dependent.HasScalingPolicy;
import dev.parley.operator.dependent.HasStorage;
import dev.parley.operator.dependent.ServiceMonitorCrdPresent;
import dev.parley.operator.status.BotStatusCalculator;
import dev.parley.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.FieldSelector;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * Turns a Bot into its runtime: the dependents make the objects, this class wires the watches on what Bots
 * reference and writes the status. Event-driven: a change to a StorageBackend, ScalingPolicy or Secret wakes
 * exactly the Bots that use it, found through indexes rather than a resync.
 */
@ControllerConfiguration(name = "bot")
@Workflow(dependents = {
        @Dependent(name = "configmap", type = BotConfigMap.class),
        @Dependent(name = "serviceaccount", type = BotServiceAccount.class),
        @Dependent(name = "role", type = BotLeaseRole.class),
        @Dependent(name = "rolebinding", type = BotLeaseRoleBinding.class, dependsOn = {"role", "serviceaccount"}),
        @Dependent(name = "deployment", type = BotDeployment.class, dependsOn = {"configmap", "rolebinding"},
                reconcilePrecondition = HasStorage.class),
        @Dependent(name = "service", type = BotService.class),
        @Dependent(name = "autoscaler", type = BotAutoscaler.class, dependsOn = "deployment",
                reconcilePrecondition = HasScalingPolicy.class),
        @Dependent(name = "disruptionbudget", type = BotDisruptionBudget.class, reconcilePrecondition = HasScalingPolicy.class),
        @Dependent(name = "ingress", type = BotIngress.class, dependsOn = "service", reconcilePrecondition = HasIngress.class),
        @Dependent(name = "servicemonitor", type = BotServiceMonitor.class, dependsOn = "service",
                activationCondition = ServiceMonitorCrdPresent.class),
})
public class BotReconciler implements Reconciler<Bot> {

    static final String BY_STORAGE = "bot-by-storage";
    static final String BY_SCALING_POLICY = "bot-by-scaling-policy";
    static final String BY_SECRET = "bot-by-secret";

    @Inject
    OperatorConfig config;

    @Inject
    ReconcileMetrics metrics;

    @Override
    public UpdateControl<Bot> reconcile(Bot bot, Context<Bot> context) {
        return metrics.time("Bot", () -> doReconcile(bot, context));
    }

    @Override
    public ErrorStatusUpdateControl<Bot> updateErrorStatus(Bot bot, Context<Bot> context, Exception e) {
        metrics.error("Bot", e);
        BotStatus failed = BotStatusCalculator.reconcileFailed(bot, e);
        if (BotStatusCalculator.sameStatus(bot.getStatus(), failed)) {
            return ErrorStatusUpdateControl.defaultErrorProcessing();
        }
        return ErrorStatusUpdateControl.patchStatus(statusPatch(bot, failed));
    }

    private UpdateControl<Bot> doReconcile(Bot bot, Context<Bot> context) {
        BotInputs inputs = BotInputs.read(bot, context, config);
        Optional<Deployment> deployment = context.getSecondaryResource(Deployment.class);
        BotStatus next = BotStatusCalculator.calculate(inputs, deployment);
        if (BotStatusCalculator.sameStatus(bot.getStatus(), next)) {
            return UpdateControl.noUpdate();
        }
        return UpdateControl.patchStatus(statusPatch(bot, next));
    }

    /** A patch of just the status, with each condition's transition time kept while its status is unchanged. */
    private static Bot statusPatch(Bot bot, BotStatus next) {
        next.setConditions(Conditions.merge(bot.getStatus() == null ? null : bot.getStatus().getConditions(), next.getConditions()));
        Bot patch = new Bot();
        patch.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName(bot.getMetadata().getName()).withNamespace(bot.getMetadata().getNamespace()).build());
        patch.setStatus(next);
        return patch;
    }

    @Override
    public List<EventSource<?, Bot>> prepareEventSources(EventSourceContext<Bot> context) {
        context.getPrimaryCache().addIndexer(BY_STORAGE, bot -> List.of(key(bot.getMetadata().getNamespace(), bot.getSpec().getStorageRef().getName())));
        context.getPrimaryCache().addIndexer(BY_SCALING_POLICY, bot -> bot.getSpec().getScalingPolicyRef() == null ? List.of()
                : List.of(key(bot.getMetadata().getNamespace(), bot.getSpec().getScalingPolicyRef().getName())));
        context.getPrimaryCache().addIndexer(BY_SECRET, bot -> BotInputs.secretKeyRefs(bot).stream()
                .map(ref -> key(bot.getMetadata().getNamespace(), ref.getName())).distinct().toList());

        // Bots care about a StorageBackend's spec and whether it is reachable, not about every status write.
        var storage = new InformerEventSource<>(InformerEventSourceConfiguration.from(StorageBackend.class, Bot.class)
                .withSecondaryToPrimaryMapper(sb -> botsIndexedBy(context, BY_STORAGE, sb.getMetadata().getNamespace(), sb.getMetadata().getName()))
                .withOnUpdateFilter((updated, old) -> generationChanged(updated, old) || !Objects.equals(reachable(updated), reachable(old)))
                .build(), context);
        // A ScalingPolicy's status (how many bots use it) changes with every Bot; only its spec matters here.
        var policies = new InformerEventSource<>(InformerEventSourceConfiguration.from(ScalingPolicy.class, Bot.class)
                .withSecondaryToPrimaryMapper(sp -> botsIndexedBy(context, BY_SCALING_POLICY, sp.getMetadata().getNamespace(), sp.getMetadata().getName()))
                .withOnUpdateFilter(BotReconciler::generationChanged)
                .build(), context);
        var secrets = new InformerEventSource<>(InformerEventSourceConfiguration.from(Secret.class, Bot.class)
                .withSecondaryToPrimaryMapper(secret -> botsUsingSecret(context, storage, secret))
                .build(), context);
        // The one CRD whose presence changes what a Bot gets; when it appears, every Bot gains a ServiceMonitor.
        // CRDs are cluster-scoped: one informer for the cluster, whichever namespaces the Bots are watched in (an
        // informer per watched namespace would file the CRD under none of them).
        var serviceMonitorCrd = new InformerEventSource<>(InformerEventSourceConfiguration.from(CustomResourceDefinition.class, Bot.class)
                .withWatchAllNamespaces()
                .withFollowControllerNamespacesChanges(false)
                .withFieldSelector(new FieldSelector(new FieldSelector.Field("metadata.name", BotServiceMonitor.CRD_NAME)))
                .withSecondaryToPrimaryMapper(crd -> context.getPrimaryCache().list().map(ResourceID::fromResource).collect(Collectors.toSet()))
                .build(), context);
        return List.of(storage, policies, secrets, serviceMonitorCrd);
    }

    /** Bots whose own spec references the Secret, and Bots whose StorageBackend does. */
    private static Set<ResourceID> botsUsingSecret(EventSourceContext<Bot> context, InformerEventSource<StorageBackend, Bot> storage, Secret secret) {
        String namespace = secret.getMetadata().getNamespace();
        String name = secret.getMetadata().getName();
        Set<ResourceID> bots = new HashSet<>(botsIndexedBy(context, BY_SECRET, namespace, name));
        storage.list(namespace, sb -> BotInputs.secretNames(sb).contains(name))
                .forEach(sb -> bots.addAll(botsIndexedBy(context, BY_STORAGE, namespace, sb.getMetadata().getName())));
        return bots;
    }

    private static Set<ResourceID> botsIndexedBy(EventSourceContext<Bot> context, String index, String namespace, String name) {
        return context.getPrimaryCache().byIndex(index, key(namespace, name)).stream()
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    private static boolean generationChanged(HasMetadata updated, HasMetadata old) {
        return !Objects.equals(updated.getMetadata().getGeneration(), old.getMetadata().getGeneration());
    }

    private static String reachable(StorageBackend storage) {
        return storage.getStatus() == null ? null : storage.getStatus().getConditions().stream()
                .filter(c -> StorageBackend.REACHABLE.equals(c.getType()))
                .map(c -> c.getStatus() + ":" + c.getMessage()).findFirst().orElse(null);
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

}
