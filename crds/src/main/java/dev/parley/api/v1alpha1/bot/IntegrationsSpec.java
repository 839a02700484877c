package dev.parley.api.v1alpha1.bot;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.parley.api.v1alpha1.common.SecretKeyRef;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Other systems the bot works with: who may send it orders, who hears of every order event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IntegrationsSpec {

    @JsonPropertyDescription("A bearer token of its own for systems that send orders (a web shop, a point of sale): it may place orders"
            + " (POST /api/v1/orders), read them and follow their events, nothing else of the owner API.")
    private SecretKeyRef ordersApiTokenSecretRef;

    @Size(max = 20)
    @ValidationRule(value = "self.all(a, self.exists_one(b, b.name == a.name))", message = "webhook names must be unique")
    @JsonPropertyDescription("Subscribers that receive every order event (placed, approved, rejected, fulfilment), signed with"
            + " HMAC-SHA256, at least once, retried with backoff.")
    private List<WebhookSpec> webhooks;

    public SecretKeyRef getOrdersApiTokenSecretRef() {
        return ordersApiTokenSecretRef;
    }

    public void setOrdersApiTokenSecretRef(SecretKeyRef ordersApiTokenSecretRef) {
        this.ordersApiTokenSecretRef = ordersApiTokenSecretRef;
    }

    public List<WebhookSpec> getWebhooks() {
        return webhooks;
    }

    public void setWebhooks(List<WebhookSpec> webhooks) {
        this.webhooks = webhooks;
    }
}
