package dev.parley.api.v1alpha1.bot;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.parley.api.v1alpha1.common.Names;
import io.fabric8.generator.annotation.Pattern;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class IngressSpec {

    @JsonPropertyDescription("IngressClass to use; the cluster default when omitted.")
    private String className;

    @Pattern(Names.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Secret with the TLS certificate for the host of publicUrl; omit when TLS ends elsewhere.")
    private String tlsSecretName;

    @JsonPropertyDescription("Annotations for the Ingress, for example for cert-manager.")
    private Map<String, String> annotations;

    public String getClassName() {
        return className;
    }

    public void setClassName(String className) {
        this.className = className;
    }

    public String getTlsSecretName() {
        return tlsSecretName;
    }

    public void setTlsSecretName(String tlsSecretName) {
        this.tlsSecretName = tlsSecretName;
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations;
    }
}
