package dev.parley.seams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.bot.WebhookSpec;
import dev.parley.operator.dependent.BotConfigMap;
import dev.parley.operator.dependent.BotDeployment;
import dev.parley.operator.dependent.BotNames;
import dev.parley.runtime.config.AiSettings;
import dev.parley.runtime.config.Approval;
import dev.parley.runtime.config.BotSettings;
import dev.parley.runtime.config.CatalogSettings;
import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.config.RuntimeConfig;
import dev.parley.runtime.config.WebhookSettings;
import dev.parley.testing.BotFixtures;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.json.JsonObject;

/**
 * The seam between the operator and the runtime: the {@code bot.json} that the operator's {@link BotConfigMap} writes
 * for a Bot is the document the runtime's settings read, with both sides' own code and no copy in between. Bots come
 * from YAML as a platform team writes them: a minimal one, and every sample in {@code manifests/samples/}.
 */
class BotJsonContractTest {

    /** The channel secrets the operator passes as variables, from the Bot's Secrets. */
    private static final Map<String, String> SECRETS = Map.of(
            "parley.telegram.token", "123:abc", "parley.telegram.webhook-secret", "s3cret",
            "parley.whatsapp.access-token", "token", "parley.whatsapp.app-secret", "app", "parley.whatsapp.verify-token", "verify",
            "parley.ai.api-key", "sk-test");

    @TempDir
    Path dir;

    @Test
    void aBotWithOnlyItsRequiredFieldsIsReadWithTheDefaults() {
        Bot bot = bot(BotFixtures.telegramBot("minimal", ""));

        String json = BotConfigMap.desired(bot).getData().get(BotConfigMap.KEY);
        BotSettings settings = runtimeReads(bot, json);
        CommerceSettings commerce = CommerceSettings.of(settings);

        JsonObject written = new JsonObject(json);
        assertThat(written.containsKey("commerce") && written.getValue("commerce") == null)
                .as("the operator writes an optional section the Bot leaves out as null: " + json).isTrue();
        assertThat(settings.flow()).isEqualTo("orderAgent");
        assertThat(settings.telegram()).isPresent();
        assertThat(settings.whatsapp()).isEmpty();
        assertThat(settings.webhookUrl("telegram")).isEqualTo("https://bots.example.com/webhooks/minimal/telegram");
        assertThat(settings.ai()).isEqualTo(AiSettings.RULES);
        assertThat(settings.idleExpiry()).isEqualTo(Duration.ofHours(24));
        assertThat(List.of(commerce.currency(), commerce.invoicePrefix(), commerce.defaultLanguage())).containsExactly("INR", "INV-", "en");
        assertThat(commerce.owners()).isEmpty();
        CatalogSettings catalog = catalogReads(bot, json);
        assertThat(catalog.source()).as("no sitemap, no feed: the owner uploads the catalog").isEqualTo("upload");
        assertThat(catalog.restockEvery()).isEqualTo(Duration.ofMinutes(60));
        assertThat(List.of(catalog.syncCron(), catalog.userAgent())).containsExactly("0 3 * * 1", CatalogSettings.DEFAULT_USER_AGENT);
        assertThat(List.of(catalog.concurrency(), (int) catalog.requestTimeout().toSeconds())).containsExactly(4, 20);
        assertThat(catalog.digestChatId()).isNull();
    }

