package dev.parley.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.bot.BotStatus;
import dev.parley.api.v1alpha1.scaling.ScalingPolicy;
import dev.parley.api.v1alpha1.storage.StorageBackend;
import dev.parley.operator.config.OperatorConfig;
import dev.parley.operator.config.OperatorLeaderElection;
import dev.parley.operator.dependent.BotAutoscaler;
import dev.parley.operator.dependent.BotConfigMap;
import dev.parley.operator.dependent.BotDeployment;
import dev.parley.operator.dependent.BotDisruptionBudget;
import dev.parley.operator.dependent.BotInputs;
import dev.parley.operator.dependent.BotLeaseRole;
import dev.parley.operator.dependent.BotLeaseRoleBinding;
import dev.parley.operator.dependent.BotService;
import dev.parley.operator.dependent.BotServiceAccount;
import dev.parley.operator.status.BotStatusCalculator;
import dev.parley.testing.BotFixtures;
import dev.parley.testing.Chart;
import dev.parley.testing.KubeApiServer;
import dev.parley.testing.OperatorProcess;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * benchmarks/run operator-convergence: N Bots sharing one StorageBackend and ScalingPolicy against the real
 * kube-apiserver, the operator running as a separate process with the chart's RBAC. Measures the time until every
 * Bot has its eight objects and an up-to-date status, the operator's peak RSS, and the API writes during a no-op
 * resync (an operator restart). As the reference, a plain client creates the same Bots, objects and statuses
 * directly with the same concurrency.
 *
 * <p>{@code benchmarks/run} starts the API server with a /16 Service range (see
 * {@link KubeApiServer#SERVICE_RANGE_PROPERTY}): both runs together make two Services per Bot.
 */
public final class OperatorConvergence {

    private static final List<Class<? extends HasMetadata>> OBJECT_KINDS = List.of(
            io.fabric8.kubernetes.api.model.ConfigMap.class, io.fabric8.kubernetes.api.model.ServiceAccount.class,
            io.fabric8.kubernetes.api.model.rbac.Role.class, io.fabric8.kubernetes.api.model.rbac.RoleBinding.class,
            io.fabric8.kubernetes.api.model.apps.Deployment.class, io.fabric8.kubernetes.api.model.Service.class,
            io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
            io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class);

    private OperatorConvergence() {
    }

    public static void main(String[] args) throws Exception {
        int bots = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path jar = Path.of(System.getProperty("parley.operatorJar"));

        KubeApiServer server = KubeApiServer.shared();
        try (KubernetesClient admin = server.adminClient()) {
            Chart.installCrds(admin);
            String token = Chart.installRbacAndGetToken(admin);
            Config config = Config.fromKubeconfig(server.kubeConfigYaml());

            String operatorNs = "bench-operator";
            prepare(admin, operatorNs);
            OperatorProcess operator = OperatorProcess.start(jar, config, token, "bench-1");
            awaitLeader(admin, "bench-1");

            System.out.printf("operator JVM options: -Xmx512m %s%n", System.getProperty("parley.operator.jvmOptions", "(none)"));
            System.out.printf("creating %d Bots with concurrency %d; the operator makes the rest ...%n", bots, concurrency);
            Map<String, Long> writesAtStart = ApiServerMetrics.writes(admin);
            Map<String, Double> cpuAtStart = CpuTime.snapshot(operator.pid());
            long start = System.nanoTime();
            createAll(concurrency, bots, i -> admin.resource(bot("bot-" + i)).inNamespace(operatorNs).create());
            awaitConverged(admin, operatorNs, bots);
            double operatorSeconds = (System.nanoTime() - start) / 1e9;
            long peakRssMb = operator.peakRssMb();
            System.out.printf("operator: all %d Bots converged in %.1f s; operator peak RSS %d MB%n", bots, operatorSeconds, peakRssMb);
            System.out.printf("  CPU: %s%n", CpuTime.difference(cpuAtStart, CpuTime.snapshot(operator.pid())));
            System.out.printf("  Bot reconciles: %.0f (%.1f per Bot)%n", operator.reconciles("Bot"), operator.reconciles("Bot") / bots);
            System.out.printf("  API writes: %s%n", ApiServerMetrics.difference(writesAtStart, ApiServerMetrics.writes(admin)));

            System.out.println("no-op resync: restarting the operator, which lists and reconciles every Bot again ...");
            operator.stop();
            Map<String, Long> writesBefore = ApiServerMetrics.writes(admin);
            OperatorProcess restarted = OperatorProcess.start(jar, config, token, "bench-2");
            awaitLeader(admin, "bench-2");
            restarted.awaitReconciles("Bot", bots, Duration.ofMinutes(10));
            Thread.sleep(5000);
            Map<String, Long> noop = ApiServerMetrics.difference(writesBefore, ApiServerMetrics.writes(admin));
            long noopWrites = noop.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("no-op resync: %d Bots reconciled, %d API writes (Lease renewals excluded): %s%n", bots, noopWrites, noop);
            restarted.stop();

            String directNs = "bench-direct";
            prepare(admin, directNs);
            StorageBackend storage = admin.resources(StorageBackend.class).inNamespace(directNs).withName("db").get();
            ScalingPolicy policy = admin.resources(ScalingPolicy.class).inNamespace(directNs).withName("standard").get();
            Map<String, Secret> secrets = admin.secrets().inNamespace(directNs).list().getItems().stream()
                    .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s));
            System.out.printf("reference: a plain client creates the same %d Bots, %d objects and statuses with concurrency %d ...%n",
                    bots, bots * OBJECT_KINDS.size(), concurrency);
            Map<String, Long> directWritesAtStart = ApiServerMetrics.writes(admin);
            Map<String, Double> directCpuAtStart = CpuTime.snapshot(-1);
            long directStart = System.nanoTime();
            createAll(concurrency, bots, i -> createDirectly(admin, directNs, bot("bot-" + i), storage, policy, secrets));
            double directSeconds = (System.nanoTime() - directStart) / 1e9;
            System.out.printf("reference: %.1f s%n", directSeconds);
            System.out.printf("  CPU: %s%n", CpuTime.difference(directCpuAtStart, CpuTime.snapshot(-1)));
            System.out.printf("  API writes: %s%n", ApiServerMetrics.difference(directWritesAtStart, ApiServerMetrics.writes(admin)));

            double ratio = operatorSeconds / directSeconds;
            System.out.printf("operator %.1f s vs direct %.1f s: ratio %.2f (goal <= 1.5); no-op writes %d (goal 0)%n",
                    operatorSeconds, directSeconds, ratio, noopWrites);
            System.out.printf("RESULT operator-convergence bots=%d seconds=%.1f direct_seconds=%.1f ratio=%.2f noop_writes=%d peak_rss_mb=%d%n",
                    bots, operatorSeconds, directSeconds, ratio, noopWrites, peakRssMb);
        }
        System.exit(0);
    }

    /** The same writes the operator makes for one Bot: the Bot, its eight objects, its status. */
    private static Void createDirectly(KubernetesClient client, String namespace, Bot bot, StorageBackend storage,
            ScalingPolicy policy, Map<String, Secret> secrets) {
        Bot created = client.resource(bot).inNamespace(namespace).create();
        BotInputs in = new BotInputs(created, Optional.of(storage), Optional.of(policy), secrets, DEFAULTS);
        for (HasMetadata object : List.of(BotConfigMap.desired(created), BotServiceAccount.desired(created),
                BotLeaseRole.desired(created), BotLeaseRoleBinding.desired(created), BotDeployment.desired(in),
                BotService.desired(created), BotAutoscaler.desired(in), BotDisruptionBudget.desired(in))) {
            object.getMetadata().setNamespace(namespace);
            client.resource(object).inNamespace(namespace).create();
        }
        BotStatus status = BotStatusCalculator.calculate(in, Optional.empty());
        created.setStatus(status);
        client.resource(created).inNamespace(namespace).updateStatus();
        return null;
    }

    private static void prepare(KubernetesClient admin, String namespace) {
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        BotFixtures.applyPrerequisites(admin, namespace);
    }

    private static Bot bot(String name) {
        return Serialization.unmarshal(BotFixtures.telegramBot(name, "  scalingPolicyRef: {name: standard}\n"), Bot.class);
    }

    private static void createAll(int concurrency, int count, Function<Integer, ?> create) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> create.apply(index)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Every Bot has its eight objects and a status for its current generation. Watches the Bots (the operator
     * writes a status after all of a Bot's objects exist) and counts the objects once every status is current:
     * polling lists of a thousand objects would take the API server's CPU from the operator being measured.
     */
    private static void awaitConverged(KubernetesClient client, String namespace, int bots) throws InterruptedException {
        Set<String> current = ConcurrentHashMap.newKeySet();
        ResourceEventHandler<Bot> handler = new ResourceEventHandler<>() {
            @Override
            public void onAdd(Bot bot) {
                onUpdate(null, bot);
            }

            @Override
            public void onUpdate(Bot old, Bot bot) {
                if (bot.getStatus() != null && bot.getMetadata().getGeneration().equals(bot.getStatus().getObservedGeneration())) {
                    current.add(bot.getMetadata().getName());
                } else {
                    current.remove(bot.getMetadata().getName());
                }
            }

            @Override
            public void onDelete(Bot bot, boolean unknownState) {
                current.remove(bot.getMetadata().getName());
            }
        };
        long lastReport = System.nanoTime();
        try (SharedIndexInformer<Bot> informer = client.resources(Bot.class).inNamespace(namespace).inform(handler)) {
            while (current.size() < bots || fewestObjects(client, namespace) < bots) {
                if (System.nanoTime() - lastReport > 5_000_000_000L) {
                    System.out.printf("  ... %d of %d Bots have an up-to-date status%n", current.size(), bots);
                    lastReport = System.nanoTime();
                }
                Thread.sleep(current.size() < bots ? 100 : 1000);
            }
        }
    }

    /** How many objects the kind with the fewest has. */
    private static int fewestObjects(KubernetesClient client, String namespace) {
        int fewest = Integer.MAX_VALUE;
        for (Class<? extends HasMetadata> kind : OBJECT_KINDS) {
            fewest = Math.min(fewest, client.resources(kind).inNamespace(namespace).list().getItems().size());
        }
        return fewest;
    }

    private static void awaitLeader(KubernetesClient admin, String identity) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            var lease = admin.leases().inNamespace(Chart.OPERATOR_NAMESPACE).withName(OperatorLeaderElection.LEASE_NAME).get();
            if (lease != null && identity.equals(lease.getSpec().getHolderIdentity())) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("operator " + identity + " did not become leader in 3 minutes");
    }

    private static final OperatorConfig DEFAULTS = new OperatorConfig() {
        @Override
        public String runtimeImage() {
            return "ghcr.io/parley-dev/parley-runtime:0.1.0";
        }

        @Override
        public String runtimeCpuRequest() {
            return "250m";
        }

        @Override
        public String runtimeMemory() {
            return "384Mi";
        }

        @Override
        public Optional<String> runtimeImagePullPolicy() {
            return Optional.empty();
        }
    };
}
