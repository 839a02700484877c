package dev.parley.api.v1alpha1.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.bot.Flow;
import dev.parley.api.v1alpha1.storage.SessionStore;
import dev.parley.api.v1alpha1.storage.SslMode;
import dev.parley.api.v1alpha1.storage.StorageBackend;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Bad resources are refused by the API server itself, with a message that names the field, so that a mistake shows
 * up at kubectl apply rather than later in a pod.
 */
class SchemaValidationTest extends ApiServerTestBase {

    private static final String BOT_HEAD = """
            apiVersion: parley.dev/v1alpha1
            kind: Bot
            metadata:
              name: invalid-bot
            spec:
            """;
    private static final String TELEGRAM = """
              channels:
                telegram:
                  tokenSecretRef: {name: tg, key: token}
                  webhookSecretTokenSecretRef: {name: tg, key: secret}
            """;
    private static final String STORAGE_REF = """
              storageRef: {name: db}
            """;
    private static final String SB_HEAD = """
            apiVersion: parley.dev/v1alpha1
            kind: StorageBackend
            metadata:
              name: invalid-storage
            spec:
            """;
    private static final String POSTGRES = """
              postgres:
                host: db
                database: app
                credentialsSecretRef: {name: db-app}
            """;

    static Stream<Arguments> invalidResources() {
        return Stream.of(
                Arguments.of("unknown flow", "spec.flow",
                        BOT_HEAD + "  flow: chatty\n  publicUrl: https://bot.example.com\n" + TELEGRAM + STORAGE_REF),
                Arguments.of("no flow", "spec.flow",
                        BOT_HEAD + "  publicUrl: https://bot.example.com\n" + TELEGRAM + STORAGE_REF),
                Arguments.of("a bot with no channel", "spec.channels",
                        BOT_HEAD + "  flow: shop\n  publicUrl: https://bot.example.com\n  channels: {}\n" + STORAGE_REF),
                Arguments.of("no storage", "spec.storageRef",
                        BOT_HEAD + "  flow: shop\n  publicUrl: https://bot.example.com\n" + TELEGRAM),
                Arguments.of("plain http public URL", "spec.publicUrl",
                        BOT_HEAD + "  flow: shop\n  publicUrl: http://bot.example.com\n" + TELEGRAM + STORAGE_REF),
                Arguments.of("a negative tax rate", "spec.commerce.taxRatePercent",
                        BOT_HEAD + "  flow: orderAgent\n  publicUrl: https://bot.example.com\n" + TELEGRAM + STORAGE_REF
                                + "  commerce: {taxRatePercent: -5}\n"),
                Arguments.of("a lower-case currency", "spec.commerce.currency",
                        BOT_HEAD + "  flow: orderAgent\n  publicUrl: https://bot.example.com\n" + TELEGRAM + STORAGE_REF
                                + "  commerce: {currency: inr}\n"),
                Arguments.of("a bad secret name", "spec.channels.telegram.tokenSecretRef.name",
                        BOT_HEAD + "  flow: shop\n  publicUrl: https://bot.example.com\n" + TELEGRAM.replace("{name: tg, key: token}", "{name: Bad_Secret, key: token}") + STORAGE_REF),
                Arguments.of("both a scaling policy and fixed replicas", "spec.replicas",
                        BOT_HEAD + "  flow: shop\n  publicUrl: https://bot.example.com\n" + TELEGRAM + STORAGE_REF
                                + "  scalingPolicyRef: {name: standard}\n  replicas: 3\n"),
                Arguments.of("an LLM provider without a model", "spec.ai.model",
                        BOT_HEAD + "  flow: shop\n  publicUrl: https://bot.example.com\n" + TELEGRAM + STORAGE_REF
                                + "  ai: {provider: ollama}\n"),
                Arguments.of("an unknown AI provider", "spec.ai.provider",
                        BOT_HEAD + "  flow: shop\n  publicUrl: https://bot.example.com\n" + TELEGRAM + STORAGE_REF
                                + "  ai: {provider: magic, model: m}\n"),
                Arguments.of("an owner without any id", "spec.owners[0]",
                        BOT_HEAD + "  flow: orderAgent\n  publicUrl: https://bot.example.com\n" + TELEGRAM + STORAGE_REF
                                + "  owners: [{name: Ramesh}]\n"),
                Arguments.of("an unknown approval mode", "spec.commerce.approval",
                        BOT_HEAD + "  flow: orderAgent\n  publicUrl: https://bot.example.com\n" + TELEGRAM + STORAGE_REF
                                + "  commerce: {approval: sometimes}\n"),
                Arguments.of("a webhook without a secret", "spec.integrations.webhooks[0].secretRef",
                        BOT_HEAD + "  flow: orderAgent\n  publicUrl: https://bot.example.com\n" + TELEGRAM + STORAGE_REF
                                + "  integrations: {webhooks: [{name: kitchen, url: 'https://kitchen.example.com/hook'}]}\n"),
                Arguments.of("a webhook URL that is not http", "spec.integrations.webhooks[0].url",
                        BOT_HEAD + "  flow: orderAgent\n  publicUrl: https://bot.example.com\n" + TELEGRAM + STORAGE_REF
                                + "  integrations: {webhooks: [{name: kitchen, url: 'ftp://kitchen', secretRef: {name: hooks, key: kitchen}}]}\n"),
                Arguments.of("an upper-case webhook name", "spec.integrations.webhooks[0].name",
                        BOT_HEAD + "  flow: orderAgent\n  publicUrl: https://bot.example.com\n" + TELEGRAM + STORAGE_REF
                                + "  integrations: {webhooks: [{name: Kitchen, url: 'https://k.example.com', secretRef: {name: hooks, key: k}}]}\n"),
                Arguments.of("two webhooks of one name", "spec.integrations.webhooks",
                        BOT_HEAD + "  flow: orderAgent\n  publicUrl: https://bot.example.com\n" + TELEGRAM + STORAGE_REF
                                + "  integrations: {webhooks: [{name: k, url: 'https://a.example.com', secretRef: {name: hooks, key: a}},"
                                + " {name: k, url: 'https://b.example.com', secretRef: {name: hooks, key: b}}]}\n"),
                Arguments.of("redis sessions without redis", "spec.sessions",
                        SB_HEAD + POSTGRES + "  sessions: redis\n"),
                Arguments.of("an unknown session store", "spec.sessions",
                        SB_HEAD + POSTGRES + "  sessions: memcached\n"),
                Arguments.of("a port out of range", "spec.postgres.port",
                        SB_HEAD + POSTGRES + "    port: 70000\n"),
                Arguments.of("a CA for a sslMode that verifies nothing", "spec.postgres",
                        SB_HEAD + POSTGRES + "    sslMode: require\n    caSecretRef: {name: db-ca, key: ca.crt}\n"),
                Arguments.of("a Redis CA without TLS", "spec.redis",
                        SB_HEAD + POSTGRES + "  redis: {url: 'redis://cache:6379', caSecretRef: {name: cache-ca, key: ca.crt}}\n"),
                Arguments.of("credentials in the redis URL", "spec.redis.url",
                        SB_HEAD + POSTGRES + "  redis: {url: 'redis://user:pw@cache:6379'}\n"),
                Arguments.of("maxReplicas below minReplicas", "spec.maxReplicas", """
                        apiVersion: parley.dev/v1alpha1
                        kind: ScalingPolicy
                        metadata:
                          name: invalid-policy
                        spec:
                          minReplicas: 5
                          maxReplicas: 2
                        """),
                Arguments.of("zero maxReplicas", "spec.maxReplicas", """
                        apiVersion: parley.dev/v1alpha1
                        kind: ScalingPolicy
                        metadata:
                          name: invalid-policy
                        spec:
                          maxReplicas: 0
                        """),
                Arguments.of("a disruption budget with both limits", "spec.podDisruptionBudget", """
                        apiVersion: parley.dev/v1alpha1
                        kind: ScalingPolicy
                        metadata:
                          name: invalid-policy
                        spec:
                          maxReplicas: 3
                          podDisruptionBudget: {minAvailable: 1, maxUnavailable: 1}
                        """));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @MethodSource("invalidResources")
    void invalidResourceIsRefusedNamingTheField(String what, String field, String yaml) {
        HasMetadata resource = client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items().get(0);

        assertThatThrownBy(() -> client.resource(resource).inNamespace(namespace)
                .fieldManager("parley-tests").forceConflicts().serverSideApply())
                .isInstanceOf(KubernetesClientException.class)
                .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
                .hasMessageContaining(field);
        assertThat(client.resource(resource).inNamespace(namespace).get()).as("nothing stored").isNull();
    }

    @Test
    void theApiServerFillsInDefaults() {
        String yaml = SB_HEAD.replace("invalid-storage", "defaults") + POSTGRES;
        HasMetadata resource = client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items().get(0);
        client.resource(resource).inNamespace(namespace).fieldManager("parley-tests").serverSideApply();

        StorageBackend stored = client.resources(StorageBackend.class).inNamespace(namespace).withName("defaults").get();
        assertThat(stored.getSpec().getSessions()).isEqualTo(SessionStore.POSTGRES);
        assertThat(stored.getSpec().getPostgres().getPort()).isEqualTo(5432);
        assertThat(stored.getSpec().getPostgres().getSslMode()).isEqualTo(SslMode.PREFER);
        assertThat(stored.getSpec().getPostgres().getPoolSize()).isEqualTo(10);
    }

    @Test
    void typedBotRoundTripsThroughTheApiServer() {
        String yaml = BOT_HEAD.replace("invalid-bot", "typed") + "  flow: orderAgent\n  publicUrl: https://bot.example.com\n"
                + TELEGRAM + STORAGE_REF + "  commerce: {taxRatePercent: 8.25}\n";
        HasMetadata resource = client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items().get(0);
        client.resource(resource).inNamespace(namespace).fieldManager("parley-tests").serverSideApply();

        Bot bot = client.resources(Bot.class).inNamespace(namespace).withName("typed").get();
        assertThat(bot.getSpec().getFlow()).isEqualTo(Flow.ORDER_AGENT);
        assertThat(bot.getSpec().getCommerce().getTaxRatePercent()).isEqualByComparingTo("8.25");
        assertThat(bot.getSpec().getCommerce().getInvoicePrefix()).isEqualTo("INV-");
        assertThat(bot.getSpec().getChannels().getTelegram().getMaxConnections()).isEqualTo(40);
        assertThat(bot.getSpec().getPaused()).isFalse();
    }
}
