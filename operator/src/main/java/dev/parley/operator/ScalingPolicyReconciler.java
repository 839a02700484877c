package dev.parley.operator;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.inject.Inject;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.scaling.ScalingPolicy;
import dev.parley.api.v1alpha1.scaling.ScalingPolicyStatus;
import dev.parley.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/** Reports how many Bots use a ScalingPolicy; the policy itself is applied by each Bot's autoscaler. */
@ControllerConfiguration(name = "scalingpolicy")
public class ScalingPolicyReconciler implements Reconciler<ScalingPolicy> {

    public static final String IN_USE = "InUse";

    @SuppressWarnings("unchecked")
    @Inject
    ReconcileMetrics metrics;

    @Override
    public UpdateControl<ScalingPolicy> reconcile(ScalingPolicy policy, Context<ScalingPolicy> context) {
        return metrics.time("ScalingPolicy", () -> doReconcile(policy, context));
    }

    @Override
    public ErrorStatusUpdateControl<ScalingPolicy> updateErrorStatus(ScalingPolicy policy, Context<ScalingPolicy> context, Exception e) {
        metrics.error("ScalingPolicy", e);
        return ErrorStatusUpdateControl.defaultErrorProcessing();
    }

    private UpdateControl<ScalingPolicy> doReconcile(ScalingPolicy policy, Context<ScalingPolicy> context) {
        var bots = (InformerEventSource<Bot, ScalingPolicy>) context.eventSourceRetriever().getEventSourceFor(Bot.class);
        String name = policy.getMetadata().getName();
        int count = (int) bots.list(policy.getMetadata().getNamespace(), bot -> bot.getSpec().getScalingPolicyRef() != null
                && name.equals(bot.getSpec().getScalingPolicyRef().getName())).count();

        Long generation = policy.getMetadata().getGeneration();
        Condition inUse = Conditions.of(IN_USE, count > 0, count > 0 ? "ReferencedByBots" : "Unreferenced",
                count == 1 ? "used by 1 Bot" : "used by " + count + " Bots", generation);
        ScalingPolicyStatus current = policy.getStatus();
        if (current != null && Objects.equals(current.getObservedGeneration(), generation)
                && Objects.equals(current.getBots(), count) && Conditions.sameFacts(current.getConditions(), List.of(inUse))) {
            return UpdateControl.noUpdate();
        }
        ScalingPolicyStatus next = new ScalingPolicyStatus();
        next.setObservedGeneration(generation);
        next.setBots(count);
        next.setConditions(Conditions.merge(current == null ? null : current.getConditions(), List.of(inUse)));
        ScalingPolicy patch = new ScalingPolicy();
        patch.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(policy.getMetadata().getNamespace()).build());
        patch.setStatus(next);
        return UpdateControl.patchStatus(patch);
    }

    @Override
    public List<EventSource<?, ScalingPolicy>> prepareEventSources(EventSourceContext<ScalingPolicy> context) {
        // Only a Bot's reference matters here; its status writes are filtered out.
        var bots = new InformerEventSource<>(InformerEventSourceConfiguration.from(Bot.class, ScalingPolicy.class)
                .withSecondaryToPrimaryMapper(bot -> bot.getSpec().getScalingPolicyRef() == null ? Set.of()
                        : Set.of(new ResourceID(bot.getSpec().getScalingPolicyRef().getName(), bot.getMetadata().getNamespace())))
                .withOnUpdateFilter((updated, old) -> !Objects.equals(updated.getMetadata().getGeneration(), old.getMetadata().getGeneration()))
                .build(), context);
        return List.of(bots);
    }
}
