package dev.parley.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.bot.BotPhase;
import dev.parley.api.v1alpha1.scaling.ScalingPolicy;
import dev.parley.api.v1alpha1.storage.StorageBackend;
import dev.parley.operator.dependent.BotDeployment;
import dev.parley.operator.dependent.BotServiceMonitor;
import dev.parley.testing.BotFixtures;
import dev.parley.testing.GarbageCollector;
import dev.parley.testing.KubeApiServer;
import dev.parley.testing.ServiceMonitorCrd;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The operator running against a real kube-apiserver. There are no nodes and no controllers there, so pods never
 * start: the test reports Deployment readiness itself by patching its status, as the Deployment controller would.
 */
@QuarkusTest
@QuarkusTestResource(KubeApiServerResource.class)
class BotConvergenceTest {

    private static final Duration CONVERGE = Duration.ofSeconds(60);
    /** What a Bot with a ScalingPolicy owns, each named after the Bot. */
    private static final List<Class<? extends HasMetadata>> OWNED_TYPES = List.of(ConfigMap.class, ServiceAccount.class,
            Role.class, RoleBinding.class, Deployment.class, Service.class, HorizontalPodAutoscaler.class, PodDisruptionBudget.class);

    private static KubernetesClient client;

    @TestHTTPResource("/q/metrics")
    URL metrics;
    @TestHTTPResource("/q/health/ready")
    URL ready;
    @TestHTTPResource("/q/health/live")
    URL live;
    private static String namespace;

