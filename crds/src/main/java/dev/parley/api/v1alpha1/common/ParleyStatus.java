package dev.parley.api.v1alpha1.common;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.kubernetes.api.model.Condition;

/** What every Parley kind reports: the generation last acted on and standard conditions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ParleyStatus {

    @JsonPropertyDescription("The metadata.generation this status describes; older than metadata.generation while a change is being applied.")
    private Long observedGeneration;

    @JsonPropertyDescription("Standard conditions (type, status, reason, message, lastTransitionTime, observedGeneration).")
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
