package dev.parley.api.v1alpha1.bot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.telegram) || has(self.whatsapp)",
        message = "a Bot needs at least one channel: set channels.telegram or channels.whatsapp")
public class ChannelsSpec {

    @JsonPropertyDescription("Telegram Bot API channel.")
    private TelegramSpec telegram;

    @JsonPropertyDescription("WhatsApp Cloud API channel.")
    private WhatsAppSpec whatsapp;

    public TelegramSpec getTelegram() {
        return telegram;
    }

    public void setTelegram(TelegramSpec telegram) {
        this.telegram = telegram;
    }

    public WhatsAppSpec getWhatsapp() {
        return whatsapp;
    }

    public void setWhatsapp(WhatsAppSpec whatsapp) {
        this.whatsapp = whatsapp;
    }
}
