package dev.parley.runtime.channel.telegram;

import static dev.parley.runtime.testing.TelegramResource.SECRET;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.Concurrently;
import dev.parley.runtime.testing.FakeTelegram;
import dev.parley.runtime.testing.PostgresResource;
import dev.parley.runtime.testing.TelegramResource;
import dev.parley.testing.PrometheusText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The Telegram webhook end to end: Telegram-shaped updates in over HTTP, the echo flow, and the replies out through
 * the outbox to a local Bot API server.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = TelegramResource.class, restrictToAnnotatedClass = true)
class TelegramWebhookTest {

    private static final String PATH = "/webhooks/shop/telegram";
    private static int nextUpdate = 1000;

    @Inject
    Pool pool;

    private static FakeTelegram telegram() {
        return TelegramResource.telegram;
    }

    private static Response post(String secret, String body) {
        var request = given().contentType("application/json").body(body);
        if (secret != null) {
            request = request.header(TelegramWebhook.SECRET_HEADER, secret);
        }
        return request.post(PATH);
    }

    static JsonObject textUpdate(int updateId, long chatId, String text) {
        return new JsonObject().put("update_id", updateId).put("message", new JsonObject()
                .put("message_id", updateId).put("date", 1_700_000_000)
                .put("chat", new JsonObject().put("id", chatId).put("type", "private").put("first_name", "Asha"))
                .put("from", new JsonObject().put("id", chatId).put("is_bot", false).put("first_name", "Asha").put("language_code", "hi"))
                .put("text", text));
    }

    @Test
    void aMessageIsAnsweredThroughTheOutboxAndItsCustomerRemembered() {
        post(SECRET, textUpdate(nextUpdate++, 5001, "10m blue cotton").encode()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !telegram().sentTo("5001").isEmpty());
        assertThat(telegram().textsTo("5001")).containsExactly("#1 you said: 10m blue cotton");
        assertThat(telegram().sentTo("5001").get(0).token()).isEqualTo(TelegramResource.TOKEN);
        var customer = pool.preparedQuery("SELECT display_name, language, sender_id FROM customer WHERE channel = 'telegram' AND chat_id = $1")
                .execute(Tuple.of("5001")).await().indefinitely().iterator().next();
        assertThat(customer.getString("display_name")).isEqualTo("Asha");
        assertThat(customer.getString("language")).isEqualTo("hi");
        assertThat(customer.getString("sender_id")).isEqualTo("5001");
    }

