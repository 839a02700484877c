package dev.parley.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.testing.ParleyOnNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * benchmarks/run bot-startup: on a real one-node cluster (tools/node/node.sh), the time from applying a Bot to its
 * first answered webhook (sent through the Bot's Service, answered 200 and replied to on the fake Telegram), against
 * the time a plain Deployment of the same runtime image, with the same pod spec as the operator makes, takes to
 * become Ready on the same node. A warm-up Bot first pulls the image onto the node, so neither side pays for the
 * pull; each side migrates a fresh schema. Not a test: prints its figures and a RESULT line.
 */
public final class BotStartup {

    private static final String NS = ParleyOnNode.NAMESPACE;
    private static final String WEBHOOK_SECRET = "bench-hook";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("parley.test.workdir", "benchmarks/target/servers")).toAbsolutePath().resolve("node");
        try (ParleyOnNode parley = ParleyOnNode.start(dir)) {
            KubernetesClient client = parley.client();
            long t0 = System.nanoTime();
            parley.installChart();
            System.out.printf("operator Ready %.1f s after helm install%n", seconds(t0));
            parley.apply("""
                    apiVersion: parley.dev/v1alpha1
                    kind: StorageBackend
                    metadata: {name: bench-db}
                    spec:
                      postgres: {host: textile-db-rw, port: 5432, database: app, sslMode: disable, credentialsSecretRef: {name: bench-db}}
                    """);
            client.resource(new SecretBuilder().withNewMetadata().withName("bench-db").endMetadata()
                    .withStringData(Map.of("username", ParleyOnNode.DB_USER, "password", ParleyOnNode.DB_PASSWORD)).build())
                    .inNamespace(NS).serverSideApply();
            client.resource(new SecretBuilder().withNewMetadata().withName("bench-telegram").endMetadata()
                    .withStringData(Map.of("token", "5151:bench", "webhook-secret", WEBHOOK_SECRET)).build())
                    .inNamespace(NS).serverSideApply();

            // warm-up: pulls the image onto the node; its Deployment is the plain side's template. Paused, the Bot
            // keeps the ServiceAccount and ConfigMap the plain pods use, but runs no pod of its own.
            double warm = botToFirstAnswer(parley, "warmup", 1);
            System.out.printf("warm-up Bot (image pull included): %.1f s%n", warm);
            Deployment made = client.apps().deployments().inNamespace(NS).withName("warmup").get();
            client.resources(Bot.class).inNamespace(NS).withName("warmup").edit(b -> {
                b.getSpec().setPaused(true);
                return b;
            });
            while (!client.pods().inNamespace(NS).withLabel("parley.dev/bot", "warmup").list().getItems().isEmpty()) {
                Thread.sleep(200);
            }

            double plain = plainDeploymentReady(client, made);
            System.out.printf("plain Deployment of %s Ready: %.1f s%n", parley.runtimeImage(), plain);
            double bot = botToFirstAnswer(parley, "timed", 2);
            System.out.printf("Bot applied to first answered webhook: %.1f s%n", bot);
            System.out.printf("RESULT bot-startup bot_s=%.1f plain_s=%.1f ratio=%.2f%n", bot, plain, bot / plain);
        }
        // the node is down; the Kubernetes client's event-loop threads would keep the JVM alive
        System.exit(0);
    }

    /** Applies a Bot and sends it a webhook every 200 ms through its Service until one is answered and replied to. */
    static double botToFirstAnswer(ParleyOnNode parley, String name, long chatId) throws Exception {
        long t0 = System.nanoTime();
        parley.apply("""
                apiVersion: parley.dev/v1alpha1
                kind: Bot
                metadata: {name: %s}
                spec:
                  flow: orderAgent
                  publicUrl: https://%s.bots.example.com
                  storageRef: {name: bench-db}
                  channels:
                    telegram:
                      tokenSecretRef: {name: bench-telegram, key: token}
                      webhookSecretTokenSecretRef: {name: bench-telegram, key: webhook-secret}
                  owners: [{name: Asha, telegramUserId: "777"}]
                  commerce: {currency: INR, taxRatePercent: 5, invoicePrefix: BEN-, languages: [en]}
                  schedules: {reminderCron: "0 10 * * *", timeZone: Asia/Kolkata}
                  runtime:
                    env: [{name: PARLEY_TELEGRAM_API_URL, value: "%s"}]
                """.formatted(name, name, parley.telegram().url()));
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        int update = 1;
        while (System.nanoTime() < deadline) {
            var service = parley.client().services().inNamespace(NS).withName(name).get();
            if (service != null && service.getSpec().getClusterIP() != null) {
                String body = """
                        {"update_id": %d, "message": {"message_id": %d, "date": %d, "text": "hello",
                         "chat": {"id": %d, "type": "private"}, "from": {"id": %d, "is_bot": false, "first_name": "Bench"}}}
                        """.formatted(update, update, System.currentTimeMillis() / 1000, chatId, chatId);
                update++;
                try {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                    URI.create("http://" + service.getSpec().getClusterIP() + "/webhooks/" + name + "/telegram"))
                            .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET)
                            .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        while (parley.telegram().messagesTo(chatId).isEmpty() && System.nanoTime() < deadline) {
                            Thread.sleep(50);
                        }
                        return seconds(t0);
                    }
                } catch (java.io.IOException e) {
                    // no endpoint yet: connection refused or timed out
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Bot " + name + " did not answer within 10 minutes");
    }

    /** The operator's Deployment for a Bot, renamed, unowned, on a schema of its own: a plain Deployment. */
    static double plainDeploymentReady(KubernetesClient client, Deployment made) throws InterruptedException {
        ObjectMeta meta = new ObjectMetaBuilder().withName("plain-runtime").withNamespace(NS).withLabels(Map.of("app", "plain-runtime")).build();
        Deployment plain = new DeploymentBuilder(made).withMetadata(meta)
                .editSpec().withReplicas(1).editSelector().withMatchLabels(Map.of("app", "plain-runtime")).endSelector()
                .editTemplate().editMetadata().withLabels(Map.of("app", "plain-runtime")).endMetadata()
                .editSpec().editFirstContainer()
                .removeMatchingFromEnv(e -> e.getName().equals("PARLEY_DB_SCHEMA"))
                .addNewEnv().withName("PARLEY_DB_SCHEMA").withValue("bot_plain_runtime").endEnv()
                .endContainer().endSpec().endTemplate().endSpec()
                .withStatus(null).build();
        long t0 = System.nanoTime();
        client.resource(plain).inNamespace(NS).create();
        while (true) {
            Deployment now = client.apps().deployments().inNamespace(NS).withName("plain-runtime").get();
            if (now.getStatus() != null && Integer.valueOf(1).equals(now.getStatus().getReadyReplicas())) {
                double s = seconds(t0);
                client.resource(now).delete();
                return s;
            }
            if (seconds(t0) > 600) {
                throw new IllegalStateException("the plain Deployment was not Ready within 10 minutes");
            }
            Thread.sleep(100);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
