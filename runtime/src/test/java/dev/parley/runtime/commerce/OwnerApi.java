package dev.parley.runtime.commerce;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Calls the owner API as the owner does, with the bearer token {@link Profile} configures
 * ({@code parley.owner.token}, PARLEY_OWNER_TOKEN), so these tests hold once the owner API checks it.
 */
public final class OwnerApi {

    /** The same as {@code %test.parley.owner.token} in application.properties. */
    public static final String TOKEN = "test-owner-token";

    private OwnerApi() {
    }

    public static RequestSpecification given() {
        return RestAssured.given().header("Authorization", "Bearer " + TOKEN);
    }

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.owner.token", TOKEN);
        }
    }
}