    @Test
    void anEditedMessageAndAPressedButtonAreMessagesToo() {
        int pressed = nextUpdate++;
        JsonObject edited = textUpdate(nextUpdate++, 5002, "12m blue cotton");
        edited.put("edited_message", edited.remove("message"));
        JsonObject button = new JsonObject().put("update_id", pressed).put("callback_query", new JsonObject()
                .put("id", "cbq-77").put("chat_instance", "ci-1").put("data", "yes")
                .put("from", new JsonObject().put("id", 5002).put("is_bot", false).put("first_name", "Ravi"))
                .put("message", new JsonObject().put("message_id", 9).put("date", 1_700_000_000)
                        .put("chat", new JsonObject().put("id", 5002).put("type", "private"))));

        post(SECRET, edited.encode()).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram().sentTo("5002").size() == 1);
        post(SECRET, button.encode()).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram().sentTo("5002").size() == 2);

        assertThat(telegram().textsTo("5002")).containsExactly("#1 you said: 12m blue cotton", "#2 you pressed: yes");
        await().atMost(Duration.ofSeconds(5)).until(() -> telegram().calls("answerCallbackQuery").stream()
                .anyMatch(c -> "cbq-77".equals(c.body().getString("callback_query_id"))));
    }

    @Test
    void buttonsGoOutAsAnInlineKeyboard() {
        post(SECRET, textUpdate(nextUpdate++, 5003, "buttons").encode()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !telegram().sentTo("5003").isEmpty());
        assertThat(telegram().sentTo("5003").get(0).body().getJsonObject("reply_markup")).isEqualTo(new JsonObject()
                .put("inline_keyboard", new JsonArray()
                        .add(new JsonArray().add(new JsonObject().put("text", "Yes").put("callback_data", "yes")))
                        .add(new JsonArray().add(new JsonObject().put("text", "No").put("callback_data", "no")))));
    }

    @Test
    void theSameUpdateDeliveredFiveTimesAtOnceIsProcessedOnceWithOneReply() throws Exception {
        String update = textUpdate(nextUpdate++, 5004, "once").encode();

        List<Integer> statuses = Concurrently.run(5, i -> post(SECRET, update).statusCode());

        assertThat(statuses).containsOnly(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !telegram().sentTo("5004").isEmpty());
        Thread.sleep(1500); // a second reply, were there one, would be due by now
        assertThat(telegram().textsTo("5004")).containsExactly("#1 you said: once");
        String metrics = given().get("/q/metrics").asString();
        assertThat(PrometheusText.sum(metrics, "parley_updates_duplicate_total")).isGreaterThanOrEqualTo(4);
        assertThat(PrometheusText.sum(metrics, "parley_updates_processed_total")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void updatesOfOtherKindsAreAcknowledgedAndIgnored() {
        JsonObject poll = new JsonObject().put("update_id", nextUpdate++).put("poll", new JsonObject()
                .put("id", "p1").put("question", "?").put("options", new JsonArray()).put("total_voter_count", 0)
                .put("is_closed", false).put("is_anonymous", true).put("type", "regular").put("allows_multiple_answers", false));
        JsonObject photo = textUpdate(nextUpdate++, 5005, "x");
        photo.getJsonObject("message").remove("text");

        JsonObject chatless = textUpdate(nextUpdate++, 5005, "no chat");
        chatless.getJsonObject("message").remove("chat");
        JsonObject chatlessButton = new JsonObject().put("update_id", nextUpdate++).put("callback_query", new JsonObject()
                .put("id", "cbq").put("chat_instance", "ci").put("data", "o:1:confirm")
                .put("from", new JsonObject().put("id", 5005).put("is_bot", false).put("first_name", "Asha"))
                .put("message", new JsonObject().put("message_id", 1).put("date", 1_700_000_000)));

        post(SECRET, poll.encode()).then().statusCode(200);
        post(SECRET, photo.encode()).then().statusCode(200);
        post(SECRET, chatless.encode()).then().statusCode(200); // no 500: the library's getChatId() threw
        post(SECRET, chatlessButton.encode()).then().statusCode(200);

        assertThat(count("SELECT count(*) FROM inbound_update WHERE chat_id = '5005'")).isZero();
    }

    @Test
    void theSecretTokenIsRequired() {
        String update = textUpdate(nextUpdate++, 5006, "let me in").encode();

        post(null, update).then().statusCode(401).body(containsString(TelegramWebhook.SECRET_HEADER));
        post("webhook-secret-under-tesT", update).then().statusCode(401);
        post(SECRET.substring(1), update).then().statusCode(401);

        assertThat(count("SELECT count(*) FROM inbound_update WHERE chat_id = '5006'")).isZero();
    }

    @Test
    void badInputGetsAClearFourHundredAndNeverAFiveHundred() {
        post(SECRET, "{\"update_id\": 1, \"message\": ").then().statusCode(400).body(containsString("not valid JSON"));
        post(SECRET, "[1, 2]").then().statusCode(400).body(containsString("JSON object"));
        post(SECRET, "{\"update_id\": \"not a number\"}").then().statusCode(400).body(containsString("not a Telegram update"));
        post(SECRET, "").then().statusCode(400);
        given().header(TelegramWebhook.SECRET_HEADER, SECRET).contentType("application/json")
                .body(textUpdate(nextUpdate++, 5007, "x".repeat(70 * 1024)).encode())
                .post(PATH).then().statusCode(413);
        given().header(TelegramWebhook.SECRET_HEADER, SECRET).contentType("application/json")
                .body(textUpdate(nextUpdate++, 5007, "hi").encode())
                .post("/webhooks/another-bot/telegram").then().statusCode(404);
    }

    @Test
    void theLeaderRegistersTheWebhookAndChecksIt() {
        await().atMost(Duration.ofSeconds(15)).until(() -> !telegram().calls("setWebhook").isEmpty());

        JsonObject set = telegram().calls("setWebhook").get(0).body();
        assertThat(set.getString("url")).isEqualTo(TelegramResource.PUBLIC_URL + "/webhooks/shop/telegram");
        assertThat(set.getString("secret_token")).isEqualTo(SECRET);
        assertThat(set.getInteger("max_connections")).isEqualTo(20);
        assertThat(set.getJsonArray("allowed_updates")).containsExactly("message", "edited_message", "callback_query");
        await().atMost(Duration.ofSeconds(5)).until(() -> telegram().calls("getWebhookInfo").size() >= 2);
        assertThat(telegram().calls("setWebhook")).as("registered once; later checks find it in place").hasSize(1);
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }
}
