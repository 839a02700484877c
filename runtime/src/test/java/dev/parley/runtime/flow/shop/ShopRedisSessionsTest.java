package dev.parley.runtime.flow.shop;

import static dev.parley.runtime.flow.shop.ConsoleChats.press;
import static dev.parley.runtime.flow.shop.ConsoleChats.say;
import static dev.parley.runtime.flow.shop.ConsoleChats.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.testing.PostgresResource;
import dev.parley.runtime.testing.RedisResource;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The shop with sessions in Redis (a StorageBackend with {@code sessions: redis}): where checkout stands lives in
 * Redis, the cart in PostgreSQL, and a whole checkout goes through as it does with sessions in PostgreSQL.
 */
@QuarkusTest
@TestProfile(ShopRedisSessionsTest.RedisShop.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RedisResource.class, restrictToAnnotatedClass = true)
class ShopRedisSessionsTest {

    public static class RedisShop implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.flow", ShopFlow.NAME, "parley.sessions", "redis", "parley.demo-catalog", "true",
                    "parley.scheduling.enabled", "false", "parley.bot.name", "redis-shop");
        }
    }

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    Pool pool;

    @Test
    void checkoutStandsInRedisAndTheCartInPostgres() {
        write("kiran", "/start");
        press("kiran", "s:a:4:1");
        press("kiran", "s:co");
        write("kiran", "Kiran Shah");

        String data = redis.execute("HGET", "parley:redis-shop:session:console:kiran", "data").await().indefinitely().toString();
        assertThat(new JsonObject(data).getJsonObject("checkout").getString("name")).isEqualTo("Kiran Shah");
        assertThat(ShopCatalog.count(pool, "SELECT quantity FROM cart_line WHERE chat_id = 'kiran'")).isEqualTo(1);

        write("kiran", "9876543210");
        write("kiran", "3 Hill Road, Mumbai 400050");
        JsonObject summary = press("kiran", "s:acct");
        say("kiran", new JsonObject().put("button", summary.getJsonArray("buttons").getJsonObject(0).getString("id")), 3);
        assertThat(ShopCatalog.count(pool, "SELECT count(*) FROM customer_order WHERE chat_id = 'kiran' AND payment = 'ON_ACCOUNT'")).isEqualTo(1);
        assertThat(ShopCatalog.stock(pool, "SNK-BHUJIA")).isEqualTo(24);
    }
}
