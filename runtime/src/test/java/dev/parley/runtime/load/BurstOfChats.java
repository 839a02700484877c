package dev.parley.runtime.load;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.parley.runtime.channel.telegram.TelegramWebhook;
import dev.parley.runtime.testing.Concurrently;
import dev.parley.runtime.testing.TelegramResource;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Several times as many Telegram updates at once as the database pool has connections, each from a chat of its own:
 * every one must be answered 200 and processed exactly once. A turn that waited inside its transaction for a second
 * connection from the same pool would hold its own while it waited, and such a burst would stall every replica's
 * pool until its timeout and answer 503. Outcomes are counted; no time is asserted.
 */
final class BurstOfChats {

    /** Updates per pool connection. */
    static final int TIMES_THE_POOL = 6;

    private BurstOfChats() {
    }

    static int poolSize() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.max-size", Integer.class);
    }

    /** Sends one update per chat, all at once; the webhook's answers, counted by status. */
    static Map<Integer, Long> send(int firstChat, int chats, Function<Integer, String> text) throws Exception {
        List<Integer> statuses = Concurrently.run(chats, i -> {
            long chat = firstChat + i;
            JsonObject update = new JsonObject().put("update_id", chat).put("message", new JsonObject()
                    .put("message_id", 1).put("date", 1_700_000_000)
                    .put("chat", new JsonObject().put("id", chat).put("type", "private"))
                    .put("from", new JsonObject().put("id", chat).put("is_bot", false).put("first_name", "Load"))
                    .put("text", text.apply(i)));
            return given().contentType("application/json").header(TelegramWebhook.SECRET_HEADER, TelegramResource.SECRET)
                    .body(update.encode()).post("/webhooks/{bot}/telegram", TelegramResource.BOT).statusCode();
        });
        return statuses.stream().collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    }

    /** How many times each chat's update was recorded, and how many chats have a reply in the outbox. */
    static void assertEachProcessedOnce(Pool pool, int firstChat, int chats) {
        String[] ids = IntStream.range(firstChat, firstChat + chats).mapToObj(String::valueOf).toArray(String[]::new);
        long recorded = pool.preparedQuery("SELECT count(*) FROM inbound_update WHERE channel = 'telegram' AND chat_id = ANY($1)")
                .execute(Tuple.of(ids)).await().indefinitely().iterator().next().getLong(0);
        long answered = pool.preparedQuery("SELECT count(DISTINCT chat_id) FROM outbox_message WHERE channel = 'telegram' AND chat_id = ANY($1)")
                .execute(Tuple.of(ids)).await().indefinitely().iterator().next().getLong(0);
        assertThat(recorded).as("updates recorded").isEqualTo(chats);
        assertThat(answered).as("chats with a reply").isEqualTo(chats);
    }
}
