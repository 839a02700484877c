package dev.parley.api.v1alpha1.bot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.parley.api.v1alpha1.common.ParleyStatus;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class BotStatus extends ParleyStatus {

    @JsonPropertyDescription("One-word summary: Pending, Running, Degraded, Failed or Paused.")
    private BotPhase phase;

    @JsonPropertyDescription("Runtime pods that exist.")
    private Integer replicas;

    @JsonPropertyDescription("Runtime pods that are ready.")
    private Integer readyReplicas;

    @JsonPropertyDescription("The URL the channels deliver webhooks to (derived from spec.publicUrl).")
    private String webhookUrl;

    @JsonPropertyDescription("The flow the runtime serves for this Bot (spec.flow, once this build serves it); absent when the flow is"
            + " refused (condition Ready, reason UnsupportedFlow).")
    private String servedFlow;

    public String getServedFlow() {
        return servedFlow;
    }

    public void setServedFlow(String servedFlow) {
        this.servedFlow = servedFlow;
    }

    public BotPhase getPhase() {
        return phase;
    }

    public void setPhase(BotPhase phase) {
        this.phase = phase;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public Integer getReadyReplicas() {
        return readyReplicas;
    }

    public void setReadyReplicas(Integer readyReplicas) {
        this.readyReplicas = readyReplicas;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }
}
