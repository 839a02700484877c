package dev.parley.api.v1alpha1.scaling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** One direction of the autoscaler's behaviour (HPA spec.behavior.scaleUp or scaleDown). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScalingBehavior {

    @Min(0)
    @Max(3600)
    @JsonPropertyDescription("Seconds of past recommendations considered before scaling in this direction.")
    private Integer stabilizationWindowSeconds;

    @Min(1)
    @JsonPropertyDescription("At most this many pods added or removed per period.")
    private Integer maxPodsPerPeriod;

    @Min(1)
    @JsonPropertyDescription("At most this percentage of the current replicas added or removed per period.")
    private Integer maxPercentPerPeriod;

    @Min(1)
    @Max(1800)
    @JsonPropertyDescription("Length of the period the limits above apply to, in seconds (default 60).")
    private Integer periodSeconds;

    public Integer getStabilizationWindowSeconds() {
        return stabilizationWindowSeconds;
    }

    public void setStabilizationWindowSeconds(Integer stabilizationWindowSeconds) {
        this.stabilizationWindowSeconds = stabilizationWindowSeconds;
    }

    public Integer getMaxPodsPerPeriod() {
        return maxPodsPerPeriod;
    }

    public void setMaxPodsPerPeriod(Integer maxPodsPerPeriod) {
        this.maxPodsPerPeriod = maxPodsPerPeriod;
    }

    public Integer getMaxPercentPerPeriod() {
        return maxPercentPerPeriod;
    }

    public void setMaxPercentPerPeriod(Integer maxPercentPerPeriod) {
        this.maxPercentPerPeriod = maxPercentPerPeriod;
    }

    public Integer getPeriodSeconds() {
        return periodSeconds;
    }

    public void setPeriodSeconds(Integer periodSeconds) {
        this.periodSeconds = periodSeconds;
    }
}
