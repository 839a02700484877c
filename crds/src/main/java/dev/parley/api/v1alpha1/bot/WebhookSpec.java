package dev.parley.api.v1alpha1.bot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.parley.api.v1alpha1.common.SecretKeyRef;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A subscriber to the bot's order events. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WebhookSpec {

    @Required
    @Size(max = 40)
    @Pattern("^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$")
    @JsonPropertyDescription("The subscriber's name, unique in the bot: lower-case letters, digits and '-', at most 40. It names the"
            + " subscriber in the Bot's status and in metrics.")
    private String name;

    @Required
    @Size(max = 2048)
    @Pattern("^https?://[^\\s/?#]+([/?#][^\\s]*)?$")
    @JsonPropertyDescription("Where each order event is POSTed (http or https), signed with the secret (docs/webhooks.md).")
    private String url;

    @Required
    @JsonPropertyDescription("The Secret key holding the signing secret the subscriber verifies the Parley-Signature header with.")
    private SecretKeyRef secretRef;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public SecretKeyRef getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(SecretKeyRef secretRef) {
        this.secretRef = secretRef;
    }
}
