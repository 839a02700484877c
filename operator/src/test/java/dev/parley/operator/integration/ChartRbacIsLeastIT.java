package dev.parley.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.testing.BotFixtures;
import dev.parley.testing.Chart;
import dev.parley.testing.KubeApiServer;
import dev.parley.testing.OperatorProcess;
import dev.parley.testing.ServiceMonitorCrd;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The chart's RBAC is the least that works: installed as the chart renders it, the packaged operator makes every
 * object of a Bot that uses every feature without one "forbidden"; with any single rule of any of the chart's Roles
 * and ClusterRoles removed, it is refused by the API server, and the refusal names that rule's resource.
 *
 * <p>Each case is its own release in its own operator namespace, watching its own Bot namespace, as a platform team
 * would install Parley next to another installation; the API server runs OwnerReferencesPermissionEnforcement.
 */
class ChartRbacIsLeastIT {

    private static final Duration CONVERGE = Duration.ofSeconds(90);
    private static final List<Class<? extends HasMetadata>> EVERY_KIND = List.of(ConfigMap.class, ServiceAccount.class,
            Role.class, RoleBinding.class, Deployment.class, Service.class, HorizontalPodAutoscaler.class,
            PodDisruptionBudget.class, Ingress.class);

    private static KubernetesClient admin;
    private static Config config;
    private static Path jar;
    private static int releases;

    @BeforeAll
    static void installCrds() {
        jar = Path.of(System.getProperty("parley.operatorJar", "target/quarkus-app/quarkus-run.jar"));
        assertThat(jar).as("packaged operator").exists();
        KubeApiServer server = KubeApiServer.shared();
        admin = server.adminClient();
        config = Config.fromKubeconfig(server.kubeConfigYaml());
        Chart.installCrds(admin);
        ServiceMonitorCrd.install(admin);
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    @Test
    void withTheChartsRbacEveryObjectIsMadeAndNothingIsRefused() throws Exception {
        Release release = install(rendered -> { });
        try {
            await().atMost(CONVERGE).untilAsserted(() -> {
                for (Class<? extends HasMetadata> kind : EVERY_KIND) {
                    assertThat(admin.resources(kind).inNamespace(release.bots).withName("full-bot").get()).as(kind.getSimpleName()).isNotNull();
                }
                assertThat(admin.genericKubernetesResources("monitoring.coreos.com/v1", "ServiceMonitor")
                        .inNamespace(release.bots).withName("full-bot").get()).as("ServiceMonitor").isNotNull();
                Bot bot = admin.resources(Bot.class).inNamespace(release.bots).withName("full-bot").get();
                assertThat(bot.getStatus()).as("Bot status").isNotNull();
                assertThat(bot.getStatus().getObservedGeneration()).isEqualTo(bot.getMetadata().getGeneration());
            });
            assertThat(refusals(release.operator.log(), release.user)).as("refusals in the operator log").isEmpty();
        } finally {
            release.operator.kill();
        }
    }

    @TestFactory
    Stream<DynamicTest> withAnyOneRuleRemovedTheOperatorIsRefusedThatRule() {
        List<HasMetadata> roles = Chart.rbac(render("probe", "probe-system", "probe-bots")).stream()
                .filter(o -> o instanceof ClusterRole || o instanceof Role).toList();
        List<DynamicTest> cases = new ArrayList<>();
        for (HasMetadata role : roles) {
            List<PolicyRule> rules = rules(role);
            for (int i = 0; i < rules.size(); i++) {
                int index = i;
                PolicyRule removed = rules.get(i);
                String roleSuffix = role.getMetadata().getName().replaceFirst("^probe-parley", "");
                cases.add(DynamicTest.dynamicTest(role.getKind() + " " + roleSuffix + " without " + describe(removed),
                        () -> assertRefused(roleSuffix, index, removed)));
            }
        }
        return cases.stream();
    }

    private static void assertRefused(String roleSuffix, int index, PolicyRule removed) throws Exception {
        Release release = install(rendered -> rendered.stream()
                .filter(o -> (o instanceof ClusterRole || o instanceof Role) && o.getMetadata().getName().endsWith("parley" + roleSuffix))
                .forEach(o -> rules(o).remove(index)));
        try {
            await().atMost(CONVERGE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(refusals(release.operator.log(), release.user)).as("refusals in the operator log")
                            .containsAnyElementsOf(removed.getResources()));
        } finally {
            release.operator.kill();
        }
    }

    /**
     * The resources the operator was refused, from its log: the API server's "forbidden" messages name the user and
     * the resource; the SDK checks its Lease permissions itself before it starts.
     */
    private static Set<String> refusals(String log, String user) {
        Set<String> resources = new TreeSet<>();
        Matcher apiServer = Pattern.compile("(?is)user \\\\?\"" + Pattern.quote(user) + "\\\\?\".{0,400}?(?:cannot \\w+ resource |Resources:\\[)\\\\?\"([a-z/]+)\\\\?\"")
                .matcher(log);
        while (apiServer.find()) {
            resources.add(apiServer.group(1));
        }
        if (log.contains("No permission to lease resource")) {
            resources.add("leases");
        }
        return resources;
    }

    /** A release of the chart, its RBAC edited, with an operator process using its ServiceAccount and one Bot. */
    private static Release install(java.util.function.Consumer<List<HasMetadata>> edit) throws Exception {
        int n = ++releases;
        String name = "rbac" + n;
        String operatorNs = name + "-system";
        String botsNs = name + "-bots";
        List<HasMetadata> rbac = Chart.rbac(render(name, operatorNs, botsNs));
        edit.accept(rbac);
        for (HasMetadata object : rbac) {
            admin.resource(object).fieldManager("parley-tests").forceConflicts().serverSideApply();
        }
        String serviceAccount = rbac.stream().filter(o -> o instanceof ServiceAccount).findFirst().orElseThrow().getMetadata().getName();
        createBotAndWhatItNeeds(botsNs);
        OperatorProcess operator = OperatorProcess.start(jar, config, Chart.token(admin, operatorNs, serviceAccount), name,
                operatorNs, botsNs);
        return new Release(operator, botsNs, "system:serviceaccount:" + operatorNs + ":" + serviceAccount);
    }

    private record Release(OperatorProcess operator, String bots, String user) {
    }

    private static List<HasMetadata> render(String release, String operatorNs, String botsNs) {
        List<HasMetadata> rendered = Chart.render(admin, release, operatorNs, "watchNamespaces={" + botsNs + "}");
        if (admin.namespaces().withName(botsNs).get() == null) {
            admin.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(botsNs)
                    .endMetadata().build()).create();
        }
        return rendered;
    }

    private static void createBotAndWhatItNeeds(String namespace) {
        BotFixtures.applyPrerequisites(admin, namespace);
        apply(namespace, Serialization.unmarshal(BotFixtures.telegramBot("full-bot",
                "  scalingPolicyRef: {name: standard}\n  ingress: {className: nginx}\n"), Bot.class));
    }

    private static List<PolicyRule> rules(HasMetadata role) {
        return role instanceof ClusterRole clusterRole ? clusterRole.getRules() : ((Role) role).getRules();
    }

    private static String describe(PolicyRule rule) {
        return String.join(",", rule.getResources()) + " " + rule.getVerbs();
    }

    private static void apply(String namespace, HasMetadata resource) {
        admin.resource(resource).inNamespace(namespace).fieldManager("parley-tests").forceConflicts().serverSideApply();
    }
}
