package dev.parley.operator.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.bot.BotPhase;
import dev.parley.api.v1alpha1.bot.BotStatus;
import dev.parley.api.v1alpha1.bot.Flow;
import dev.parley.api.v1alpha1.storage.StorageBackend;
import dev.parley.operator.dependent.BotInputs;
import dev.parley.operator.dependent.BotNames;
import dev.parley.operator.dependent.ServedFlows;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;

/** Turns what the operator observed about a Bot into its status; a pure function, tested without a cluster. */
public final class BotStatusCalculator {

    private BotStatusCalculator() {
    }

    public static BotStatus calculate(BotInputs in, Optional<Deployment> deployment) {
        return calculate(in, deployment, ServedFlows.SERVED);
    }

    /**
     * As {@link #calculate(BotInputs, Optional)} for a runtime that serves {@code served}: this build's runtime serves
     * every flow of the API, but an operator may meet a runtime image older than its API.
     */
    public static BotStatus calculate(BotInputs in, Optional<Deployment> deployment, Set<Flow> served) {
        Bot bot = in.bot();
        boolean isServed = served.contains(bot.getSpec().getFlow());
        Long generation = bot.getMetadata().getGeneration();
        List<String> missing = in.missingReferences();
        List<Condition> conditions = new ArrayList<>();

        String storageName = bot.getSpec().getStorageRef().getName();
        Condition storage;
        if (in.storage().isEmpty()) {
            storage = Conditions.of(Bot.STORAGE_READY, false, "StorageBackendNotFound",
                    "StorageBackend " + storageName + " does not exist; the runtime is not deployed until it does", generation);
        } else if (!reachable(in.storage().get())) {
            storage = Conditions.of(Bot.STORAGE_READY, false, "StorageBackendUnreachable",
                    "StorageBackend " + storageName + " is not reachable: " + reachableMessage(in.storage().get()), generation);
        } else {
            storage = Conditions.of(Bot.STORAGE_READY, true, "StorageBackendReachable", "StorageBackend " + storageName + " is reachable", generation);
        }
        conditions.add(storage);

        List<String> missingSecrets = missing.stream().filter(m -> m.startsWith("Secret/")).toList();
        conditions.add(missingSecrets.isEmpty()
                ? Conditions.of(Bot.CHANNELS_READY, true, "SecretsPresent", "every referenced Secret exists", generation)
                : Conditions.of(Bot.CHANNELS_READY, false, "SecretNotFound", "missing " + String.join(", ", missingSecrets), generation));

        // With an autoscaler the Deployment's replicas are whatever the autoscaler last set.
        int wanted = deployment.map(d -> d.getSpec().getReplicas()).orElse(1);
        int replicas = deployment.map(Deployment::getStatus).map(s -> s.getReplicas()).orElse(0);
        int ready = deployment.map(Deployment::getStatus).map(s -> s.getReadyReplicas()).orElse(0);
        boolean paused = Boolean.TRUE.equals(bot.getSpec().getPaused());

        BotPhase phase;
        Condition readyCondition;
        if (!isServed) {
            phase = BotPhase.Failed;
            readyCondition = Conditions.of(Bot.READY, false, "UnsupportedFlow", "flow "
                    + ServedFlows.name(bot.getSpec().getFlow()) + " is not served by this runtime (it serves "
                    + served.stream().map(ServedFlows::name).sorted().collect(Collectors.joining(", "))
                    + "); no runtime is deployed for this Bot", generation);
        } else if (!missing.isEmpty()) {
            phase = BotPhase.Failed;
            readyCondition = Conditions.of(Bot.READY, false, "MissingReference", "missing " + String.join(", ", missing), generation);
        } else if (paused) {
            phase = BotPhase.Paused;
            readyCondition = Conditions.of(Bot.READY, false, "Paused", "spec.paused is true", generation);
        } else if (deployment.isEmpty() || ready == 0) {
            phase = BotPhase.Pending;
            readyCondition = Conditions.of(Bot.READY, false, "RuntimeNotReady", "no runtime pod is ready yet", generation);
        } else if (ready < wanted || !storage.getStatus().equals("True")) {
            phase = BotPhase.Degraded;
            readyCondition = Conditions.of(Bot.READY, true, "RuntimeDegraded", ready + " of " + wanted + " runtime pods ready", generation);
        } else {
            phase = BotPhase.Running;
            readyCondition = Conditions.of(Bot.READY, true, "RuntimeReady", ready + " of " + wanted + " runtime pods ready", generation);
        }
        conditions.add(0, readyCondition);

        BotStatus status = new BotStatus();
        status.setObservedGeneration(generation);
        status.setPhase(phase);
        status.setReplicas(replicas);
        status.setReadyReplicas(ready);
        status.setWebhookUrl(BotNames.webhookUrl(bot));
        status.setServedFlow(isServed ? ServedFlows.name(bot.getSpec().getFlow()) : null);
        status.setConditions(conditions);
        return status;
    }

