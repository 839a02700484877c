package dev.parley.api.v1alpha1.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.parley.api.v1alpha1.common.SecretKeyRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.caSecretRef) || self.tls == true || self.url.startsWith('rediss://')",
        message = "caSecretRef is used only with tls: true or a rediss:// URL")
public class RedisSpec {

    @Required
    @Pattern("^rediss?://[^\\s/?#@]+(:[0-9]{1,5})?(/[0-9]{1,2})?$")
    @JsonPropertyDescription("Address as redis://host:port[/db] or rediss://host:port[/db]; no credentials in the URL (use passwordSecretRef).")
    private String url;

    @JsonPropertyDescription("Key of a Secret holding the Redis password (AUTH). Omit for a server without a password.")
    private SecretKeyRef passwordSecretRef;

    @Default("false")
    @JsonPropertyDescription("Connect over TLS (implied by a rediss:// URL), verifying the server's certificate against "
            + "caSecretRef's CA or, without it, a CA the JVM trusts.")
    private Boolean tls = false;

    @JsonPropertyDescription("Key of a Secret holding the PEM certificate(s) of the CA that signed the Redis server's "
            + "certificate, for tls.")
    private SecretKeyRef caSecretRef;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public SecretKeyRef getPasswordSecretRef() {
        return passwordSecretRef;
    }

    public void setPasswordSecretRef(SecretKeyRef passwordSecretRef) {
        this.passwordSecretRef = passwordSecretRef;
    }

    public SecretKeyRef getCaSecretRef() {
        return caSecretRef;
    }

    public void setCaSecretRef(SecretKeyRef caSecretRef) {
        this.caSecretRef = caSecretRef;
    }

    public Boolean getTls() {
        return tls;
    }

    public void setTls(Boolean tls) {
        this.tls = tls;
    }
}
