package dev.parley.api.v1alpha1.bot;

import dev.parley.api.v1alpha1.common.SecretKeyRef;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.parley.api.v1alpha1.common.LocalRef;
import dev.parley.api.v1alpha1.common.Names;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!(has(self.scalingPolicyRef) && has(self.replicas))",
        message = "set either scalingPolicyRef or replicas, not both", fieldPath = ".replicas")
public class BotSpec {

    @Required
    @JsonPropertyDescription("What the bot does: 'orderAgent' (free-text orders, negotiation, owner approval, invoices), "
            + "'shop' (catalog, cart, checkout) or 'catalogWatch' (search, watch lists, restock alerts).")
    private Flow flow;

    @Required
    @JsonPropertyDescription("The chat channels the bot serves; at least one.")
    private ChannelsSpec channels;

    @Required
    @Pattern(Names.HTTPS_URL)
    @JsonPropertyDescription("The public https URL at which the channels reach the runtime; webhooks are registered under it.")
    private String publicUrl;

    @JsonPropertyDescription("An Ingress for publicUrl; omit when something else routes traffic to the bot's Service.")
    private IngressSpec ingress;

    @Required
    @JsonPropertyDescription("The StorageBackend, in this namespace, that holds the bot's state.")
    private LocalRef storageRef;

    @JsonPropertyDescription("The ScalingPolicy, in this namespace, to autoscale by. Without it the bot runs spec.replicas pods.")
    private LocalRef scalingPolicyRef;

    @Min(0)
    @Max(100)
    @JsonPropertyDescription("Fixed number of runtime pods when no scalingPolicyRef is set (default 1).")
    private Integer replicas;

    @JsonPropertyDescription("The business owners: who receives confirmed orders and may approve them.")
    private List<OwnerSpec> owners;

    @JsonPropertyDescription("The bearer token of the owner REST API (/api/v1: orders, inventory, invoices, ledger)."
            + " Without it the owner API refuses every request.")
    private SecretKeyRef ownerApiTokenSecretRef;

    @JsonPropertyDescription("Money, tax, invoices and languages.")
    private CommerceSpec commerce;

    @JsonPropertyDescription("How the bot understands free text: rules (default, no network) or an LLM.")
    private AiSpec ai;

    @JsonPropertyDescription("Other systems: a token for those that send orders, and webhooks that receive every order event.")
    private IntegrationsSpec integrations;

    @JsonPropertyDescription("Scheduled jobs: reminders, session expiry, restock checks.")
    private SchedulesSpec schedules;

    @JsonPropertyDescription("The catalog a catalogWatch bot syncs: a sitemap or a feed, when, and how politely.")
    private CatalogSpec catalog;

    @JsonPropertyDescription("The runtime pods: image, resources, extra env and scheduling constraints.")
    private RuntimeSpec runtime;

    @Default("false")
    @JsonPropertyDescription("Scale the runtime to zero and stop scheduled jobs, keeping all state.")
    private Boolean paused = false;

    public Flow getFlow() {
        return flow;
    }

    public void setFlow(Flow flow) {
        this.flow = flow;
    }

    public ChannelsSpec getChannels() {
        return channels;
    }

    public void setChannels(ChannelsSpec channels) {
        this.channels = channels;
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    public void setPublicUrl(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    public IngressSpec getIngress() {
        return ingress;
    }

    public void setIngress(IngressSpec ingress) {
        this.ingress = ingress;
    }

    public LocalRef getStorageRef() {
        return storageRef;
    }

    public void setStorageRef(LocalRef storageRef) {
        this.storageRef = storageRef;
    }

    public LocalRef getScalingPolicyRef() {
        return scalingPolicyRef;
    }

    public void setScalingPolicyRef(LocalRef scalingPolicyRef) {
        this.scalingPolicyRef = scalingPolicyRef;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public SecretKeyRef getOwnerApiTokenSecretRef() {
        return ownerApiTokenSecretRef;
    }

    public void setOwnerApiTokenSecretRef(SecretKeyRef ownerApiTokenSecretRef) {
        this.ownerApiTokenSecretRef = ownerApiTokenSecretRef;
    }

    public List<OwnerSpec> getOwners() {
        return owners;
    }

    public void setOwners(List<OwnerSpec> owners) {
        this.owners = owners;
    }

    public IntegrationsSpec getIntegrations() {
        return integrations;
    }

    public void setIntegrations(IntegrationsSpec integrations) {
        this.integrations = integrations;
    }

    public CommerceSpec getCommerce() {
        return commerce;
    }

    public void setCommerce(CommerceSpec commerce) {
        this.commerce = commerce;
    }

    public AiSpec getAi() {
        return ai;
    }

    public void setAi(AiSpec ai) {
        this.ai = ai;
    }

    public CatalogSpec getCatalog() {
        return catalog;
    }

    public void setCatalog(CatalogSpec catalog) {
        this.catalog = catalog;
    }

    public SchedulesSpec getSchedules() {
        return schedules;
    }

    public void setSchedules(SchedulesSpec schedules) {
        this.schedules = schedules;
    }

    public RuntimeSpec getRuntime() {
        return runtime;
    }

    public void setRuntime(RuntimeSpec runtime) {
        this.runtime = runtime;
    }

    public Boolean getPaused() {
        return paused;
    }

    public void setPaused(Boolean paused) {
        this.paused = paused;
    }
}