    /**
     * The status after a failed reconcile (an object refused by the API server, a quota, a conflict): what the
     * status said before, with phase Failed and a Ready condition that carries the API server's reason, so that
     * {@code kubectl get pbot} shows why. The SDK retries with backoff and the next success replaces it.
     */
    public static BotStatus reconcileFailed(Bot bot, Exception error) {
        BotStatus previous = bot.getStatus();
        BotStatus status = new BotStatus();
        status.setObservedGeneration(bot.getMetadata().getGeneration());
        status.setPhase(BotPhase.Failed);
        status.setReplicas(previous == null ? null : previous.getReplicas());
        status.setReadyReplicas(previous == null ? null : previous.getReadyReplicas());
        status.setWebhookUrl(BotNames.webhookUrl(bot));
        status.setServedFlow(previous == null ? null : previous.getServedFlow());
        List<Condition> conditions = new ArrayList<>();
        conditions.add(Conditions.of(Bot.READY, false, "ReconcileError", reason(error), bot.getMetadata().getGeneration()));
        if (previous != null && previous.getConditions() != null) {
            previous.getConditions().stream().filter(c -> !Bot.READY.equals(c.getType())).forEach(conditions::add);
        }
        status.setConditions(conditions);
        return status;
    }

    /**
     * What went wrong, short enough for a condition: per failed dependent ("configmap: ..."), the API server's
     * message when there is one (it names the object and the rule), else the innermost cause's.
     */
    static String reason(Exception error) {
        AggregatedOperatorException aggregated = null;
        for (Throwable t = error; t != null && aggregated == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AggregatedOperatorException a && !a.getAggregatedExceptions().isEmpty()) {
                aggregated = a;
            }
        }
        String text = aggregated != null
                ? aggregated.getAggregatedExceptions().entrySet().stream()
                        .map(e -> e.getKey() + ": " + message(e.getValue()))
                        .sorted()
                        .collect(Collectors.joining("; "))
                : message(error);
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
    }

    private static String message(Throwable error) {
        String message = null;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null) {
                return k.getStatus().getMessage();
            }
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? error.getClass().getSimpleName() : message;
    }

    private static final int MAX_MESSAGE = 400;

    private static boolean reachable(StorageBackend storage) {
        // A StorageBackend not checked yet counts as reachable; the check's own condition says otherwise when it fails.
        return storage.getStatus() == null || storage.getStatus().getConditions().stream()
                .filter(c -> StorageBackend.REACHABLE.equals(c.getType()))
                .allMatch(c -> "True".equals(c.getStatus()));
    }

    private static String reachableMessage(StorageBackend storage) {
        return storage.getStatus().getConditions().stream()
                .filter(c -> StorageBackend.REACHABLE.equals(c.getType()))
                .map(Condition::getMessage).findFirst().orElse("unknown");
    }

    /** Whether writing {@code next} would change what the Bot's status says. */
    public static boolean sameStatus(BotStatus current, BotStatus next) {
        return current != null
                && java.util.Objects.equals(current.getObservedGeneration(), next.getObservedGeneration())
                && current.getPhase() == next.getPhase()
                && java.util.Objects.equals(current.getReplicas(), next.getReplicas())
                && java.util.Objects.equals(current.getReadyReplicas(), next.getReadyReplicas())
                && java.util.Objects.equals(current.getWebhookUrl(), next.getWebhookUrl())
                && java.util.Objects.equals(current.getServedFlow(), next.getServedFlow())
                && Conditions.sameFacts(current.getConditions(), next.getConditions());
    }
}
