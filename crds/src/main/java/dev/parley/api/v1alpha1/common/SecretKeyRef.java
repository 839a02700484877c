package dev.parley.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A key in a Secret in the bot's namespace. Secrets are only ever referenced, never copied. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeyRef {

    @Required
    @Pattern(Names.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Name of the Secret, in the same namespace (a DNS subdomain: lower case letters, digits, '-' and '.').")
    private String name;

    @Required
    @Pattern(Names.SECRET_KEY)
    @JsonPropertyDescription("Key within the Secret's data.")
    private String key;

    public SecretKeyRef() {
    }

    public SecretKeyRef(String name, String key) {
        this.name = name;
        this.key = key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
