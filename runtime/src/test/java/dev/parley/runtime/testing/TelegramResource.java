package dev.parley.runtime.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the runtime under test a Telegram channel whose Bot API is a {@link FakeTelegram}, as bot {@code shop}
 * with a public URL, and scheduling fast enough that the webhook registration shows within a test.
 */
public class TelegramResource implements QuarkusTestResourceLifecycleManager {

    public static final String BOT = "shop";
    public static final String TOKEN = "123456:AAE-telegram-token-under-test";
    public static final String SECRET = "webhook-secret-under-test";
    public static final String PUBLIC_URL = "https://shop.example.com";

    /** The fake the current test class talks to. */
    public static volatile FakeTelegram telegram;

    @Override
    public Map<String, String> start() {
        telegram = new FakeTelegram();
        return Map.ofEntries(
                Map.entry("parley.bot.name", BOT),
                Map.entry("parley.telegram.token", TOKEN),
                Map.entry("parley.telegram.webhook-secret", SECRET),
                Map.entry("parley.telegram.api-url", telegram.url()),
                Map.entry("parley.telegram.max-connections", "20"),
                Map.entry("parley.public-url", PUBLIC_URL),
                Map.entry("quarkus.http.limits.max-body-size", "64K"),
                Map.entry("parley.scheduling.tick", "1s"),
                Map.entry("parley.scheduling.lease-duration", "3s"));
    }

    @Override
    public void stop() {
        telegram.close();
    }
}
