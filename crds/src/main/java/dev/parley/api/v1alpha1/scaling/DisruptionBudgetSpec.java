package dev.parley.api.v1alpha1.scaling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!(has(self.minAvailable) && has(self.maxUnavailable))",
        message = "set either minAvailable or maxUnavailable, not both")
public class DisruptionBudgetSpec {

    @Min(0)
    @JsonPropertyDescription("Pods that must stay available during a voluntary disruption.")
    private Integer minAvailable;

    @Min(0)
    @JsonPropertyDescription("Pods that may be unavailable during a voluntary disruption.")
    private Integer maxUnavailable;

    public Integer getMinAvailable() {
        return minAvailable;
    }

    public void setMinAvailable(Integer minAvailable) {
        this.minAvailable = minAvailable;
    }

    public Integer getMaxUnavailable() {
        return maxUnavailable;
    }

    public void setMaxUnavailable(Integer maxUnavailable) {
        this.maxUnavailable = maxUnavailable;
    }
}