    @BeforeAll
    static void createNamespace() {
        client = KubeApiServer.shared().adminClient();
        namespace = "bots-" + UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        BotFixtures.applyPrerequisites(client, namespace);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void botConvergesToAllItsObjectsAndBecomesReadyWhenTheDeploymentIs() {
        Bot bot = apply(bot("shop-bot", "  scalingPolicyRef: {name: standard}\n"));

        await().atMost(CONVERGE).untilAsserted(() -> {
            for (Class<? extends HasMetadata> type : OWNED_TYPES) {
                HasMetadata object = client.resources(type).inNamespace(namespace).withName("shop-bot").get();
                assertThat(object).as(type.getSimpleName()).isNotNull();
                assertThat(object.getMetadata().getOwnerReferences()).as(type.getSimpleName() + " owner")
                        .anySatisfy(ref -> assertThat(ref.getUid()).isEqualTo(bot.getMetadata().getUid()));
            }
            assertThat(status("shop-bot").getPhase()).isEqualTo(BotPhase.Pending);
        });
        assertThat(condition("shop-bot", Bot.STORAGE_READY)).isEqualTo("True");
        await().atMost(CONVERGE).untilAsserted(() -> {
            ScalingPolicy policy = client.resources(ScalingPolicy.class).inNamespace(namespace).withName("standard").get();
            assertThat(policy.getStatus().getBots()).isEqualTo(1);
        });

        markDeploymentReady("shop-bot", 2);

        await().atMost(CONVERGE).untilAsserted(() -> {
            assertThat(status("shop-bot").getPhase()).isEqualTo(BotPhase.Running);
            assertThat(condition("shop-bot", Bot.READY)).isEqualTo("True");
            assertThat(status("shop-bot").getReadyReplicas()).isEqualTo(2);
        });
    }

    @Test
    void deletingABotDeletesEverythingItOwnsAndTheScalingPolicyCountsOneBotFewer() {
        GarbageCollector garbageCollector = GarbageCollector.shared();
        apply(bot("doomed-bot", "  scalingPolicyRef: {name: standard}\n"));
        await().atMost(CONVERGE).untilAsserted(() -> assertThat(ownedObjects("doomed-bot")).hasSize(OWNED_TYPES.size()));
        int before = client.resources(ScalingPolicy.class).inNamespace(namespace).withName("standard").get().getStatus().getBots();

        client.resources(Bot.class).inNamespace(namespace).withName("doomed-bot").delete();

        await().atMost(CONVERGE).untilAsserted(() -> {
            assertThat(garbageCollector.isRunning()).as("kube-controller-manager exited:%n%s", garbageCollector.log()).isTrue();
            assertThat(ownedObjects("doomed-bot")).as("left behind").isEmpty();
            assertThat(client.resources(ScalingPolicy.class).inNamespace(namespace).withName("standard").get()
                    .getStatus().getBots()).isEqualTo(before - 1);
        });
    }

    /** The names of the objects of {@link #OWNED_TYPES} that exist for a Bot. */
    private static List<String> ownedObjects(String bot) {
        return OWNED_TYPES.stream()
                .filter(type -> client.resources(type).inNamespace(namespace).withName(bot).get() != null)
                .map(Class::getSimpleName)
                .toList();
    }

    @Test
    void aRefusedObjectIsReportedInTheBotsStatusCountedAsAnErrorAndTheOperatorStaysHealthy() throws Exception {
        // Someone else's ConfigMap under the Bot's name: the API server refuses to create the Bot's.
        apply(new ConfigMapBuilder().withNewMetadata().withName("blocked-bot").endMetadata()
                .withData(Map.of("owner", "someone else")).build());

        apply(bot("blocked-bot", ""));

        await().atMost(CONVERGE).untilAsserted(() -> {
            assertThat(status("blocked-bot").getPhase()).isEqualTo(BotPhase.Failed);
            assertThat(conditionReason("blocked-bot", Bot.READY)).isEqualTo("ReconcileError");
            assertThat(conditionMessage("blocked-bot", Bot.READY)).startsWith("configmap: ").contains("\"blocked-bot\" already exists");
        });
        assertThat(get(metrics)).containsPattern("parley_operator_reconcile_errors_total\\{[^}]*kind=\"Bot\"[^}]*} [1-9]");
        assertThat(get(ready)).contains("\"status\": \"UP\"");
        assertThat(get(live)).contains("\"status\": \"UP\"");

        // Once the obstacle is gone, a retry (they back off up to minutes, never give up) makes the Bot whole.
        client.configMaps().inNamespace(namespace).withName("blocked-bot").delete();
        await().atMost(CONVERGE.multipliedBy(2)).untilAsserted(() -> {
            assertThat(client.configMaps().inNamespace(namespace).withName("blocked-bot").get()).isNotNull();
            assertThat(conditionReason("blocked-bot", Bot.READY)).isNotEqualTo("ReconcileError");
        });
    }

    @Test
    void aMissingStorageBackendIsNamedAndTheBotRecoversWhenItAppears() {
        Bot waiting = bot("waiting-bot", "");
        waiting.getSpec().getStorageRef().setName("later-db");
        apply(waiting);

        await().atMost(CONVERGE).untilAsserted(() -> {
            assertThat(status("waiting-bot").getPhase()).isEqualTo(BotPhase.Failed);
            assertThat(conditionMessage("waiting-bot", Bot.READY)).contains("StorageBackend/later-db");
        });
        assertThat(client.apps().deployments().inNamespace(namespace).withName("waiting-bot").get()).isNull();

        apply(load("""
                apiVersion: parley.dev/v1alpha1
                kind: StorageBackend
                metadata: {name: later-db}
                spec:
                  postgres: {host: other-rw, database: app, credentialsSecretRef: {name: db-app}}
                """, StorageBackend.class));

        await().atMost(CONVERGE).untilAsserted(() -> {
            assertThat(client.apps().deployments().inNamespace(namespace).withName("waiting-bot").get()).isNotNull();
            assertThat(status("waiting-bot").getPhase()).isEqualTo(BotPhase.Pending);
        });
    }

    @Test
    void rotatingASecretRollsThePods() {
        apply(bot("rotating-bot", ""));
        String before = await().atMost(CONVERGE).until(() -> checksum("rotating-bot"), c -> c != null);

        apply(secret("tg", Map.of("token", "123:rotated", "webhook-secret", "hook")));

        await().atMost(CONVERGE).until(() -> checksum("rotating-bot"), c -> c != null && !c.equals(before));
    }

    @Test
    void anEditedDeploymentIsPutBack() {
        apply(bot("drifting-bot", ""));
        await().atMost(CONVERGE).until(() -> client.apps().deployments().inNamespace(namespace).withName("drifting-bot").get() != null);

        // Someone else's edit; retried because the operator may be writing the same Deployment right now.
        await().atMost(CONVERGE).ignoreException(KubernetesClientException.class).untilAsserted(() ->
                client.apps().deployments().inNamespace(namespace).withName("drifting-bot").edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil/image:latest");
                    d.getSpec().setReplicas(7);
                    return d;
                }));

