package dev.parley.runtime.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.runtime.channel.whatsapp.WhatsAppWebhook;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A customer writing to the runtime's WhatsApp webhook as Meta delivers it: the Cloud API's {@code messages} change,
 * signed with the app secret ({@code X-Hub-Signature-256}), each message with an id of its own. What the bot answers
 * arrives at {@link FakeWhatsApp}.
 */
public final class WhatsAppCustomer {

    private final String appSecret;
    private final String name;
    private final String idPrefix;
    private final AtomicInteger next = new AtomicInteger(1);

    /** A customer called {@code name} whose messages' ids start with {@code idPrefix}, to a bot with {@code appSecret}. */
    public WhatsAppCustomer(String appSecret, String name, String idPrefix) {
        this.appSecret = appSecret;
        this.name = name;
        this.idPrefix = idPrefix;
    }

    /** The text of a message the bot sent: a text's body, or an interactive message's; null for a document. */
    public static String body(JsonObject message) {
        if (message.containsKey("text")) {
            return message.getJsonObject("text").getString("body");
        }
        JsonObject interactive = message.getJsonObject("interactive");
        return interactive == null ? null : interactive.getJsonObject("body").getString("text");
    }

    public void write(String phone, String text) {
        post(message(phone, "text").put("text", new JsonObject().put("body", text)));
    }

    /** Presses a reply button of a message the bot sent. */
    public void press(String phone, String id, String title) {
        post(message(phone, "interactive").put("interactive", new JsonObject().put("type", "button_reply")
                .put("button_reply", new JsonObject().put("id", id).put("title", title))));
    }

    /** Chooses a row of a list message the bot sent. */
    public void choose(String phone, String id, String title) {
        post(message(phone, "interactive").put("interactive", new JsonObject().put("type", "list_reply")
                .put("list_reply", new JsonObject().put("id", id).put("title", title))));
    }

    private JsonObject message(String from, String type) {
        return new JsonObject().put("from", from).put("id", idPrefix + next.getAndIncrement()).put("timestamp", "1700000000").put("type", type);
    }

    private void post(JsonObject message) {
        JsonObject value = new JsonObject().put("messaging_product", "whatsapp")
                .put("metadata", new JsonObject().put("display_phone_number", "15550783881").put("phone_number_id", FakeWhatsApp.PHONE_NUMBER_ID))
                .put("contacts", new JsonArray().add(new JsonObject().put("profile", new JsonObject().put("name", name))
                        .put("wa_id", message.getString("from"))))
                .put("messages", new JsonArray().add(message));
        byte[] body = new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray().add(new JsonObject()
                .put("id", "102290129340398").put("changes", new JsonArray().add(new JsonObject().put("field", "messages").put("value", value)))))
                .encode().getBytes(StandardCharsets.UTF_8);
        given().header(WhatsAppWebhook.SIGNATURE_HEADER, signature(body)).contentType("application/json").body(body)
                .post("/webhooks/{bot}/whatsapp", TelegramResource.BOT).then().statusCode(200);
    }

    private String signature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
