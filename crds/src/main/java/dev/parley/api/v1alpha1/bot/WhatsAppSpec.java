package dev.parley.api.v1alpha1.bot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.parley.api.v1alpha1.common.SecretKeyRef;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class WhatsAppSpec {

    @Required
    @Pattern("^[0-9]{5,20}$")
    @JsonPropertyDescription("The WhatsApp Business phone number id (digits) that messages are sent from.")
    private String phoneNumberId;

    @Required
    @JsonPropertyDescription("Secret key holding the Graph API access token.")
    private SecretKeyRef accessTokenSecretRef;

    @Required
    @JsonPropertyDescription("Secret key holding the app secret; webhook bodies are verified against X-Hub-Signature-256 with it.")
    private SecretKeyRef appSecretSecretRef;

    @Required
    @JsonPropertyDescription("Secret key holding the verify token answered in the webhook verification handshake (hub.verify_token).")
    private SecretKeyRef verifyTokenSecretRef;

    @JsonPropertyDescription("Name of the approved message template used outside the 24-hour customer-service window.")
    private String reengagementTemplate;

    public String getPhoneNumberId() {
        return phoneNumberId;
    }

    public void setPhoneNumberId(String phoneNumberId) {
        this.phoneNumberId = phoneNumberId;
    }

    public SecretKeyRef getAccessTokenSecretRef() {
        return accessTokenSecretRef;
    }

    public void setAccessTokenSecretRef(SecretKeyRef accessTokenSecretRef) {
        this.accessTokenSecretRef = accessTokenSecretRef;
    }

    public SecretKeyRef getAppSecretSecretRef() {
        return appSecretSecretRef;
    }

    public void setAppSecretSecretRef(SecretKeyRef appSecretSecretRef) {
        this.appSecretSecretRef = appSecretSecretRef;
    }

    public SecretKeyRef getVerifyTokenSecretRef() {
        return verifyTokenSecretRef;
    }

    public void setVerifyTokenSecretRef(SecretKeyRef verifyTokenSecretRef) {
        this.verifyTokenSecretRef = verifyTokenSecretRef;
    }

    public String getReengagementTemplate() {
        return reengagementTemplate;
    }

    public void setReengagementTemplate(String reengagementTemplate) {
        this.reengagementTemplate = reengagementTemplate;
    }
}