        await().atMost(CONVERGE).untilAsserted(() -> {
            Deployment deployment = client.apps().deployments().inNamespace(namespace).withName("drifting-bot").get();
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).doesNotContain("evil");
            assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        });
    }

    @Test
    void anIngressOnlyWhileTheBotAsksForOne() {
        apply(bot("public-bot", "  ingress: {className: nginx, tlsSecretName: public-tls}\n"));

        await().atMost(CONVERGE).untilAsserted(() -> {
            Ingress ingress = client.network().v1().ingresses().inNamespace(namespace).withName("public-bot").get();
            assertThat(ingress).isNotNull();
            assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("bots.example.com");
            assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("public-tls");
            assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        });
        // Later reconciles compare the existing Ingress with the desired one; they must succeed too.
        markDeploymentReady("public-bot", 1);
        await().atMost(CONVERGE).untilAsserted(() -> assertThat(status("public-bot").getPhase()).isEqualTo(BotPhase.Running));

        apply(bot("public-bot", ""));

        await().atMost(CONVERGE).until(() -> client.network().v1().ingresses().inNamespace(namespace).withName("public-bot").get() == null);
    }

    @Test
    void aServiceMonitorOnlyOnceThePrometheusOperatorCrdExists() {
        assertThat(client.apiextensions().v1().customResourceDefinitions().withName(BotServiceMonitor.CRD_NAME).get())
                .as("no Prometheus Operator in the test cluster yet").isNull();
        apply(bot("monitored-bot", ""));
        await().atMost(CONVERGE).until(() -> client.apps().deployments().inNamespace(namespace).withName("monitored-bot").get() != null);

        ServiceMonitorCrd.install(client);

        await().atMost(CONVERGE).untilAsserted(() -> {
            GenericKubernetesResource monitor = client.genericKubernetesResources("monitoring.coreos.com/v1", "ServiceMonitor")
                    .inNamespace(namespace).withName("monitored-bot").get();
            assertThat(monitor).isNotNull();
            assertThat(monitor.getMetadata().getOwnerReferences()).extracting(r -> r.getName()).contains("monitored-bot");
        });
    }

    private static Bot bot(String name, String extraSpec) {
        return load(BotFixtures.telegramBot(name, extraSpec), Bot.class);
    }

    private static void markDeploymentReady(String name, int replicas) {
        // Retried on a conflict: the operator may write the Deployment between our read and our write.
        await().atMost(CONVERGE).ignoreException(KubernetesClientException.class).untilAsserted(() -> {
            Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
            assertThat(deployment).isNotNull();
            deployment.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withReadyReplicas(replicas)
                    .withAvailableReplicas(replicas).withUpdatedReplicas(replicas)
                    .withObservedGeneration(deployment.getMetadata().getGeneration()).build());
            client.apps().deployments().inNamespace(namespace).resource(deployment).updateStatus();
        });
    }

    private static String checksum(String name) {
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        return deployment == null ? null : deployment.getSpec().getTemplate().getMetadata().getAnnotations().get(BotDeployment.CHECKSUM_ANNOTATION);
    }

    private static dev.parley.api.v1alpha1.bot.BotStatus status(String name) {
        Bot bot = client.resources(Bot.class).inNamespace(namespace).withName(name).get();
        assertThat(bot.getStatus()).as("status of " + name).isNotNull();
        return bot.getStatus();
    }

    private static String condition(String name, String type) {
        return status(name).getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow().getStatus();
    }

    private static String conditionReason(String name, String type) {
        return status(name).getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow().getReason();
    }

    private static String conditionMessage(String name, String type) {
        return status(name).getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow().getMessage();
    }

    /** The body of a GET that must answer 200. */
    private static String get(URL url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.toURI()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static Secret secret(String name, Map<String, String> values) {
        return new SecretBuilder().withNewMetadata().withName(name).endMetadata().withStringData(values).build();
    }

    private static <T extends HasMetadata> T load(String yaml, Class<T> type) {
        return Serialization.unmarshal(yaml, type);
    }

    private static <T extends HasMetadata> T apply(T resource) {
        return client.resource(resource).inNamespace(namespace).fieldManager("parley-tests").forceConflicts().serverSideApply();
    }
}
