package dev.parley.runtime.flow.catalogwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.catalogwatch.UploadedCatalogBot;
import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Customers of the catalog-watch flow on the console, over the demo catalog (30 wines and spirits): the menu, a
 * search and its pages, filters from facets, a product card, a watch and its alert after an upload that restocks
 * the product, the commands' refusals, and the same in French.
 */
@QuarkusTest
@TestProfile(UploadedCatalogBot.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class CatalogWatchConversationTest {

    private static final String MESSAGES = "/api/v1/console/chats/{chat}/messages";
    private static boolean uploaded;

    @BeforeEach
    void demoCatalog() throws IOException {
        if (uploaded) {
            return;
        }
        uploaded = true;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("catalogwatch/demo-catalog.json")) {
            OwnerApi.given().contentType("application/json").body(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .post("/api/v1/catalogwatch/uploads").then().statusCode(200).body(containsString("\"added\":30"));
        }
    }

    /** What the bot said to {@code chat}, in order. */
    private static List<JsonObject> replies(String chat) {
        JsonArray messages = new JsonObject(RestAssured.given().get(MESSAGES, chat).asString()).getJsonArray("messages");
        return messages.stream().map(m -> (JsonObject) m).filter(m -> m.getString("direction").equals("out")).toList();
    }

    /** Sends {@code body} and waits for the one reply it gets. */
    private static JsonObject turn(String chat, JsonObject body) {
        int before = replies(chat).size();
        RestAssured.given().contentType("application/json").body(body.encode()).post(MESSAGES, chat).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> replies(chat).size() > before);
        return replies(chat).get(before);
    }

    private static JsonObject say(String chat, String text) {
        return turn(chat, new JsonObject().put("text", text));
    }

    private static JsonObject press(String chat, String button) {
        return turn(chat, new JsonObject().put("button", button));
    }

    private static List<String> labels(JsonObject reply) {
        return reply.getJsonArray("buttons", new JsonArray()).stream().map(b -> ((JsonObject) b).getString("label")).toList();
    }

    private static String button(JsonObject reply, String labelStart) {
        return reply.getJsonArray("buttons").stream().map(b -> (JsonObject) b).filter(b -> b.getString("label").startsWith(labelStart))
                .findFirst().orElseThrow(() -> new AssertionError("no button '" + labelStart + "' in " + reply.encode())).getString("id");
    }

    @Test
    void theMenuASearchItsPagesAndItsFilters() {
        JsonObject welcome = say("lea", "/start");
        assertThat(welcome.getString("text")).startsWith("Welcome!");
        assertThat(labels(welcome)).containsExactly("🆕 New", "🎲 Random", "🔎 Search", "👁 Watches", "🌐 Language");

        JsonObject champagne = say("lea", "champagne");
        assertThat(champagne.getString("text")).startsWith("🔎 \"champagne\": 2 results").contains("Moët & Chandon Impérial Brut")
                .contains("Veuve Clicquot").contains("EUR 69.00");

        JsonObject reds = say("lea", "red wine");
        assertThat(reds.getString("text")).startsWith("🔎 \"red wine\": 10 results  ·  Page 1 of 2");
        assertThat(labels(reds)).contains("Next ▶", "⚙ Filters").doesNotContain("◀ Previous");
        JsonObject second = press("lea", "cw:next");
        assertThat(second.getString("text")).contains("Page 2 of 2").contains("6. ");
        assertThat(labels(second)).contains("◀ Previous").doesNotContain("Next ▶");

        JsonObject filters = press("lea", "cw:f");
        // "red" is also the prefix of the rosé's "red currant": 9 reds and 1 rosé.
        assertThat(filters.getString("text")).contains("Categories: Red wine (9), Rosé wine (1)").contains("Origins: France (4)")
                .contains("Italy (2)").contains("7 in stock");
        assertThat(labels(filters)).as("the two origins with most results are offered").contains("France (4)", "Spain (2)");
        JsonObject spanish = press("lea", button(filters, "Spain"));
        assertThat(spanish.getString("text")).startsWith("🔎 \"red wine\": 2 results").contains("Filters: origin Spain")
                .contains("Marqués de Cáceres").contains("Torres");

        JsonObject cheap = say("lea", "red wine under 20");
        assertThat(cheap.getString("text")).contains("under EUR 20.00").contains("Torres Sangre de Toro").doesNotContain("Penfolds");
    }

    @Test
    void aWatchedProductThatComesBackIsAnnouncedOnce() {
        JsonObject results = say("paul", "pinot noir bourgogne");
        JsonObject card = press("paul", button(results, "1. Louis Jadot"));
        assertThat(card.getString("text")).startsWith("Louis Jadot Bourgogne Pinot Noir 2020").contains("❌ Out of stock").contains("No. ");
        JsonObject watched = press("paul", button(card, "👁 Watch"));
        assertThat(watched.getString("text")).startsWith("👁 Watching Louis Jadot");
        JsonObject alerts = say("paul", "/alerts");
        assertThat(alerts.getString("text")).startsWith("👁 Your watches (1):").contains("Louis Jadot").contains("❌ Out of stock");
        String id = button(card, "👁 Watch").substring("cw:w:".length());
        assertThat(say("paul", "/watch " + id).getString("text")).startsWith("You already watch");

        String restock = "[{\"id\": \"demo-06\", \"name\": \"Louis Jadot Bourgogne Pinot Noir 2020\", \"brand\": \"Louis Jadot\","
                + " \"category\": \"Red wine\", \"origin\": \"France\", \"price\": \"26.75\", \"currency\": \"EUR\", \"available\": true,"
                + " \"url\": \"https://wine.example.com/products/demo-06\","
                + " \"description\": \"A light, elegant Burgundy pinot noir: raspberry, strawberry and forest floor. For salmon, mushrooms and poultry.\"}]";
        for (int i = 0; i < 2; i++) {
            OwnerApi.given().contentType("application/json").queryParam("partial", true).body(restock).post("/api/v1/catalogwatch/uploads")
                    .then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> replies("paul").size() == 6);
        JsonObject alert = replies("paul").get(5);
        assertThat(alert.getString("text")).startsWith("✅ Back in stock: Louis Jadot Bourgogne Pinot Noir 2020 (EUR 26.75)");
        assertThat(labels(alert)).containsExactly("✖ Unwatch");
        assertThat(press("paul", button(alert, "✖ Unwatch")).getString("text")).startsWith("You no longer watch Louis Jadot");
        assertThat(say("paul", "/alerts").getString("text")).startsWith("You watch nothing yet");
        assertThat(replies("paul")).hasSize(8);
    }

    @Test
    void commandsThatCannotBeDoneSayWhy() {
        assertThat(say("omar", "/watch").getString("text")).startsWith("Which product?");
        assertThat(say("omar", "/watch 987654").getString("text")).isEqualTo("There is no product number 987654.");
        assertThat(say("omar", "/unwatch 987654").getString("text")).isEqualTo("You were not watching that product.");
        assertThat(say("omar", "xylophone").getString("text")).contains("Nothing found");
        JsonObject random = say("omar", "/random");
        assertThat(labels(random)).contains("🎲 Another");
        assertThat(say("omar", "/new").getString("text")).startsWith("🆕 Recently added or changed: 30");
        assertThat(say("omar", "/help").getString("text")).contains("/recommend");
    }

    @Test
    void aCustomerWhoChoosesFrenchIsAnsweredInFrenchWithCategoriesTranslated() {
        JsonObject choose = press("amelie", "cw:m:language");
        assertThat(choose.getString("text")).isEqualTo("Choose your language:");
        assertThat(labels(choose)).containsExactly("English", "Français");
        JsonObject set = press("amelie", "cw:lang:fr");
        assertThat(set.getString("text")).isEqualTo("Je vous répondrai en français.");
        assertThat(labels(set)).containsExactly("🆕 Nouveautés", "🎲 Au hasard", "🔎 Rechercher", "👁 Mes alertes", "🌐 Langue");

        JsonObject port = say("amelie", "port");
        assertThat(port.getString("text")).startsWith("🔎 « port » : 2 résultats").contains("Porto").doesNotContain("· Port ");
        assertThat(say("amelie", "🆕 Nouveautés").getString("text")).startsWith("🆕 Ajoutés ou modifiés récemment");
        assertThat(say("amelie", "/watch 987654").getString("text")).isEqualTo("Il n'y a pas de produit numéro 987654.");
        assertThat(say("amelie", "/language english").getString("text")).isEqualTo("I will answer in English.");
    }
}
