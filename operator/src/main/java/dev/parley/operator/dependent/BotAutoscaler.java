package dev.parley.operator.dependent;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.scaling.ScalingBehavior;
import dev.parley.api.v1alpha1.scaling.ScalingPolicySpec;
import dev.parley.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicyBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRulesBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The autoscaling/v2 HPA of a bot with a ScalingPolicy: CPU, and updates in flight per pod when the policy asks. */
@KubernetesDependent(informer = @Informer(labelSelector = BotNames.SELECTOR))
public class BotAutoscaler extends BotDependent<HorizontalPodAutoscaler> {

    /** The Pods metric the runtime exports (a gauge of updates being processed). */
    public static final String INFLIGHT_METRIC = "parley_inflight_updates";

    @Inject
    OperatorConfig config;

    public BotAutoscaler() {
        super(HorizontalPodAutoscaler.class);
    }

    @Override
    protected HorizontalPodAutoscaler desired(Bot bot, Context<Bot> context) {
        return desired(BotInputs.read(bot, context, config));
    }

    public static HorizontalPodAutoscaler desired(BotInputs in) {
        Bot bot = in.bot();
        ScalingPolicySpec policy = in.scalingPolicy()
                .orElseThrow(() -> new IllegalStateException("Bot " + BotNames.name(bot) + " has no ScalingPolicy"))
                .getSpec();
        List<MetricSpec> metrics = new ArrayList<>();
        metrics.add(new MetricSpecBuilder().withType("Resource")
                .withNewResource().withName("cpu")
                .withNewTarget().withType("Utilization").withAverageUtilization(policy.getTargetCPUUtilizationPercent()).endTarget()
                .endResource().build());
        if (policy.getTargetInflightUpdatesPerPod() != null) {
            metrics.add(new MetricSpecBuilder().withType("Pods")
                    .withNewPods()
                    .withNewMetric().withName(INFLIGHT_METRIC).endMetric()
                    .withNewTarget().withType("AverageValue")
                    .withAverageValue(new Quantity(String.valueOf(policy.getTargetInflightUpdatesPerPod()))).endTarget()
                    .endPods().build());
        }
        return new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName(BotNames.name(bot))
                .withNamespace(bot.getMetadata().getNamespace())
                .withLabels(BotNames.labels(bot))
                .endMetadata()
                .withNewSpec()
                .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName(BotNames.name(bot)).endScaleTargetRef()
                .withMinReplicas(policy.getMinReplicas())
                .withMaxReplicas(policy.getMaxReplicas())
                .withMetrics(metrics)
                .withNewBehavior()
                .withScaleUp(rules(policy.getScaleUp()))
                .withScaleDown(rules(policy.getScaleDown()))
                .endBehavior()
                .endSpec()
                .build();
    }

    /** One direction's rules; null (the HPA's defaults) when the policy says nothing about it. */
    static HPAScalingRules rules(ScalingBehavior behavior) {
        if (behavior == null) {
            return null;
        }
        int period = behavior.getPeriodSeconds() != null ? behavior.getPeriodSeconds() : 60;
        List<HPAScalingPolicy> policies = new ArrayList<>();
        if (behavior.getMaxPodsPerPeriod() != null) {
            policies.add(new HPAScalingPolicyBuilder().withType("Pods").withValue(behavior.getMaxPodsPerPeriod()).withPeriodSeconds(period).build());
        }
        if (behavior.getMaxPercentPerPeriod() != null) {
            policies.add(new HPAScalingPolicyBuilder().withType("Percent").withValue(behavior.getMaxPercentPerPeriod()).withPeriodSeconds(period).build());
        }
        return new HPAScalingRulesBuilder()
                .withStabilizationWindowSeconds(behavior.getStabilizationWindowSeconds())
                .withPolicies(policies.isEmpty() ? null : policies)
                .withSelectPolicy(policies.size() > 1 ? "Min" : null)
                .build();
    }
}
