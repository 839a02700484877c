package dev.parley.runtime.flow.shop;

import static io.restassured.RestAssured.given;

import java.util.concurrent.atomic.AtomicInteger;

import dev.parley.runtime.channel.telegram.TelegramWebhook;
import dev.parley.runtime.testing.TelegramResource;
import io.vertx.core.json.JsonObject;

/** Telegram updates as the Bot API delivers them to the webhook: a customer's text, a pressed button. Answered 200 after the commit. */
final class TelegramChats {

    private static final AtomicInteger NEXT_UPDATE = new AtomicInteger(40_000);

    private TelegramChats() {
    }

    static void write(String chat, String text) {
        int update = NEXT_UPDATE.getAndIncrement();
        post(new JsonObject().put("update_id", update).put("message", new JsonObject()
                .put("message_id", update).put("date", 1_700_000_000)
                .put("chat", new JsonObject().put("id", Long.parseLong(chat)).put("type", "private"))
                .put("from", new JsonObject().put("id", Long.parseLong(chat)).put("is_bot", false).put("first_name", "Meera"))
                .put("text", text)));
    }

    static void press(String chat, String data) {
        int update = NEXT_UPDATE.getAndIncrement();
        post(new JsonObject().put("update_id", update).put("callback_query", new JsonObject()
                .put("id", "cbq-" + update).put("chat_instance", "ci-" + chat).put("data", data)
                .put("from", new JsonObject().put("id", Long.parseLong(chat)).put("is_bot", false).put("first_name", "Meera"))
                .put("message", new JsonObject().put("message_id", 1).put("date", 1_700_000_000)
                        .put("chat", new JsonObject().put("id", Long.parseLong(chat)).put("type", "private")))));
    }

    private static void post(JsonObject update) {
        given().contentType("application/json").header(TelegramWebhook.SECRET_HEADER, TelegramResource.SECRET).body(update.encode())
                .post("/webhooks/{bot}/telegram", TelegramResource.BOT).then().statusCode(200);
    }
}
