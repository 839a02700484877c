package dev.parley.api.v1alpha1.scaling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.minReplicas <= self.maxReplicas",
        message = "minReplicas must not be greater than maxReplicas", fieldPath = ".maxReplicas")
public class ScalingPolicySpec {

    @Default("1")
    @Min(1)
    @Max(1000)
    @JsonPropertyDescription("Fewest runtime replicas; at least 2 keeps a bot answering through a node drain.")
    private Integer minReplicas = 1;

    @Required
    @Min(1)
    @Max(1000)
    @JsonPropertyDescription("Most runtime replicas; must not be less than minReplicas.")
    private Integer maxReplicas;

    @JsonProperty("targetCPUUtilizationPercent")
    @Default("70")
    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Average CPU utilisation, in percent of requests, that the autoscaler aims for.")
    private Integer targetCPUUtilizationPercent = 70;

    @Min(1)
    @JsonPropertyDescription("Average number of updates being processed per pod that the autoscaler aims for "
            + "(the runtime's parley_inflight_updates Pods metric; needs a custom-metrics adapter). Omit to scale on CPU only.")
    private Integer targetInflightUpdatesPerPod;

    @JsonPropertyDescription("How fast to add replicas.")
    private ScalingBehavior scaleUp;

    @JsonPropertyDescription("How fast to remove replicas.")
    private ScalingBehavior scaleDown;

    @JsonPropertyDescription("The PodDisruptionBudget for the bot's pods. Omit for maxUnavailable: 1.")
    private DisruptionBudgetSpec podDisruptionBudget;

    public Integer getMinReplicas() {
        return minReplicas;
    }

    public void setMinReplicas(Integer minReplicas) {
        this.minReplicas = minReplicas;
    }

    public Integer getMaxReplicas() {
        return maxReplicas;
    }

    public void setMaxReplicas(Integer maxReplicas) {
        this.maxReplicas = maxReplicas;
    }

    public Integer getTargetCPUUtilizationPercent() {
        return targetCPUUtilizationPercent;
    }

    public void setTargetCPUUtilizationPercent(Integer targetCPUUtilizationPercent) {
        this.targetCPUUtilizationPercent = targetCPUUtilizationPercent;
    }

    public Integer getTargetInflightUpdatesPerPod() {
        return targetInflightUpdatesPerPod;
    }

    public void setTargetInflightUpdatesPerPod(Integer targetInflightUpdatesPerPod) {
        this.targetInflightUpdatesPerPod = targetInflightUpdatesPerPod;
    }

    public ScalingBehavior getScaleUp() {
        return scaleUp;
    }

    public void setScaleUp(ScalingBehavior scaleUp) {
        this.scaleUp = scaleUp;
    }

    public ScalingBehavior getScaleDown() {
        return scaleDown;
    }

    public void setScaleDown(ScalingBehavior scaleDown) {
        this.scaleDown = scaleDown;
    }

    public DisruptionBudgetSpec getPodDisruptionBudget() {
        return podDisruptionBudget;
    }

    public void setPodDisruptionBudget(DisruptionBudgetSpec podDisruptionBudget) {
        this.podDisruptionBudget = podDisruptionBudget;
    }
}
