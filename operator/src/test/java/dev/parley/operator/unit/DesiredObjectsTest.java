package dev.parley.operator.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.operator.dependent.BotAutoscaler;
import dev.parley.operator.dependent.BotConfigMap;
import dev.parley.operator.dependent.BotDeployment;
import dev.parley.operator.dependent.BotDisruptionBudget;
import dev.parley.operator.dependent.BotIngress;
import dev.parley.operator.dependent.BotInputs;
import dev.parley.operator.dependent.BotLeaseRole;
import dev.parley.operator.dependent.BotLeaseRoleBinding;
import dev.parley.operator.dependent.BotService;
import dev.parley.operator.dependent.BotServiceAccount;
import dev.parley.operator.dependent.BotServiceMonitor;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.utils.Serialization;

class DesiredObjectsTest {

    private final Bot bot = Fixtures.bot("");
    private final BotInputs inputs = Fixtures.inputs(bot, Optional.empty());

    @Test
    void noSecretValueAppearsInAnyGeneratedObject() {
        Bot withPolicy = Fixtures.bot("  scalingPolicyRef: {name: standard}\n");
        BotInputs in = Fixtures.inputs(withPolicy, Optional.of(Fixtures.policy()));
        List<HasMetadata> objects = List.of(BotConfigMap.desired(withPolicy), BotServiceAccount.desired(withPolicy),
                BotLeaseRole.desired(withPolicy), BotLeaseRoleBinding.desired(withPolicy), BotDeployment.desired(in),
                BotService.desired(withPolicy), BotAutoscaler.desired(in), BotDisruptionBudget.desired(in));
        for (HasMetadata object : objects) {
            String yaml = Serialization.asYaml(object);
            for (Secret secret : in.secrets().values()) {
                for (String encoded : secret.getData().values()) {
                    String plain = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                    assertThat(yaml).as("%s %s", object.getKind(), object.getMetadata().getName())
                            .doesNotContain(plain).doesNotContain(encoded);
                }
            }
            assertThat(object.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "parley-operator")
                    .containsEntry("parley.dev/bot", "textile-orders");
        }
    }

