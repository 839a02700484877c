package dev.parley.api.v1alpha1.scaling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.parley.api.v1alpha1.common.ParleyStatus;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScalingPolicyStatus extends ParleyStatus {

    @JsonPropertyDescription("How many Bots in this namespace reference the policy.")
    private Integer bots;

    public Integer getBots() {
        return bots;
    }

    public void setBots(Integer bots) {
        this.bots = bots;
    }
}
