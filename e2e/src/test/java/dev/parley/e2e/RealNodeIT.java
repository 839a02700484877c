package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.storage.StorageBackend;
import dev.parley.operator.dependent.ServedFlows;
import dev.parley.testing.FakeTelegramApi;
import dev.parley.testing.KubeNode;
import dev.parley.testing.ParleyOnNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Parley on a real one-node cluster: the chart installed with the images this build makes, the operator running as
 * the chart's ServiceAccount, PostgreSQL on the host, Bots reconciled into runtime pods that answer webhooks sent
 * through their Service and reply to a fake Telegram on the host. One node and one install for the whole class; the
 * tests run in order and build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealNodeIT {

    static final String NS = ParleyOnNode.NAMESPACE;
    static final Path REPO = KubeNode.repoRoot();
    static final Path SAMPLES = REPO.resolve("manifests/samples");
    static final String WEBHOOK_SECRET = "e2e-hook-secret";
    static final String OWNER_TOKEN = "e2e-owner-token";
    static final ObjectMapper JSON = new ObjectMapper();

    static ParleyOnNode parley;
    static KubeNode node;
    static KubernetesClient client;
    static FakeTelegramApi telegram;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void bringUpTheNodeAndBuildTheImages() {
        parley = ParleyOnNode.start(Path.of(System.getProperty("java.io.tmpdir", "target")).toAbsolutePath().resolve("node"));
        node = parley.node();
        client = parley.client();
        telegram = parley.telegram();
    }

    @AfterAll
    static void tearDown() {
        if (parley != null) {
            parley.close();
        }
    }

    @Test
    @Order(1)
    void theChartInstallsTheOperatorFromTheBuiltImageAndItBecomesReadyWithTheChartsRbacOnly() {
        long t0 = System.nanoTime();
        parley.installChart();
        System.out.printf("[e2e] operator Ready %.1f s after helm install%n", (System.nanoTime() - t0) / 1e9);

        Deployment operator = client.apps().deployments().inNamespace(NS).withName("parley-operator").get();
        assertThat(operator.getStatus().getReadyReplicas()).isEqualTo(1);
        Pod pod = pods("app.kubernetes.io/name", "parley-operator").get(0);
        // the chart's ServiceAccount and nothing else; the image runs as a numeric non-root user
        assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("parley");
        assertThat(node.kubectl("-n", NS, "exec", pod.getMetadata().getName(), "--", "id", "-u").strip()).isEqualTo("185");
    }

    @Test
    @Order(2)
    void aStorageBackendOnPostgresOnTheHostIsReachable() throws IOException {
        // the samples' textile-db-rw is a Service whose endpoint is PostgreSQL on the host (ParleyOnNode)
        applyFile(SAMPLES.resolve("00-secrets.yaml"));
        applyFile(SAMPLES.resolve("storagebackend-postgres.yaml"));

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(condition(storage("textile-db"), StorageBackend.REACHABLE)).get()
                        .satisfies(c -> assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True")));
        assertThat(storage("textile-db").getStatus().getPostgresVersion()).isNotBlank();
    }

    @Test
    @Order(3)
    void aMinimalBotBecomesReadyAndAnswersAWebhookSentThroughItsServiceExactlyOnce() throws Exception {
        client.resource(new SecretBuilder().withNewMetadata().withName("minimal-telegram").endMetadata()
                .withStringData(Map.of("token", "4242:e2e", "webhook-secret", WEBHOOK_SECRET)).build())
                .inNamespace(NS).serverSideApply();
        // its own StorageBackend without TLS, so that this test is about the Bot alone (the samples' textile-db
        // has sslMode: require)
        apply("""
                apiVersion: parley.dev/v1alpha1
                kind: StorageBackend
                metadata: {name: minimal-db}
                spec:
                  postgres: {host: textile-db-rw, port: 5432, database: app, sslMode: disable, credentialsSecretRef: {name: textile-db-app}}
                """);
        // only the required fields, and where Telegram is (the fake on the host)
        apply("""
                apiVersion: parley.dev/v1alpha1
                kind: Bot
                metadata: {name: minimal}
                spec:
                  flow: orderAgent
                  publicUrl: https://minimal.bots.example.com
                  storageRef: {name: minimal-db}
                  channels:
                    telegram:
                      tokenSecretRef: {name: minimal-telegram, key: token}
                      webhookSecretTokenSecretRef: {name: minimal-telegram, key: webhook-secret}
                  runtime:
                    env: [{name: PARLEY_TELEGRAM_API_URL, value: "%s"}]
                """.formatted(telegram.url()));
        long t0 = System.nanoTime();
        awaitReady("minimal", Duration.ofMinutes(4));
        System.out.printf("[e2e] minimal Bot Ready %.1f s after apply%n", (System.nanoTime() - t0) / 1e9);

        HttpResponse<String> response = sendUpdate("minimal", 1001, 424242, "hello");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> !telegram.messagesTo(424242).isEmpty());
        Thread.sleep(5000);   // a second delivery would come within the outbox's next rounds
        assertThat(telegram.messagesTo(424242)).hasSize(1);
        assertThat(telegram.messagesTo(424242).get(0).token()).isEqualTo("4242:e2e");
        assertNoCrashLoops("minimal");
    }

    @Test
    @Order(4)
    void everySampleIsReadyOrSaysInItsStatusWhyNotAndNothingCrashLoops() throws IOException {
        // the samples' other database is CloudNativePG in a real cluster; here PostgreSQL on the host
        parley.exposeHostPostgres("shop-db-rw");
        parley.postgres().createDatabase("shop", ParleyOnNode.DB_USER);
        Set<String> sampleBots = new java.util.TreeSet<>();
        try (var files = Files.list(SAMPLES)) {
            for (Path file : files.sorted().toList()) {
                applyFile(file);
                for (HasMetadata resource : client.load(Files.newInputStream(file)).items()) {
                    if (resource.getKind().equals("Bot")) {
                        sampleBots.add(resource.getMetadata().getName());
                    }
                }
            }
        }
        assertThat(sampleBots).hasSizeGreaterThanOrEqualTo(3);
        // the flows this build's runtime serves, as the operator that decides knows them
        Set<String> served = ServedFlows.SERVED.stream().map(ServedFlows::name).collect(Collectors.toSet());
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5))
                .failFast("a sample's runtime pod restarted", () -> sampleBots.stream().anyMatch(RealNodeIT::restarted))
                .untilAsserted(() -> {
            for (String name : sampleBots) {
                Bot bot = client.resources(Bot.class).inNamespace(NS).withName(name).get();
                Condition ready = condition(bot, Bot.READY).orElseThrow(() -> new AssertionError(bot.getMetadata().getName() + " has no Ready"));
                String flow = String.valueOf(bot.getSpec().getFlow());
                if (served.contains(flowName(bot))) {
                    assertThat(ready.getStatus()).as(bot.getMetadata().getName() + ": " + ready.getMessage() + "\n" + podReport(name)).isEqualTo("True");
                } else {
                    assertThat(ready.getReason()).as(bot.getMetadata().getName() + " " + flow).isEqualTo("UnsupportedFlow");
                    assertThat(client.apps().deployments().inNamespace(NS).withName(bot.getMetadata().getName()).get()).isNull();
                }
            }
        });
        sampleBots.forEach(RealNodeIT::assertNoCrashLoops);

        // the node has two cores and every flow is served now: the samples and the minimal Bot make room for the
        // tests that follow (the operator must be able to restart), and go as a user deletes them
        Set<String> done = new java.util.TreeSet<>(sampleBots);
        done.add("minimal");
        done.forEach(name -> client.resources(Bot.class).inNamespace(NS).withName(name).delete());
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(done).allSatisfy(name -> assertThat(podNames(name)).as(name).isEmpty()));
    }

    @Test
    @Order(5)
    void withTwoReplicasAnOrderSurvivesAPodDeletedMidConversationTheLeaseMovesAndTheOwnersApprovalSendsTheInvoice() throws Exception {
        client.resource(new SecretBuilder().withNewMetadata().withName("orders-telegram").endMetadata()
                .withStringData(Map.of("token", "5252:e2e", "webhook-secret", WEBHOOK_SECRET)).build())
                .inNamespace(NS).serverSideApply();
        client.resource(new SecretBuilder().withNewMetadata().withName("orders-owner-api").endMetadata()
                .withStringData(Map.of("token", OWNER_TOKEN)).build())
                .inNamespace(NS).serverSideApply();
        // a Bot with everything the order agent uses: owners, commerce, schedules, the owner API; the demo catalog
        apply("""
                apiVersion: parley.dev/v1alpha1
                kind: Bot
                metadata: {name: orders}
                spec:
                  flow: orderAgent
                  publicUrl: https://orders.bots.example.com
                  storageRef: {name: minimal-db}
                  replicas: 2
                  channels:
                    telegram:
                      tokenSecretRef: {name: orders-telegram, key: token}
                      webhookSecretTokenSecretRef: {name: orders-telegram, key: webhook-secret}
                  owners: [{name: Asha, telegramUserId: "777"}]
                  commerce: {currency: INR, taxRatePercent: 5, invoicePrefix: TEX-, languages: [en, hi]}
                  schedules: {reminderCron: "0 10 * * *", timeZone: Asia/Kolkata}
                  ownerApiTokenSecretRef: {name: orders-owner-api, key: token}
                  runtime:
                    env:
                    - {name: PARLEY_TELEGRAM_API_URL, value: "%s"}
                    - {name: PARLEY_DEMO_CATALOG, value: "true"}
                """.formatted(telegram.url()));
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                .failFast("a runtime pod of orders restarted", () -> restarted("orders"))
                .until(() -> readyPods("orders") == 2);
        String lease = "orders-leader";
        await().atMost(Duration.ofMinutes(2)).until(() -> holder(lease).isPresent());
        // the runtime names itself <pod>-<instance> in the Lease
        String leader = podNames("orders").stream().filter(p -> holder(lease).get().startsWith(p + "-")).findFirst()
                .orElseThrow(() -> new AssertionError("the Lease holder " + holder(lease) + " is none of " + podNames("orders")));

        long chat = 515151;
        assertThat(sendUpdate("orders", 2001, chat, "2 rolls blue cotton").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> telegram.messagesTo(chat).size() >= 1);
        assertThat(telegram.messagesTo(chat).get(0).token()).isEqualTo("5252:e2e");
        client.pods().inNamespace(NS).withName(leader).withGracePeriod(0).delete();
        // the conversation goes on through the Service on whichever pod is left: every update is answered
        for (int i = 0; i < 3; i++) {
            int update = 2002 + i;
            String text = i == 0 ? "confirm" : "hello";
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> sendUpdate("orders", update, chat, text).statusCode() == 200);
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> telegram.messagesTo(chat).size() >= 4);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> holder(lease).filter(h -> !h.startsWith(leader + "-")).isPresent());
        assertThat(podNames("orders")).anySatisfy(p -> assertThat(holder(lease).get()).startsWith(p + "-"));
        // and nothing twice: a redelivered update (Telegram retries) changes nothing, whichever replica takes it
        Thread.sleep(5000);
        int replies = telegram.messagesTo(chat).size();
        assertThat(sendUpdate("orders", 2003, chat, "hello").statusCode()).isEqualTo(200);
        Thread.sleep(5000);
        assertThat(telegram.messagesTo(chat)).hasSize(replies);

        // the order placed over the webhook: the owner approves it through the owner API, and the invoice is sent
        JsonNode orders = JSON.readTree(await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(
                () -> ownerApi("GET", "/api/v1/orders", "orders"),
                r -> r.statusCode() == 200 && r.body().contains("\"id\"")).body()).path("orders");
        long orderId = orders.get(0).path("id").asLong();
        HttpResponse<String> approval = ownerApi("POST", "/api/v1/orders/" + orderId + "/approve", "orders");
        assertThat(approval.statusCode()).as(approval.body()).isEqualTo(200);
        assertThat(JSON.readTree(approval.body()).path("invoiceNumber").asText()).startsWith("TEX-");
        await().atMost(Duration.ofSeconds(90)).until(() -> !telegram.calls("sendDocument").isEmpty());
    }

    @Test
    @Order(6)
    void changingABotsSecretRollsItsPods() {
        Set<String> before = podNames("orders");
        client.resource(new SecretBuilder().withNewMetadata().withName("orders-telegram").endMetadata()
                .withStringData(Map.of("token", "5353:e2e", "webhook-secret", WEBHOOK_SECRET)).build())
                .inNamespace(NS).serverSideApply();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> now = podNames("orders");
            assertThat(now).isNotEmpty().doesNotContainAnyElementsOf(before);
            assertThat(readyPods("orders")).isEqualTo(now.size());
        });
    }

    @Test
    @Order(7)
    void theOperatorSurvivesItsRestartWhileAnInformerCannotListAndCatchesUpOnceItCan() {
        var role = client.rbac().clusterRoles().withName("parley-operator").get();
        var original = role.getRules().stream().map(r -> new io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder(r).build()).toList();
        // the Secrets informer's first list fails (as when the API server answers too late), and the operator restarts
        client.rbac().clusterRoles().withName("parley-operator").edit(r -> {
            r.getRules().stream().filter(rule -> rule.getResources().contains("secrets")).forEach(rule -> rule.setVerbs(List.of("get")));
            return r;
        });
        Pod old = pods("app.kubernetes.io/name", "parley-operator").get(0);
        client.pods().inNamespace(NS).withName(old.getMetadata().getName()).withGracePeriod(0).delete();
        await().atMost(Duration.ofMinutes(2)).until(() -> pods("app.kubernetes.io/name", "parley-operator").stream()
                .anyMatch(p -> !p.getMetadata().getName().equals(old.getMetadata().getName()) && "Running".equals(p.getStatus().getPhase())));
        // 40 s with a failing informer: it keeps running (the SDK's default would have ended it)
        await().during(Duration.ofSeconds(40)).atMost(Duration.ofSeconds(50)).untilAsserted(() ->
                assertThat(pods("app.kubernetes.io/name", "parley-operator")).allSatisfy(p -> assertThat(p.getStatus().getContainerStatuses())
                        .allSatisfy(c -> assertThat(c.getRestartCount()).as(p.getMetadata().getName() + " restarts").isZero())));

        client.rbac().clusterRoles().withName("parley-operator").edit(r -> {
            r.setRules(original);
            return r;
        });
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() ->
                Integer.valueOf(1).equals(client.apps().deployments().inNamespace(NS).withName("parley-operator").get().getStatus().getReadyReplicas()));
        // and reconciles again: a change to a Bot reaches its Deployment
        client.resources(Bot.class).inNamespace(NS).withName("orders").edit(b -> {
            b.getSpec().setReplicas(1);
            return b;
        });
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).until(() ->
                Integer.valueOf(1).equals(client.apps().deployments().inNamespace(NS).withName("orders").get().getSpec().getReplicas()));
    }

    @Test
    @Order(8)
    void deletingABotRemovesEverythingItOwns() {
        client.resources(Bot.class).inNamespace(NS).withName("orders").delete();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(client.apps().deployments().inNamespace(NS).withName("orders").get()).isNull();
            assertThat(client.services().inNamespace(NS).withName("orders").get()).isNull();
            assertThat(client.configMaps().inNamespace(NS).withName("orders").get()).isNull();
            assertThat(client.serviceAccounts().inNamespace(NS).withName("orders").get()).isNull();
            assertThat(client.rbac().roles().inNamespace(NS).withName("orders").get()).isNull();
            assertThat(podNames("orders")).isEmpty();
        });
    }

    // ---------------------------------------------------------------------------------------------------------

    static HttpResponse<String> ownerApi(String method, String path, String bot) throws Exception {
        String clusterIp = client.services().inNamespace(NS).withName(bot).get().getSpec().getClusterIP();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + clusterIp + path))
                .header("Authorization", "Bearer " + OWNER_TOKEN).timeout(Duration.ofSeconds(30))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> sendUpdate(String bot, long updateId, long chatId, String text) throws Exception {
        String clusterIp = client.services().inNamespace(NS).withName(bot).get().getSpec().getClusterIP();
        String update = """
                {"update_id": %d, "message": {"message_id": %d, "date": %d, "text": "%s",
                 "chat": {"id": %d, "type": "private"},
                 "from": {"id": %d, "is_bot": false, "first_name": "Asha", "language_code": "en"}}}
                """.formatted(updateId, updateId, System.currentTimeMillis() / 1000, text, chatId, chatId);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + clusterIp + "/webhooks/" + bot + "/telegram"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(update)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static void awaitReady(String bot, Duration timeout) {
        // a runtime that exits at startup will not get better: fail at once, with what it said
        await().atMost(timeout).pollInterval(Duration.ofSeconds(2))
                .failFast("a runtime pod of " + bot + " restarted", () ->
                        assertThat(restarted(bot)).as(() -> "a runtime pod of " + bot + " restarted:\n" + lastWords(bot)).isFalse())
                .untilAsserted(() -> {
            Bot current = client.resources(Bot.class).inNamespace(NS).withName(bot).get();
            Condition ready = condition(current, Bot.READY).orElseThrow(() -> new AssertionError(bot + " has no Ready condition yet"));
            assertThat(ready.getStatus()).as(bot + ": " + ready.getReason() + " " + ready.getMessage() + "\n" + podReport(bot)).isEqualTo("True");
        });
    }

    static boolean restarted(String bot) {
        return pods("parley.dev/bot", bot).stream().flatMap(p -> p.getStatus().getContainerStatuses().stream())
                .anyMatch(c -> c.getRestartCount() > 0);
    }

    /** The end of the log of a runtime pod's container that exited. */
    static String lastWords(String bot) {
        for (Pod pod : pods("parley.dev/bot", bot)) {
            if (pod.getStatus().getContainerStatuses().stream().anyMatch(c -> c.getRestartCount() > 0)) {
                try {
                    String log = client.pods().inNamespace(NS).withName(pod.getMetadata().getName()).terminated().getLog();
                    return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
                } catch (RuntimeException e) {
                    return "(no log: " + e.getMessage() + ")";
                }
            }
        }
        return "";
    }

    static String podReport(String bot) {
        return pods("parley.dev/bot", bot).stream().map(p -> p.getMetadata().getName() + " " + p.getStatus().getPhase() + " "
                + p.getStatus().getContainerStatuses().stream().map(s -> "restarts=" + s.getRestartCount() + " " + s.getState())
                        .collect(Collectors.joining(","))).collect(Collectors.joining("\n"));
    }

    static void assertNoCrashLoops(String bot) {
        for (Pod pod : pods("parley.dev/bot", bot)) {
            for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
                String waiting = status.getState().getWaiting() == null ? "" : status.getState().getWaiting().getReason();
                assertThat(waiting).as(pod.getMetadata().getName() + " " + status.getState()).isNotEqualTo("CrashLoopBackOff");
                assertThat(status.getRestartCount()).as(pod.getMetadata().getName() + " restarts").isZero();
            }
        }
    }

    static List<Pod> pods(String label, String value) {
        return client.pods().inNamespace(NS).withLabel(label, value).list().getItems();
    }

    static Set<String> podNames(String bot) {
        return pods("parley.dev/bot", bot).stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    }

    static long readyPods(String bot) {
        return pods("parley.dev/bot", bot).stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .filter(p -> p.getStatus().getConditions().stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True")))
                .count();
    }

    static Optional<String> holder(String lease) {
        var current = client.leases().inNamespace(NS).withName(lease).get();
        return current == null || current.getSpec() == null ? Optional.empty() : Optional.ofNullable(current.getSpec().getHolderIdentity());
    }

    static StorageBackend storage(String name) {
        return client.resources(StorageBackend.class).inNamespace(NS).withName(name).get();
    }

    static Optional<Condition> condition(HasMetadata resource, String type) {
        List<Condition> conditions = resource instanceof Bot bot && bot.getStatus() != null ? bot.getStatus().getConditions()
                : resource instanceof StorageBackend sb && sb.getStatus() != null ? sb.getStatus().getConditions() : null;
        return conditions == null ? Optional.empty() : conditions.stream().filter(c -> c.getType().equals(type)).findFirst();
    }

    static String flowName(Bot bot) {
        return client.getKubernetesSerialization().asJson(bot.getSpec().getFlow()).replace("\"", "");
    }

    static void apply(String yaml) {
        parley.apply(yaml);
    }

    static void applyFile(Path file) throws IOException {
        apply(Files.readString(file));
    }
}