    @Test
    void everySampleBotIsReadAsItIsDeclared() throws IOException {
        List<Bot> bots = samples();
        assertThat(bots).as("the samples hold Bots").hasSizeGreaterThanOrEqualTo(3);
        assertThat(bots).as("a sample has webhooks").anyMatch(b -> b.getSpec().getIntegrations() != null);
        for (Bot bot : bots) {
            var spec = bot.getSpec();
            BotSettings settings = runtimeReads(bot, BotConfigMap.desired(bot).getData().get(BotConfigMap.KEY));
            CommerceSettings commerce = CommerceSettings.of(settings);
            String name = bot.getMetadata().getName();

            assertThat(settings.name()).as(name).isEqualTo(name);
            assertThat(settings.flow()).as(name).isEqualTo(wire(spec.getFlow()));
            assertThat(settings.publicUrl()).as(name).isEqualTo(spec.getPublicUrl());
            assertThat(settings.telegram().isPresent()).as(name + " telegram").isEqualTo(spec.getChannels().getTelegram() != null);
            assertThat(settings.whatsapp().isPresent()).as(name + " whatsapp").isEqualTo(spec.getChannels().getWhatsapp() != null);
            if (spec.getChannels().getWhatsapp() != null) {
                assertThat(settings.whatsapp().get().phoneNumberId()).as(name).isEqualTo(spec.getChannels().getWhatsapp().getPhoneNumberId());
            }
            if (spec.getOwners() != null) {
                assertThat(commerce.owners()).as(name + " owners").extracting(CommerceSettings.Owner::name)
                        .containsExactlyElementsOf(spec.getOwners().stream().map(o -> o.getName()).toList());
            }
            if (spec.getCommerce() != null) {
                var declared = spec.getCommerce();
                assertThat(commerce.currency()).as(name).isEqualTo(declared.getCurrency());
                assertThat(commerce.taxRatePercent()).as(name).isEqualByComparingTo(new BigDecimal(String.valueOf(declared.getTaxRatePercent())));
                assertThat(commerce.invoicePrefix()).as(name).isEqualTo(declared.getInvoicePrefix());
                if (declared.getLanguages() != null) {
                    assertThat(commerce.languages()).as(name).containsExactlyElementsOf(declared.getLanguages().stream().map(BotJsonContractTest::wire).toList());
                }
            }
            if (spec.getAi() != null && spec.getAi().getProvider() != null) {
                assertThat(settings.ai().provider().value()).as(name).isEqualTo(wire(spec.getAi().getProvider()));
            }
            assertThat(Approval.of(settings).name().toLowerCase()).as(name + " approval")
                    .isEqualTo(spec.getCommerce() == null ? "owner" : wire(spec.getCommerce().getApproval()));
            // The runtime finds each webhook's secret in the variable the operator's Deployment sets it in, and in no other.
            List<WebhookSpec> hooks = spec.getIntegrations() == null || spec.getIntegrations().getWebhooks() == null ? List.of()
                    : spec.getIntegrations().getWebhooks();
            Map<String, String> variables = new HashMap<>();
            hooks.forEach(h -> variables.put(BotDeployment.webhookSecretVariable(h.getName()), "secret-of-" + h.getName()));
            WebhookSettings webhooks = WebhookSettings.of(settings, v -> Optional.ofNullable(variables.get(v)));
            assertThat(webhooks.subscribers()).as(name + " webhooks").extracting(w -> w.name() + " " + w.url() + " " + w.secret())
                    .containsExactlyElementsOf(hooks.stream().map(h -> h.getName() + " " + h.getUrl() + " secret-of-" + h.getName()).toList());
            if (spec.getSchedules() != null && spec.getSchedules().getSessionExpiryMinutes() != null) {
                assertThat(settings.idleExpiry()).as(name).isEqualTo(Duration.ofMinutes(spec.getSchedules().getSessionExpiryMinutes()));
            }
            CatalogSettings catalog = catalogReads(bot, BotConfigMap.desired(bot).getData().get(BotConfigMap.KEY));
            if (spec.getSchedules() != null && spec.getSchedules().getRestockCheckIntervalMinutes() != null) {
                assertThat(catalog.restockEvery()).as(name).isEqualTo(Duration.ofMinutes(spec.getSchedules().getRestockCheckIntervalMinutes()));
            }
            if (spec.getCatalog() != null) {
                var declared = spec.getCatalog();
                assertThat(catalog.sitemapUrl().orElse(null)).as(name).isEqualTo(declared.getSitemapUrl());
                assertThat(catalog.feedUrl().orElse(null)).as(name).isEqualTo(declared.getFeedUrl());
                assertThat(catalog.syncCron()).as(name).isEqualTo(declared.getSyncCron());
                assertThat(catalog.concurrency()).as(name).isEqualTo(declared.getConcurrency());
                assertThat(catalog.requestTimeout()).as(name).isEqualTo(Duration.ofSeconds(declared.getRequestTimeoutSeconds()));
                assertThat(catalog.digestChatId()).as(name).isEqualTo(declared.getDigestChatId());
                if (declared.getUserAgent() != null) {
                    assertThat(catalog.userAgent()).as(name).isEqualTo(declared.getUserAgent());
                }
            }
        }
    }

    /** An API enum as it is written in YAML and JSON. */
    private static String wire(Enum<?> value) {
        return Serialization.jsonMapper().convertValue(value, String.class);
    }

    private static Bot bot(String yaml) {
        return Serialization.unmarshal(yaml, Bot.class);
    }

    private static List<Bot> samples() throws IOException {
        Path samples = Path.of(System.getProperty("parley.repoRoot", "..")).resolve("manifests/samples");
        try (Stream<Path> files = Files.list(samples)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().flatMap(BotJsonContractTest::documents)
                    .filter(doc -> BOT.matcher(doc).find()).map(doc -> Serialization.unmarshal(doc, Bot.class)).toList();
        }
    }

    private static final Pattern BOT = Pattern.compile("(?m)^kind:\\s*Bot\\s*$");

    /** The YAML documents of a file. */
    private static Stream<String> documents(Path file) {
        try {
            return Stream.of(Files.readString(file).split("(?m)^---\\s*$")).filter(doc -> !doc.isBlank());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the runtime makes of the document: its application.properties, the Bot's name as the operator's Deployment
     * passes it ({@code PARLEY_BOT_NAME}), the secrets, and the file.
     */
    private BotSettings runtimeReads(Bot bot, String botJson) {
        return new BotSettings(runtimeConfig(bot, botJson));
    }

    /** The catalog-watch settings the runtime reads from the same document. */
    private CatalogSettings catalogReads(Bot bot, String botJson) {
        RuntimeConfig config = runtimeConfig(bot, botJson);
        return CatalogSettings.of(new BotSettings(config), config);
    }

    private RuntimeConfig runtimeConfig(Bot bot, String botJson) {
        try {
            Path file = Files.writeString(Files.createTempFile(dir, "bot", ".json"), botJson);
            Map<String, String> properties = new HashMap<>(SECRETS);
            properties.put("parley.bot.config", file.toString());
            properties.put("parley.bot.name", BotNames.name(bot));
            SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(RuntimeConfig.class)
                    .withSources(new PropertiesConfigSource(runtimeProperties(), 250))
                    .withSources(new PropertiesConfigSource(properties, "bot", 500))
                    .build();
            return config.getConfigMapping(RuntimeConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runtime's application.properties (the operator's has one too, on the same class path). */
    private static URL runtimeProperties() throws IOException {
        for (URL url : Collections.list(BotJsonContractTest.class.getClassLoader().getResources("application.properties"))) {
            if (url.toString().contains("parley-runtime") || url.toString().contains("runtime/target/classes")) {
                return url;
            }
        }
        throw new IllegalStateException("the runtime's application.properties is not on the class path");
    }
}
