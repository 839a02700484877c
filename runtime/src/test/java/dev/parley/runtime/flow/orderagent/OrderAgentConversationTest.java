package dev.parley.runtime.flow.orderagent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The order agent's conversation, branch by branch, on the console channel (as the local run serves it): typed
 * replies in English and Hindi, accepting the available part, cancelling an item, edits and additions at the
 * summary, and a cancelled order. Stock is {@link Shop}'s.
 */
@QuarkusTest
@TestProfile(OrderAgentConversationTest.LocalOrderAgent.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class OrderAgentConversationTest {

    /** The order agent run locally: console channel, no bot.json. */
    public static class LocalOrderAgent implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.flow", OrderAgentFlow.NAME);
        }
    }

    private static final String MESSAGES = "/api/v1/console/chats/{chat}/messages";

    @Inject
    Pool pool;

    @BeforeEach
    void stock() {
        Shop.reset(pool);
    }

    @Test
    void acceptingTheAvailablePartLeadsToTheSummary() {
        assertThat(say("c1", "20m blue cotton")).contains("you asked for 20.00 m, we have only 12.00 m");

        String summary = say("c1", "jitna hai utna bhej do");

        assertThat(summary).contains("1. blue cotton: 12.00 m = INR 1,440.00").contains("Subtotal: INR 1,440.00");
        assertThat(state("c1")).isEqualTo(CustomerTurns.CONFIRMATION);
    }

    @Test
    void anOwnersPaymentAboveTheBoundIsRefusedAndAHugeOrderNumberIsNoCommand() {
        assertThat(say("owner", "paid 1 20000000000")).contains("A payment is at most");
        assertThat(say("owner", "approve 99999999999999999999")).as("20 digits: no order number, so no command")
                .doesNotContain("approved").doesNotContain("no order");
    }

    @Test
    void theOwnerMovesAnApprovedOrderForwardInChatAndTheCustomerHearsEachStep() {
        say("c-ful", "5m red polyester");
        String placed = say("c-ful", "confirm");
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("#(\\d+)").matcher(placed);
        assertThat(number.find()).as(placed).isTrue();
        String id = number.group(1);

        assertThat(say("owner", "ready " + id)).contains("is not approved");
        assertThat(say("owner", "approve " + id)).contains("approved");
        assertThat(say("owner", "ready " + id)).contains("#" + id + " is ready");
        await().atMost(Duration.ofSeconds(15)).until(() -> last("c-ful").contains("Your order " + id + " is ready"));
        assertThat(say("owner", "preparing " + id)).contains("cannot go back");
        assertThat(say("owner", "cancel " + id + " the dye ran")).contains("#" + id + " is cancelled");
        await().atMost(Duration.ofSeconds(15)).until(() -> last("c-ful").contains("the dye ran"));
    }

    private static String last(String chat) {
        JsonArray lines = transcript(chat);
        return lines.getJsonObject(lines.size() - 1).getString("text");
    }

    @Test
    void aQuantityAboveWhatALineMayTakeIsRefusedWithTheBound() {
        assertThat(say("c-huge", "1000000000000000000000m blue cotton")).contains("at most 100000 m or 10000 rolls");
        assertThat(state("c-huge")).isEqualTo(CustomerTurns.COLLECTING);

        assertThat(say("c-huge", "10m blue cotton")).as("the next order is taken as usual").contains("blue cotton");
    }

    @Test
    void cancellingTheShortItemKeepsTheRest() {
        say("c2", "20m blue cotton, 5m red polyester");

        String summary = say("c2", "blue wala cancel karo");

        assertThat(summary).contains("blue cotton removed from the order").contains("1. red polyester: 5.00 m = INR 401.65")
                .doesNotContain("2.");
    }

    @Test
    void anEditThatCausesAShortageGoesBackToNegotiationAndAnAdditionIsChecked() {
        assertThat(say("c3", "5m red polyester")).contains("1. red polyester: 5.00 m");

        assertThat(say("c3", "30m red polyester")).contains("red polyester: you asked for 30.00 m, we have only 20.00 m");
        assertThat(state("c3")).isEqualTo(CustomerTurns.NEGOTIATION);
        assertThat(say("c3", "ok")).as("a yes to a short item takes what there is").contains("1. red polyester: 20.00 m");

        assertThat(say("c3", "add 3m green cotton")).contains("1. red polyester: 20.00 m").contains("2. green cotton: 3.00 m = INR 301.50");
    }

    @Test
    void nothingLeftCancelsAndACancelledOrderIsGone() {
        say("c4", "100m blue cotton");
        assertThat(say("c4", "cancel this item")).contains("Nothing is left in the order");
        assertThat(state("c4")).isEqualTo(CustomerTurns.COLLECTING);

        say("c4", "2m red polyester");
        assertThat(say("c4", "cancel")).contains("is cancelled");
        assertThat(say("c4", "hello")).contains("Tell me what you need");
    }

    @Test
    void anOutOfStockItemOffersAlternativesSameMaterialFirstAndATypedNumberPicksOne() {
        pool.query("INSERT INTO color (name) VALUES ('white'); INSERT INTO inventory_batch (material, color, rolls_available,"
                + " meters_per_roll, loose_meters_available, price_per_meter_minor) VALUES ('polyester', 'blue', 0, 50, 40, 7000)")
                .execute().await().indefinitely();

        String negotiation = say("c5", "10m white cotton");
        List<String> buttons = buttons("c5");

        assertThat(negotiation).contains("white cotton: you asked for 10.00 m, we have none in stock");
        assertThat(buttons).containsExactly("green cotton (25.00 m in stock)", "blue cotton (12.00 m in stock)", "Cancel this item");
        assertThat(say("c5", "2")).contains("blue cotton instead of white cotton").contains("1. blue cotton: 10.00 m = INR 1,200.00");
    }

    @Test
    void aHindiSpeakerIsAnsweredInHindiAndMayCorrectAQuantityWhileNegotiating() {
        say("c6", "hindi");

        // Red polyester is all loose meters, and rolls are never cut.
        assertThat(say("c6", "do than laal polyester")).contains("aapne 2 rolls manga, abhi stock me nahi hai");
        assertThat(say("c6", "5m laal polyester")).as("a new quantity for the item under negotiation changes it")
                .contains("Aapka order #").contains("1. red polyester: 5.00 m");
        assertThat(say("c6", "hmm")).contains("Order ke liye \"confirm\" likhiye");
    }

    @Test
    void oneReplySettlesSeveralItemsUnderNegotiation() {
        assertThat(say("c7", "20m blue cotton, 30m red polyester")).contains("blue cotton: you asked for 20.00 m, we have only 12.00 m")
                .contains("red polyester: you asked for 30.00 m, we have only 20.00 m");

        String summary = say("c7", "pehla wala le lo, doosra cancel");

        assertThat(summary).contains("red polyester removed from the order").contains("1. blue cotton: 12.00 m = INR 1,440.00")
                .doesNotContain("\n2. ");
        assertThat(state("c7")).isEqualTo(CustomerTurns.CONFIRMATION);
    }

    @Test
    void anAlternativeAlreadyInTheOrderAddsToItsLine() {
        pool.query("INSERT INTO color (name) VALUES ('white')").execute().await().indefinitely();
        say("c8", "5m green cotton, 10m white cotton");

        String summary = say("c8", "1");

        assertThat(summary).contains("green cotton instead of white cotton").contains("1. green cotton: 15.00 m").doesNotContain("\n2. ");
    }

    @Test
    void atTheSummaryOnlyAClearRefusalCancels() {
        assertThat(say("c9", "5m red polyester")).contains("1. red polyester: 5.00 m");

        assertThat(say("c9", "kuch samajh nahi aaya")).as("a question back, not a cancelled order").contains("1. red polyester: 5.00 m");
        assertThat(state("c9")).isEqualTo(CustomerTurns.CONFIRMATION);
        assertThat(say("c9", "nahi bhai, rehne do")).contains("is cancelled");
    }

    private String say(String chat, String text) {
        int before = transcript(chat).size();
        given().contentType("application/json").body(new JsonObject().put("text", text).encode()).post(MESSAGES, chat).then().statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> transcript(chat).size() > before + 1);
        JsonArray lines = transcript(chat);
        return lines.getJsonObject(lines.size() - 1).getString("text");
    }

    private List<String> buttons(String chat) {
        JsonArray lines = transcript(chat);
        return lines.getJsonObject(lines.size() - 1).getJsonArray("buttons").stream().map(b -> ((JsonObject) b).getString("label")).toList();
    }

    private static JsonArray transcript(String chat) {
        return new JsonObject(given().get(MESSAGES, chat).then().statusCode(200).extract().asString()).getJsonArray("messages");
    }

    private String state(String chat) {
        return pool.query("SELECT flow_state FROM conversation WHERE channel = 'console' AND chat_id = '" + chat + "'").execute()
                .await().indefinitely().iterator().next().getString(0);
    }
}
