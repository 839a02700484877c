package dev.parley.api.v1alpha1.bot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.telegramUserId) || has(self.whatsappPhone)",
        message = "an owner needs telegramUserId or whatsappPhone")
public class OwnerSpec {

    @Required
    @JsonPropertyDescription("How the owner is addressed in messages and the audit trail.")
    private String name;

    @Pattern("^[0-9]{1,20}$")
    @JsonPropertyDescription("The owner's numeric Telegram user id.")
    private String telegramUserId;

    @Pattern("^[1-9][0-9]{6,14}$")
    @JsonPropertyDescription("The owner's WhatsApp phone number in international format, digits only (E.164 without '+').")
    private String whatsappPhone;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTelegramUserId() {
        return telegramUserId;
    }

    public void setTelegramUserId(String telegramUserId) {
        this.telegramUserId = telegramUserId;
    }

    public String getWhatsappPhone() {
        return whatsappPhone;
    }

    public void setWhatsappPhone(String whatsappPhone) {
        this.whatsappPhone = whatsappPhone;
    }
}
