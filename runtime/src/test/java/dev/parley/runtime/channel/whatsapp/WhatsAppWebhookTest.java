package dev.parley.runtime.channel.whatsapp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.FakeWhatsApp;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The webhook end to end: signed notifications in the shape Meta sends, through the intake and the echo flow, the
 * replies delivered by the outbox to {@link FakeWhatsApp}; delivery statuses recorded on the outbox rows.
 */
@QuarkusTest
@TestProfile(WhatsAppWebhookTest.WhatsAppBot.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeWhatsApp.Resource.class, restrictToAnnotatedClass = true)
class WhatsAppWebhookTest {

    static final String BOT = "textiles";
    static final String APP_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String VERIFY_TOKEN = "verify-me-please";
    static final String PATH = "/webhooks/{bot}/whatsapp";

    /** A bot with a WhatsApp channel; the Graph API is the fake's ({@link FakeWhatsApp.Resource}). */
    public static class WhatsAppBot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "parley.bot.name", BOT,
                    "parley.whatsapp.access-token", FakeWhatsApp.TOKEN,
                    "parley.whatsapp.app-secret", APP_SECRET,
                    "parley.whatsapp.verify-token", VERIFY_TOKEN,
                    "parley.whatsapp.phone-number-id", FakeWhatsApp.PHONE_NUMBER_ID);
        }
    }

    @Inject
    Pool pool;

    FakeWhatsApp whatsapp;

    // --- verification handshake -------------------------------------------------------------------

    @Test
    void theVerificationHandshakeEchoesTheChallengeForTheRightToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", VERIFY_TOKEN).queryParam("hub.challenge", "1158201444")
                .when().get(PATH, BOT)
                .then().statusCode(200).contentType(containsString("text/plain")).body(equalTo("1158201444"));
    }

    @Test
    void theVerificationHandshakeIsRefusedForAWrongTokenOrMode() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess").queryParam("hub.challenge", "1")
                .when().get(PATH, BOT).then().statusCode(403);
        given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token", VERIFY_TOKEN).queryParam("hub.challenge", "1")
                .when().get(PATH, BOT).then().statusCode(403);
        given().queryParam("hub.mode", "subscribe").queryParam("hub.challenge", "1")
                .when().get(PATH, BOT).then().statusCode(403);
    }

    @Test
    void anotherBotsNameIsNotFound() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", VERIFY_TOKEN).queryParam("hub.challenge", "1")
                .when().get(PATH, "someone-else").then().statusCode(404);
        byte[] body = notification(text("15551230000", "wamid.other-bot", "hi")).encode().getBytes(StandardCharsets.UTF_8);
        given().header(WhatsAppWebhook.SIGNATURE_HEADER, signature(body)).contentType("application/json").body(body)
                .when().post(PATH, "someone-else").then().statusCode(404);
    }

    // --- signatures and bad input -------------------------------------------------------------------

    @Test
    void aWrongOrMissingSignatureIsUnauthorized() {
        byte[] body = notification(text("15551230001", "wamid.unsigned", "hi")).encode().getBytes(StandardCharsets.UTF_8);
        byte[] tampered = notification(text("15551230001", "wamid.unsigned", "HI")).encode().getBytes(StandardCharsets.UTF_8);

        given().contentType("application/json").body(body).when().post(PATH, BOT).then().statusCode(401);
        given().header(WhatsAppWebhook.SIGNATURE_HEADER, signature(body)).contentType("application/json").body(tampered)
                .when().post(PATH, BOT).then().statusCode(401);
        given().header(WhatsAppWebhook.SIGNATURE_HEADER, signature(body).replace("sha256=", "sha1=")).contentType("application/json").body(body)
                .when().post(PATH, BOT).then().statusCode(401);

        assertThat(inboundCount("wamid.unsigned")).isZero();
    }

    @Test
    void malformedJsonIsABadRequestWithAClearMessage() {
        post("{\"object\": \"whatsapp_business_account\", \"entry\": [".getBytes(StandardCharsets.UTF_8))
                .statusCode(400).body("error", containsString("not valid JSON"));
        post("[1, 2]".getBytes(StandardCharsets.UTF_8))
                .statusCode(400).body("error", containsString("JSON object"));
        post("{\"object\": \"whatsapp_business_account\", \"entry\": 5}".getBytes(StandardCharsets.UTF_8))
                .statusCode(400).body("error", containsString("not a WhatsApp webhook notification"));
        post(notification(new JsonObject().put("type", "text").put("text", new JsonObject().put("body", "no id or sender")))
                .encode().getBytes(StandardCharsets.UTF_8))
                .statusCode(400).body("error", containsString("has no id"));
        post(notification(message("15551230009", "wamid.null-text", "text").putNull("text")))
                .statusCode(400).body("error", containsString("not a WhatsApp webhook notification"));
        post("{\"object\": \"whatsapp_business_account\", \"entry\": null}".getBytes(StandardCharsets.UTF_8))
                .statusCode(400).body("error", containsString("not a WhatsApp webhook notification"));
    }

    // --- messages ---------------------------------------------------------------------------------

    @Test
    void aTextMessageIsAnsweredThroughTheOutbox() {
        String phone = "15551230002";

        post(notification(text(phone, "wamid.text-1", "10m blue cotton"))).statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !whatsapp.messagesTo(phone).isEmpty());
        assertThat(whatsapp.messagesTo(phone)).containsExactly(new JsonObject("""
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "15551230002",
                 "type": "text", "text": {"body": "#1 you said: 10m blue cotton"}}"""));
        Row customer = pool.preparedQuery("SELECT sender_id, display_name FROM customer WHERE channel = 'whatsapp' AND chat_id = $1")
                .execute(Tuple.of(phone)).await().indefinitely().iterator().next();
        assertThat(customer.getString("sender_id")).isEqualTo(phone);
        assertThat(customer.getString("display_name")).isEqualTo("Asha");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sentReplyId(phone)).as("the wamid WhatsApp answered with")
                .startsWith("wamid.fake-"));
    }

    @Test
    void buttonRepliesListRepliesAndTemplateQuickRepliesArePresses() {
        String phone = "15551230003";

        post(notification(text(phone, "wamid.btn-1", "buttons"))).statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> whatsapp.messagesTo(phone).size() == 1);
        assertThat(whatsapp.messagesTo(phone).get(0).getJsonObject("interactive").getJsonObject("action")).isEqualTo(new JsonObject("""
                {"buttons": [{"type": "reply", "reply": {"id": "yes", "title": "Yes"}},
                             {"type": "reply", "reply": {"id": "no", "title": "No"}}]}"""));

        post(notification(message(phone, "wamid.btn-2", "interactive").put("interactive",
                new JsonObject().put("type", "button_reply").put("button_reply", new JsonObject().put("id", "yes").put("title", "Yes")))))
                .statusCode(200);
        post(notification(message(phone, "wamid.btn-3", "interactive").put("interactive",
                new JsonObject().put("type", "list_reply").put("list_reply", new JsonObject().put("id", "blue").put("title", "Blue")))))
                .statusCode(200);
        post(notification(message(phone, "wamid.btn-4", "button").put("button",
                new JsonObject().put("payload", "reorder").put("text", "Order again")))).statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> whatsapp.messagesTo(phone).size() == 4);
        assertThat(whatsapp.messagesTo(phone).subList(1, 4)).extracting(m -> m.getJsonObject("text").getString("body"))
                .containsExactly("#2 you pressed: yes", "#3 you pressed: blue", "#4 you pressed: reorder");
    }

    @Test
    void severalMessagesOfOneNotificationAreTakenInOrder() {
        String phone = "15551230004";
        JsonObject value = value().put("contacts", contacts(phone)).put("messages", new JsonArray()
                .add(text(phone, "wamid.many-1", "one")).add(text(phone, "wamid.many-2", "two"))
                .add(message(phone, "wamid.many-3", "image").put("image", new JsonObject().put("id", "img-1")))
                .add(text(phone, "wamid.many-4", "three")));

        post(envelope(value)).statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> whatsapp.messagesTo(phone).size() == 3);
        assertThat(whatsapp.messagesTo(phone)).extracting(m -> m.getJsonObject("text").getString("body"))
                .containsExactly("#1 you said: one", "#2 you said: two", "#3 you said: three");
        assertThat(inboundCount("wamid.many-3")).as("an image is acknowledged, not taken").isZero();
    }

    @Test
    void theSameMessageDeliveredTwiceIsAnsweredOnce() {
        String phone = "15551230005";
        JsonObject notification = notification(text(phone, "wamid.twice", "hello"));

        post(notification).statusCode(200);
        post(notification).statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !whatsapp.messagesTo(phone).isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> whatsapp.messagesTo(phone).size() == 1);
        assertThat(inboundCount("wamid.twice")).isEqualTo(1);
    }

    @Test
    void messagesForAnotherPhoneNumberOfTheBusinessAreIgnored() {
        String phone = "15551230006";
        JsonObject value = value().put("metadata", new JsonObject().put("display_phone_number", "15550009999").put("phone_number_id", "999999"))
                .put("contacts", contacts(phone)).put("messages", new JsonArray().add(text(phone, "wamid.not-ours", "hi")));

        post(envelope(value)).statusCode(200);

        assertThat(inboundCount("wamid.not-ours")).isZero();
    }

    // --- delivery statuses --------------------------------------------------------------------------

    @Test
    void aStatusOnlyMovesForward() {
        long id = sentMessage("wamid.status-forward");

        post(statuses(status("wamid.status-forward", "sent", 1_700_000_000))).statusCode(200);
        assertThat(deliveryStatus(id)).isEqualTo("sent");
        post(statuses(status("wamid.status-forward", "read", 1_700_000_060))).statusCode(200);
        post(statuses(status("wamid.status-forward", "delivered", 1_700_000_030))).statusCode(200); // late
        assertThat(deliveryStatus(id)).isEqualTo("read");
        post(statuses(failed("wamid.status-forward", 131026, "Message undeliverable"))).statusCode(200);

        Row row = outboxRow(id);
        assertThat(row.getString("delivery_status")).as("failed after read").isEqualTo("read");
        assertThat(row.getOffsetDateTime("delivery_status_at").toEpochSecond()).isEqualTo(1_700_000_060);
        assertThat(row.getString("last_error")).isNull();
    }

    @Test
    void failedReplacesDeliveredAndKeepsMetasError() {
        long id = sentMessage("wamid.status-failed");

        post(statuses(status("wamid.status-failed", "delivered", 1_700_000_000),
                failed("wamid.status-failed", 131026, "Message undeliverable"))).statusCode(200);
        post(statuses(status("wamid.status-failed", "read", 1_700_000_100))).statusCode(200);

        Row row = outboxRow(id);
        assertThat(row.getString("delivery_status")).isEqualTo("failed");
        assertThat(row.getString("last_error")).isEqualTo("131026 Message undeliverable: Unable to deliver message.");
        assertThat(row.getString("status")).as("the send itself succeeded").isEqualTo("SENT");
    }

    @Test
    void aStatusOfAnUnknownMessageIsAcknowledged() {
        post(statuses(status("wamid.never-sent", "delivered", 1_700_000_000))).statusCode(200);
    }

    // --- helpers ----------------------------------------------------------------------------------

    private ValidatableResponse post(JsonObject notification) {
        return post(notification.encode().getBytes(StandardCharsets.UTF_8));
    }

    private ValidatableResponse post(byte[] body) {
        return given().header(WhatsAppWebhook.SIGNATURE_HEADER, signature(body)).contentType("application/json").body(body)
                .when().post(PATH, BOT).then();
    }

    /** What Meta sends: {@code sha256=} and the hex HMAC-SHA256 of the body with the app secret. */
    static String signature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject envelope(JsonObject value) {
        return new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray().add(new JsonObject()
                .put("id", "102290129340398")
                .put("changes", new JsonArray().add(new JsonObject().put("field", "messages").put("value", value)))));
    }

    private static JsonObject value() {
        return new JsonObject().put("messaging_product", "whatsapp").put("metadata", new JsonObject()
                .put("display_phone_number", "15550783881").put("phone_number_id", FakeWhatsApp.PHONE_NUMBER_ID));
    }

    private static JsonArray contacts(String phone) {
        return new JsonArray().add(new JsonObject().put("profile", new JsonObject().put("name", "Asha")).put("wa_id", phone));
    }

    /** A notification of one message from {@code message.from}, with the sender's contact. */
    private static JsonObject notification(JsonObject message) {
        String from = message.getString("from", "15550000000");
        return envelope(value().put("contacts", contacts(from)).put("messages", new JsonArray().add(message)));
    }

    private static JsonObject message(String from, String id, String type) {
        return new JsonObject().put("from", from).put("id", id).put("timestamp", "1700000000").put("type", type);
    }

    private static JsonObject text(String from, String id, String body) {
        return message(from, id, "text").put("text", new JsonObject().put("body", body));
    }

    private static JsonObject statuses(JsonObject... statuses) {
        return envelope(value().put("statuses", new JsonArray(List.of((Object[]) statuses))));
    }

    private static JsonObject status(String wamid, String status, long timestamp) {
        return new JsonObject().put("id", wamid).put("status", status).put("timestamp", String.valueOf(timestamp))
                .put("recipient_id", "15551239999")
                .put("conversation", new JsonObject().put("id", "c0a1").put("origin", new JsonObject().put("type", "service")))
                .put("pricing", new JsonObject().put("billable", true).put("pricing_model", "CBP").put("category", "service"));
    }

    private static JsonObject failed(String wamid, int code, String title) {
        return new JsonObject().put("id", wamid).put("status", "failed").put("timestamp", "1700000200").put("recipient_id", "15551239999")
                .put("errors", new JsonArray().add(new JsonObject().put("code", code).put("title", title).put("message", title)
                        .put("error_data", new JsonObject().put("details", "Unable to deliver message."))));
    }

    /** An outbox row as the dispatcher leaves it after WhatsApp accepted the message. */
    private long sentMessage(String wamid) {
        return pool.preparedQuery("""
                INSERT INTO outbox_message (channel, chat_id, payload, status, attempts, sent_at, channel_message_id)
                VALUES ('whatsapp', '15551239999', '{"text": "Your order is ready"}'::jsonb, 'SENT', 1, now(), $1) RETURNING id""")
                .execute(Tuple.of(wamid)).await().indefinitely().iterator().next().getLong("id");
    }

    private Row outboxRow(long id) {
        return pool.preparedQuery("SELECT * FROM outbox_message WHERE id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next();
    }

    private String deliveryStatus(long id) {
        return outboxRow(id).getString("delivery_status");
    }

    /** The channel's id recorded on the chat's sent reply, or null while it is not sent. */
    private String sentReplyId(String phone) {
        var rows = pool.preparedQuery("SELECT channel_message_id FROM outbox_message WHERE channel = 'whatsapp' AND chat_id = $1 AND status = 'SENT'")
                .execute(Tuple.of(phone)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getString("channel_message_id");
    }

    private long inboundCount(String wamid) {
        return pool.preparedQuery("SELECT count(*) FROM inbound_update WHERE channel = 'whatsapp' AND external_id = $1")
                .execute(Tuple.of(wamid)).await().indefinitely().iterator().next().getLong(0);
    }
}
