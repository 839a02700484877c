package dev.parley.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A Parley resource of a known kind in the same namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LocalRef {

    @Required
    @Pattern(Names.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Name of the referenced resource, in the same namespace.")
    private String name;

    public LocalRef() {
    }

    public LocalRef(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
