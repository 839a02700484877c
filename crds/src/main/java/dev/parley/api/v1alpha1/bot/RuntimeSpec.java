package dev.parley.api.v1alpha1.bot;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RuntimeSpec {

    @JsonPropertyDescription("Runtime container image; the operator's default when omitted.")
    private String image;

    @JsonPropertyDescription("CPU and memory requests and limits; the operator's defaults when omitted.")
    private ResourceRequirements resources;

    @JsonPropertyDescription("Extra environment variables for the runtime container.")
    private List<EnvVar> env;

    @JsonPropertyDescription("Node labels the runtime pods must match.")
    private Map<String, String> nodeSelector;

    @JsonPropertyDescription("Tolerations of the runtime pods.")
    private List<Toleration> tolerations;

    @JsonPropertyDescription("Affinity rules of the runtime pods.")
    private Affinity affinity;

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }

    public List<EnvVar> getEnv() {
        return env;
    }

    public void setEnv(List<EnvVar> env) {
        this.env = env;
    }

    public Map<String, String> getNodeSelector() {
        return nodeSelector;
    }

    public void setNodeSelector(Map<String, String> nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    public List<Toleration> getTolerations() {
        return tolerations;
    }

    public void setTolerations(List<Toleration> tolerations) {
        this.tolerations = tolerations;
    }

    public Affinity getAffinity() {
        return affinity;
    }

    public void setAffinity(Affinity affinity) {
        this.affinity = affinity;
    }
}
