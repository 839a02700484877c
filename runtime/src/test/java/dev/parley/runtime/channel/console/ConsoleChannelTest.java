package dev.parley.runtime.channel.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The console channel (docs/architecture.md), as a person or a script uses it. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ConsoleChannelTest {

    private static final String MESSAGES = "/api/v1/console/chats/{chat}/messages";

    private static JsonArray transcript(String chat) {
        return new JsonObject(given().get(MESSAGES, chat).then().statusCode(200).extract().asString()).getJsonArray("messages");
    }

    private static void say(String chat, JsonObject body) {
        given().contentType("application/json").body(body.encode()).post(MESSAGES, chat).then().statusCode(200);
    }

    @Test
    void aConversationShowsBothSidesInOrderWithButtons() {
        say("asha", new JsonObject().put("text", "hello"));
        say("asha", new JsonObject().put("text", "buttons"));
        await().atMost(Duration.ofSeconds(10)).until(() -> transcript("asha").size() == 4);
        say("asha", new JsonObject().put("button", "yes"));
        await().atMost(Duration.ofSeconds(10)).until(() -> transcript("asha").size() == 6);

        JsonArray lines = transcript("asha");
        List<String> shown = lines.stream().map(o -> (JsonObject) o)
                .map(l -> l.getString("direction") + ": " + (l.containsKey("text") ? l.getString("text") : "[" + l.getString("button") + "]"))
                .toList();
        assertThat(shown).containsExactly("in: hello", "out: #1 you said: hello", "in: buttons", "out: #2 pick one",
                "in: [yes]", "out: #3 you pressed: yes");
        assertThat(lines.getJsonObject(3).getJsonArray("buttons")).isEqualTo(new JsonArray()
                .add(new JsonObject().put("id", "yes").put("label", "Yes")).add(new JsonObject().put("id", "no").put("label", "No")));
        long third = lines.getJsonObject(2).getLong("id");
        JsonArray after = new JsonObject(given().queryParam("after", third).get(MESSAGES, "asha").asString()).getJsonArray("messages");
        assertThat(after).hasSize(3);
    }

    @Test
    void aRetriedPostWithItsIdIsTakenOnce() {
        JsonObject message = new JsonObject().put("text", "only once").put("id", "client-1");
        say("ravi", message);
        String second = given().contentType("application/json").body(message.encode()).post(MESSAGES, "ravi").asString();

        assertThat(new JsonObject(second).getString("outcome")).isEqualTo("duplicate");
        await().atMost(Duration.ofSeconds(10)).until(() -> transcript("ravi").size() == 2);
        assertThat(transcript("ravi").getJsonObject(1).getString("text")).isEqualTo("#1 you said: only once");
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        given().contentType("application/json").body("{\"text\": ").post(MESSAGES, "x").then().statusCode(400).body(containsString("not valid JSON"));
        given().contentType("application/json").body("{}").post(MESSAGES, "x").then().statusCode(400).body(containsString("either"));
        given().contentType("application/json").body("{\"text\": \"a\", \"button\": \"b\"}").post(MESSAGES, "x").then().statusCode(400);
        given().contentType("application/json").body("{\"text\": 12}").post(MESSAGES, "x").then().statusCode(400).body(containsString("strings"));
        given().contentType("application/json").body("{\"text\": \"  \"}").post(MESSAGES, "x").then().statusCode(400).body(containsString("empty"));
        given().contentType("application/json").body("{\"text\": \"hi\"}").post(MESSAGES, "not a chat id!").then().statusCode(400);

        assertThat(transcript("x")).isEmpty();
    }
}
