package dev.parley.operator.dependent;

import java.util.ArrayList;
import java.util.List;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.scaling.ScalingBehavior;
import dev.parley.api.v1alpha1.scaling.ScalingPolicySpec;
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

    public BotAutoscaler() {
        super(HorizontalPodAutoscaler.class);
    }

    @Override
    protected HorizontalPodAutoscaler desired(Bot bot, Context<Bot> context) {
        return desired(inputs(bot, context));
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
                .withScaleUp(rules(policy.getScaleUp(), true))
                .withScaleDown(rules(policy.getScaleDown(), false))
                .endBehavior()
                .endSpec()
                .build();
    }

    /**
     * One direction's rules, complete: what the policy says, and for everything it leaves out the values the API
     * server would default. A partial desired object would never match the stored one, and every reconcile would
     * write it again.
     */
    static HPAScalingRules rules(ScalingBehavior behavior, boolean up) {
        ScalingBehavior given = behavior != null ? behavior : new ScalingBehavior();
        int window = given.getStabilizationWindowSeconds() != null ? given.getStabilizationWindowSeconds() : (up ? 0 : 300);
        List<HPAScalingPolicy> policies = new ArrayList<>();
        if (given.getMaxPodsPerPeriod() == null && given.getMaxPercentPerPeriod() == null) {
            int period = given.getPeriodSeconds() != null ? given.getPeriodSeconds() : 15;
            if (up) {
                policies.add(policy("Pods", 4, period));
            }
            policies.add(policy("Percent", 100, period));
        } else {
            int period = given.getPeriodSeconds() != null ? given.getPeriodSeconds() : 60;
            if (given.getMaxPodsPerPeriod() != null) {
                policies.add(policy("Pods", given.getMaxPodsPerPeriod(), period));
            }
            if (given.getMaxPercentPerPeriod() != null) {
                policies.add(policy("Percent", given.getMaxPercentPerPeriod(), period));
            }
        }
        // Both limits given means both apply: the smaller change wins. The server's own default is Max.
        String select = given.getMaxPodsPerPeriod() != null && given.getMaxPercentPerPeriod() != null ? "Min" : "Max";
        return new HPAScalingRulesBuilder()
                .withStabilizationWindowSeconds(window)
                .withPolicies(policies)
                .withSelectPolicy(select)
                .build();
    }

    private static HPAScalingPolicy policy(String type, int value, int periodSeconds) {
        return new HPAScalingPolicyBuilder().withType(type).withValue(value).withPeriodSeconds(periodSeconds).build();
    }
}