    @Test
    void deploymentTakesSecretsOnlyByReference() {
        Container runtime = BotDeployment.desired(inputs).getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, EnvVar> env = runtime.getEnv().stream().collect(java.util.stream.Collectors.toMap(EnvVar::getName, e -> e));

        assertThat(env.get("PARLEY_TELEGRAM_TOKEN").getValue()).isNull();
        assertThat(env.get("PARLEY_TELEGRAM_TOKEN").getValueFrom().getSecretKeyRef().getName()).isEqualTo("tg");
        assertThat(env.get("PARLEY_TELEGRAM_TOKEN").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
        assertThat(env.get("PARLEY_OWNER_TOKEN").getValueFrom().getSecretKeyRef().getName()).isEqualTo("owner-api");
        assertThat(env.get("PARLEY_OWNER_TOKEN").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
        assertThat(env.get("PARLEY_DB_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo("db-app");
        assertThat(env.get("PARLEY_DB_PASSWORD").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
        assertThat(env.get("PARLEY_DB_USER").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("username");
        assertThat(env.get("PARLEY_REDIS_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo("cache");
        assertThat(env.get("PARLEY_DB_HOST").getValue()).isEqualTo("db-rw");
        assertThat(env.get("PARLEY_DB_SSLMODE").getValue()).isEqualTo("require");
        assertThat(env.get("PARLEY_DB_SCHEMA").getValue()).isEqualTo("bot_textile_orders");
        assertThat(env.get("PARLEY_SESSIONS").getValue()).isEqualTo("redis");
        assertThat(env).doesNotContainKey("PARLEY_WHATSAPP_ACCESS_TOKEN");
    }

    @Test
    void deploymentIsRestrictedProbedAndScraped() {
        Deployment deployment = BotDeployment.desired(inputs);
        var pod = deployment.getSpec().getTemplate().getSpec();
        Container runtime = pod.getContainers().get(0);

        assertThat(runtime.getImage()).isEqualTo("registry.example/parley-runtime:1.2.3");
        assertThat(runtime.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(runtime.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(runtime.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(runtime.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(runtime.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(runtime.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(runtime.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", "/q/metrics")
                .containsKey(BotDeployment.CHECKSUM_ANNOTATION);
        assertThat(pod.getServiceAccountName()).isEqualTo("textile-orders");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void checksumChangesWhenASecretOrTheConfigurationChanges() {
        String before = checksum(inputs);
        Map<String, Secret> rotated = new java.util.HashMap<>(inputs.secrets());
        rotated.put("tg", Fixtures.secret("tg", Map.of("token", "123456:rotated", "webhook-secret", "hook-secret-value")));
        BotInputs afterRotation = new BotInputs(bot, inputs.storage(), Optional.empty(), rotated, Fixtures.CONFIG);
        BotInputs otherTax = Fixtures.inputs(withTax("18"), Optional.empty());

        assertThat(checksum(Fixtures.inputs(Fixtures.bot(""), Optional.empty()))).as("stable for the same inputs").isEqualTo(before);
        assertThat(checksum(afterRotation)).isNotEqualTo(before);
        assertThat(checksum(otherTax)).isNotEqualTo(before);
    }

    @Test
    void replicasComeFromTheSpecWithoutAPolicyAndFromTheAutoscalerWithOne() {
        assertThat(BotDeployment.desired(inputs).getSpec().getReplicas()).isEqualTo(1);
        assertThat(BotDeployment.desired(Fixtures.inputs(Fixtures.bot("  replicas: 3\n"), Optional.empty())).getSpec().getReplicas()).isEqualTo(3);
        Bot withPolicy = Fixtures.bot("  scalingPolicyRef: {name: standard}\n");
        assertThat(BotDeployment.desired(Fixtures.inputs(withPolicy, Optional.of(Fixtures.policy()))).getSpec().getReplicas())
                .as("left to the HPA").isNull();
        Bot paused = Fixtures.bot("  replicas: 3\n");
        paused.getSpec().setPaused(true);
        assertThat(BotDeployment.desired(Fixtures.inputs(paused, Optional.empty())).getSpec().getReplicas()).isZero();
    }

    @Test
    void autoscalerFollowsThePolicy() {
        Bot withPolicy = Fixtures.bot("  scalingPolicyRef: {name: standard}\n");
        HorizontalPodAutoscaler hpa = BotAutoscaler.desired(Fixtures.inputs(withPolicy, Optional.of(Fixtures.policy())));

        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("textile-orders");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
        assertThat(hpa.getSpec().getMetrics()).hasSize(2);
        assertThat(hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization()).isEqualTo(70);
        assertThat(hpa.getSpec().getMetrics().get(1).getPods().getMetric().getName()).isEqualTo(BotAutoscaler.INFLIGHT_METRIC);
        assertThat(hpa.getSpec().getMetrics().get(1).getPods().getTarget().getAverageValue().getAmount()).isEqualTo("20");
        assertThat(hpa.getSpec().getBehavior().getScaleUp().getPolicies().get(0).getType()).isEqualTo("Pods");
        assertThat(hpa.getSpec().getBehavior().getScaleUp().getPolicies().get(0).getValue()).isEqualTo(4);
        assertThat(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds()).isEqualTo(300);
        assertThat(hpa.getSpec().getBehavior().getScaleDown().getPolicies().get(0).getType()).isEqualTo("Percent");
        assertThat(hpa.getSpec().getBehavior().getScaleDown().getPolicies().get(0).getValue()).isEqualTo(50);
    }

    @Test
    void autoscalerSpellsOutTheServerDefaultsThePolicyLeavesOut() {
        var policy = Fixtures.policy();
        policy.getSpec().setScaleUp(null);
        policy.getSpec().setScaleDown(null);
        Bot withPolicy = Fixtures.bot("  scalingPolicyRef: {name: standard}\n");
        var behavior = BotAutoscaler.desired(Fixtures.inputs(withPolicy, Optional.of(policy))).getSpec().getBehavior();

        assertThat(behavior.getScaleUp().getStabilizationWindowSeconds()).isZero();
        assertThat(behavior.getScaleUp().getSelectPolicy()).isEqualTo("Max");
        assertThat(behavior.getScaleUp().getPolicies()).extracting(p -> p.getType() + " " + p.getValue() + "/" + p.getPeriodSeconds())
                .containsExactly("Pods 4/15", "Percent 100/15");
        assertThat(behavior.getScaleDown().getStabilizationWindowSeconds()).isEqualTo(300);
        assertThat(behavior.getScaleDown().getPolicies()).extracting(p -> p.getType() + " " + p.getValue() + "/" + p.getPeriodSeconds())
                .containsExactly("Percent 100/15");
    }

    @Test
    void disruptionBudgetFromThePolicyOrOneDownAtATime() {
        Bot withPolicy = Fixtures.bot("  scalingPolicyRef: {name: standard}\n");
        assertThat(BotDisruptionBudget.desired(Fixtures.inputs(withPolicy, Optional.of(Fixtures.policy()))).getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        var policyWithoutBudget = Fixtures.policy();
        policyWithoutBudget.getSpec().setPodDisruptionBudget(null);
        var pdb = BotDisruptionBudget.desired(Fixtures.inputs(withPolicy, Optional.of(policyWithoutBudget)));
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(pdb.getSpec().getMinAvailable()).isNull();
    }

    @Test
    void configMapCarriesTheNonSecretConfiguration() {
        String json = BotConfigMap.desired(bot).getData().get(BotConfigMap.KEY);
        assertThat(json).contains("\"flow\" : \"orderAgent\"", "\"invoicePrefix\" : \"TEX-\"",
                "\"webhookUrl\" : \"https://textile.example.com/webhooks/textile-orders\"");
        assertThat(json).doesNotContain("tokenSecretRef", Fixtures.TELEGRAM_TOKEN);
    }

    @Test
    void leaseRoleGrantsOnlyTheBotsLease() {
        var rules = BotLeaseRole.desired(bot).getRules();
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.getApiGroups()).containsExactly("coordination.k8s.io");
            assertThat(rule.getResources()).containsExactly("leases");
        });
        assertThat(rules.get(0).getResourceNames()).containsExactly("textile-orders-leader");
        assertThat(rules.get(1).getVerbs()).containsExactly("create");
    }

    @Test
    void serviceMonitorSelectsTheBotsServiceAndTheServiceTheBotsPods() {
        var service = BotService.desired(bot);
        var monitor = BotServiceMonitor.desired(bot);
        Deployment deployment = BotDeployment.desired(inputs);

        assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(monitor.getSpec().selector.getMatchLabels());
        assertThat(monitor.getSpec().endpoints.get(0).port).isEqualTo(service.getSpec().getPorts().get(0).getName());
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(service.getSpec().getSelector());
    }

    @Test
    void ingressRoutesThePublicHostToTheService() {
        Bot withIngress = Fixtures.bot("  ingress: {className: nginx, tlsSecretName: textile-tls, annotations: {cert-manager.io/cluster-issuer: le}}\n");
        var ingress = BotIngress.desired(withIngress);

        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("textile.example.com");
        assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName()).isEqualTo("textile-orders");
        assertThat(ingress.getSpec().getTls().get(0).getHosts()).containsExactly("textile.example.com");
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("cert-manager.io/cluster-issuer", "le");

        var plain = BotIngress.desired(Fixtures.bot("  ingress: {className: nginx}\n"));
        plain.getMetadata().getAnnotations().remove("javaoperatorsdk.io/previous");
        assertThat(plain.getMetadata().getAnnotations()).as("mutable and empty, as the SDK's comparison needs").isEmpty();
    }

    @Test
    void ingressPublishesTheWebhooksTheOwnerApiAndTheDashboardButNeverTheOperationsEndpoints() {
        var paths = BotIngress.desired(Fixtures.bot("  ingress: {className: nginx}\n")).getSpec().getRules().get(0).getHttp().getPaths();

        assertThat(paths).extracting(p -> p.getPath()).containsExactlyInAnyOrder("/webhooks/textile-orders", "/api/v1", "/dashboard", "/dashboard-assets");
        assertThat(paths).allSatisfy(p -> assertThat(p.getPathType()).isEqualTo("Prefix"));
        // an Ingress Prefix matches whole path elements: neither prefix covers /q/metrics, /q/openapi or /q/health
        for (String internal : List.of("/q/metrics", "/q/openapi", "/q/health/ready", "/", "/webhooks/other-bot/telegram")) {
            assertThat(paths).noneSatisfy(p -> assertThat(prefixMatches(p.getPath(), internal)).isTrue());
        }
        assertThat(paths).anySatisfy(p -> assertThat(prefixMatches(p.getPath(), "/webhooks/textile-orders/telegram")).isTrue());
        assertThat(paths).anySatisfy(p -> assertThat(prefixMatches(p.getPath(), "/dashboard/orders/waiting")).isTrue());
        assertThat(paths).anySatisfy(p -> assertThat(prefixMatches(p.getPath(), "/dashboard-assets/dashboard.css")).isTrue());
    }

    /** Kubernetes' Prefix path type: the path split by '/' element-wise starts with the prefix's elements. */
    private static boolean prefixMatches(String prefix, String path) {
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }

    private static String checksum(BotInputs in) {
        return BotDeployment.desired(in).getSpec().getTemplate().getMetadata().getAnnotations().get(BotDeployment.CHECKSUM_ANNOTATION);
    }

    private static Bot withTax(String percent) {
        Bot bot = Fixtures.bot("");
        bot.getSpec().getCommerce().setTaxRatePercent(new java.math.BigDecimal(percent));
        return bot;
    }
}
