package dev.parley.runtime.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.OwnerApi;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

/**
 * The dashboard's doors over plain HTTP: nothing without a session, every form post refused without the session's
 * CSRF token or from another origin, and the cookie's flags. The POSTs are found from the page classes themselves,
 * so that a page added later is checked too.
 */
@QuarkusTest
@TestProfile(OwnerApi.Profile.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class DashboardGuardTest {

    private static final List<Class<?>> PAGES = List.of(SignInPage.class, OrdersPage.class, CustomersPage.class, InventoryPage.class,
            CatalogPage.class, DeadLettersPage.class, EventsPage.class, FulfilmentPage.class, ProductsPage.class, CatalogWatchPage.class);

    @Test
    void everyPageWithoutASessionSendsToSignInAndEveryPostIsRefused() {
        for (String path : List.of("/dashboard", "/dashboard/orders", "/dashboard/orders/waiting", "/dashboard/orders/waiting/list",
                "/dashboard/orders/live", "/dashboard/orders/1", "/dashboard/orders/invoices/1.pdf", "/dashboard/customers",
                "/dashboard/customers/1", "/dashboard/inventory", "/dashboard/catalog", "/dashboard/dead-letters", "/dashboard/nothing-here",
                "/dashboard/events", "/dashboard/events/list", "/dashboard/events/live",
                "/dashboard/products", "/dashboard/catalog-watch", "/dashboard/catalog-watch/runs/1", "/dashboard/catalog-watch/products",
                "/dashboard/catalog-watch/products/1")) {
            RestAssured.given().redirects().follow(false).get(path).then().statusCode(303).header("Location", endsWith("/dashboard/sign-in"));
            RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, "v1.9999999999.en.forged.signature").get(path)
                    .then().statusCode(303);
        }
        for (String post : posts()) {
            RestAssured.given().redirects().follow(false).formParam("csrf", "x").post(post).then().statusCode(401);
        }
    }

    @Test
    void everyFormPostNeedsTheSessionsCsrfTokenAndTheDashboardsOrigin() {
        Cookie session = signIn(false);
        List<String> posts = posts();
        assertThat(posts).contains("/dashboard/orders/1/approve", "/dashboard/customers/1/payments", "/dashboard/inventory/batches/1/correction",
                "/dashboard/sign-out", "/dashboard/fulfilment/1", "/dashboard/products/new", "/dashboard/products/1", "/dashboard/products/1/deactivate",
                "/dashboard/products/import", "/dashboard/catalog-watch/sync");
        for (String post : posts) {
            RestAssured.given().redirects().follow(false).cookie(session).formParam("amount", "1").post(post)
                    .then().statusCode(403).body(containsString("security token"));
            RestAssured.given().redirects().follow(false).cookie(session).formParam("csrf", "wrong").post(post).then().statusCode(403);
            RestAssured.given().redirects().follow(false).cookie(session).header("Origin", "https://evil.example").formParam("csrf", "x")
                    .post(post).then().statusCode(403).body(containsString("not sent from the dashboard"));
            RestAssured.given().redirects().follow(false).cookie(session).header("Sec-Fetch-Site", "cross-site").formParam("csrf", "x")
                    .post(post).then().statusCode(403);
        }
        RestAssured.given().redirects().follow(false).header("Origin", "https://evil.example").formParam("token", OwnerApi.TOKEN)
                .post("/dashboard/sign-in").then().statusCode(403);
    }

    @Test
    void theCookieIsHttpOnlyStrictAndSecureBehindHttps() {
        Response plain = signInResponse(false);
        String header = plain.getHeader("Set-Cookie");
        assertThat(header).contains(SessionCookie.NAME + "=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/dashboard")
                .doesNotContain("Secure");
        assertThat(signInResponse(true).getHeader("Set-Cookie")).contains("Secure");
        RestAssured.given().redirects().follow(false).formParam("token", "wrong").post("/dashboard/sign-in").then().statusCode(401)
                .body(containsString("not the owner token"));
    }

    @Test
    void aSignedOutSessionIsRefusedEvenToACopyOfItsCookie() {
        Cookie session = signIn(false);
        RestAssured.given().redirects().follow(false).cookie(session).get("/dashboard/orders").then().statusCode(200);
        String csrf = csrfOf(session);

        RestAssured.given().redirects().follow(false).cookie(session).formParam("csrf", csrf).post("/dashboard/sign-out")
                .then().statusCode(303).header("Set-Cookie", containsString("Max-Age=0"));

        RestAssured.given().redirects().follow(false).cookie(session).get("/dashboard/orders").then().statusCode(303)
                .header("Location", endsWith("/dashboard/sign-in"));
        RestAssured.given().redirects().follow(false).cookie(session).formParam("csrf", csrf).post("/dashboard/sign-out").then().statusCode(401);
    }

    @Test
    void signingOutEverywhereEndsTheSessionsOfOtherDevicesToo() {
        Cookie phone = signIn(false);
        Cookie desktop = signIn(true);
        Cookie laptop = signIn(false);

        RestAssured.given().redirects().follow(false).cookie(phone).formParam("csrf", csrfOf(phone)).post("/dashboard/sign-out-everywhere")
                .then().statusCode(303);

        for (Cookie session : List.of(phone, desktop, laptop)) {
            RestAssured.given().redirects().follow(false).cookie(session).get("/dashboard/customers").then().statusCode(303);
        }
        Cookie again = signIn(false);
        RestAssured.given().redirects().follow(false).cookie(again).get("/dashboard/customers").then().statusCode(200);
    }

    @Test
    void everyErrorIsAPageInTheOwnersLanguageWithItsStatus() {
        Cookie session = signIn(false);
        String csrf = csrfOf(session);
        for (String path : List.of("/dashboard/nothing-here", "/dashboard/orders/not-a-number", "/dashboard/orders/999999999",
                "/dashboard/customers/999999999")) {
            RestAssured.given().redirects().follow(false).cookie(session).get(path).then().statusCode(404)
                    .contentType(containsString("text/html")).body(containsString("<h1>Not found</h1>"));
        }
        RestAssured.given().redirects().follow(false).cookie(session).formParam("csrf", "wrong").post("/dashboard/orders/1/approve")
                .then().statusCode(403).contentType(containsString("text/html")).body(containsString("<h1>Refused</h1>"))
                .body(containsString("security token is missing or wrong"));
        RestAssured.given().redirects().follow(false).formParam("csrf", csrf).post("/dashboard/orders/1/approve")
                .then().statusCode(401).contentType(containsString("text/html")).body(containsString("<h1>Sign in first</h1>"));
        RestAssured.given().redirects().follow(false).header("Accept-Language", "hi").get("/dashboard/orders/1/invoice-nothing")
                .then().statusCode(303);
        RestAssured.given().redirects().follow(false).header("Accept-Language", "hi").formParam("csrf", csrf).post("/dashboard/sign-out")
                .then().statusCode(401).body(containsString("<html lang=\"hi\">")).body(containsString("पहले साइन इन करें"));
    }

    /** The CSRF token a page of the session carries in its forms. */
    private static String csrfOf(Cookie session) {
        String page = RestAssured.given().cookie(session).get("/dashboard/orders").then().statusCode(200).extract().asString();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the page's forms carry the session's token").isTrue();
        return token.group(1);
    }

    private static Cookie signIn(boolean https) {
        return signInResponse(https).getDetailedCookie(SessionCookie.NAME);
    }

    private static Response signInResponse(boolean https) {
        var request = RestAssured.given().redirects().follow(false).formParam("token", OwnerApi.TOKEN);
        if (https) {
            request = request.header("X-Forwarded-Proto", "https");
        }
        Response response = request.post("/dashboard/sign-in");
        // Signing in lands on the first page of the flow's menu: this bot (echo) has only the unread messages.
        response.then().statusCode(303).header("Location", endsWith(DeadLettersPage.PATH));
        return response;
    }

    /** Every POST the dashboard's pages declare but signing in, with 1 for each id. */
    private static List<String> posts() {
        List<String> posts = new ArrayList<>();
        for (Class<?> page : PAGES) {
            String base = page.getAnnotation(Path.class).value();
            for (Method method : page.getDeclaredMethods()) {
                if (method.isAnnotationPresent(POST.class)) {
                    String path = base + "/" + method.getAnnotation(Path.class).value();
                    if (!path.equals(SignInPage.PATH)) {
                        posts.add(path.replaceAll("\\{[^/]*\\}", "1"));
                    }
                }
            }
        }
        return posts;
    }
}
