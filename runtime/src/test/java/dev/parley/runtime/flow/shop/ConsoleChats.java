package dev.parley.runtime.flow.shop;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A person on the console channel: what they send, and the bot's lines once the outbox has delivered them. */
final class ConsoleChats {

    private static final String MESSAGES = "/api/v1/console/chats/{chat}/messages";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private ConsoleChats() {
    }

    static JsonArray transcript(String chat) {
        return new JsonObject(given().get(MESSAGES, chat).then().statusCode(200).extract().asString()).getJsonArray("messages");
    }

    /** Sends one message and waits for the bot's {@code replies} lines: the last of them. */
    static JsonObject say(String chat, JsonObject body, int replies) {
        int before = transcript(chat).size();
        given().contentType("application/json").body(body.encode()).post(MESSAGES, chat).then().statusCode(200);
        await().atMost(PATIENCE).until(() -> transcript(chat).size() >= before + 1 + replies);
        JsonArray lines = transcript(chat);
        return lines.getJsonObject(lines.size() - 1);
    }

    static JsonObject press(String chat, String button) {
        return say(chat, new JsonObject().put("button", button), 1);
    }

    static JsonObject write(String chat, String text) {
        return say(chat, new JsonObject().put("text", text), 1);
    }

    static void awaitLines(String chat, int lines) {
        await().atMost(PATIENCE).until(() -> transcript(chat).size() >= lines);
    }
}
