package dev.parley.runtime.owner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The owner API takes only the owner's bearer token; the console and text understanding stay open. */
@QuarkusTest
@TestProfile(OwnerApiAuthTest.WithToken.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class OwnerApiAuthTest {

    static final String TOKEN = "owner-token-under-test";

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.owner.token", TOKEN);
        }
    }

    @Test
    void everyOwnerPathNeedsTheToken() {
        given().get("/api/v1/orders").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body(containsString("Authorization: Bearer"));
        given().header("Authorization", "Bearer " + TOKEN + "x").get("/api/v1/orders").then().statusCode(401);
        given().header("Authorization", "Basic " + TOKEN).get("/api/v1/orders").then().statusCode(401);
        given().get("/api/v1/no-such-thing").then().statusCode(401); // unknown paths do not show
        given().header("Authorization", "Bearer " + TOKEN).get("/api/v1/no-such-thing").then().statusCode(404);
    }

    @Test
    void theConsoleAndHealthNeedNoToken() {
        given().get("/api/v1/console/chats/someone/messages").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/console/chats/{chatId}/messages"));
    }
}
