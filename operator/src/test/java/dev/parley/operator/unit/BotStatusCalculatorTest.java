package dev.parley.operator.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.bot.BotPhase;
import dev.parley.api.v1alpha1.bot.BotStatus;
import dev.parley.operator.dependent.BotInputs;
import dev.parley.operator.dependent.ServedFlows;
import dev.parley.operator.status.BotStatusCalculator;
import dev.parley.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

class BotStatusCalculatorTest {

    private final Bot bot = Fixtures.bot("  scalingPolicyRef: {name: standard}\n");

    @Test
    void missingReferencesAreNamedAndTheBotIsFailed() {
        BotInputs in = new BotInputs(bot, Optional.empty(), Optional.empty(), Map.of("tg", Fixtures.allSecrets().get("tg")), Fixtures.CONFIG);
        BotStatus status = BotStatusCalculator.calculate(in, Optional.empty());

        assertThat(status.getPhase()).isEqualTo(BotPhase.Failed);
        assertThat(condition(status, Bot.READY).getMessage()).contains("StorageBackend/db", "ScalingPolicy/standard");
        assertThat(condition(status, Bot.STORAGE_READY).getStatus()).isEqualTo("False");
        assertThat(condition(status, Bot.STORAGE_READY).getReason()).isEqualTo("StorageBackendNotFound");
        assertThat(status.getObservedGeneration()).isEqualTo(3L);
    }

    @Test
    void thisBuildsRuntimeServesEveryFlowOfTheApi() {
        assertThat(ServedFlows.SERVED).containsExactlyInAnyOrder(dev.parley.api.v1alpha1.bot.Flow.values());
    }

    @Test
    void aFlowTheRuntimeDoesNotServeIsRefusedWithAConditionNotACrashLoop() {
        // a runtime image older than the API: it lacks catalogWatch
        Bot watch = Fixtures.bot("");
        watch.getSpec().setFlow(dev.parley.api.v1alpha1.bot.Flow.CATALOG_WATCH);
        BotInputs in = new BotInputs(watch, Optional.of(Fixtures.storage()), Optional.empty(), Fixtures.allSecrets(), Fixtures.CONFIG);
        BotStatus status = BotStatusCalculator.calculate(in, Optional.empty(),
                java.util.Set.of(dev.parley.api.v1alpha1.bot.Flow.ORDER_AGENT, dev.parley.api.v1alpha1.bot.Flow.SHOP));

        assertThat(status.getPhase()).isEqualTo(BotPhase.Failed);
        assertThat(condition(status, Bot.READY).getStatus()).isEqualTo("False");
        assertThat(condition(status, Bot.READY).getReason()).isEqualTo("UnsupportedFlow");
        assertThat(condition(status, Bot.READY).getMessage()).contains("flow catalogWatch is not served", "orderAgent, shop");
        assertThat(status.getServedFlow()).isNull();
    }

    @Test
    void theStatusSaysWhichFlowTheRuntimeServes() {
        Bot shop = Fixtures.bot("");
        shop.getSpec().setFlow(dev.parley.api.v1alpha1.bot.Flow.SHOP);
        BotInputs in = new BotInputs(shop, Optional.of(Fixtures.storage()), Optional.empty(), Fixtures.allSecrets(), Fixtures.CONFIG);
        BotStatus status = BotStatusCalculator.calculate(in, Optional.empty());

        assertThat(status.getServedFlow()).isEqualTo("shop");
        assertThat(condition(status, Bot.READY).getReason()).isNotEqualTo("UnsupportedFlow");
        BotStatus without = BotStatusCalculator.calculate(in, Optional.empty());
        without.setServedFlow(null);
        assertThat(BotStatusCalculator.sameStatus(without, status)).as("a change of the served flow is written").isFalse();
    }

    @Test
    void aMissingSecretIsNamedInChannelsReady() {
        var secrets = new java.util.HashMap<>(Fixtures.allSecrets());
        secrets.remove("cache");
        BotInputs in = new BotInputs(bot, Optional.of(Fixtures.storage()), Optional.of(Fixtures.policy()), secrets, Fixtures.CONFIG);
        BotStatus status = BotStatusCalculator.calculate(in, Optional.empty());

        assertThat(condition(status, Bot.CHANNELS_READY).getStatus()).isEqualTo("False");
        assertThat(condition(status, Bot.CHANNELS_READY).getMessage()).contains("Secret/cache");
        assertThat(status.getPhase()).isEqualTo(BotPhase.Failed);
    }

    @Test
    void aFailedReconcileSaysWhatTheApiServerRefusedAndKeepsTheOtherConditions() {
        BotInputs in = Fixtures.inputs(bot, Optional.of(Fixtures.policy()));
        BotStatus before = BotStatusCalculator.calculate(in, Optional.of(deployment(2, 2)));
        bot.setStatus(before);
        var refused = new io.fabric8.kubernetes.client.KubernetesClientException(new io.fabric8.kubernetes.api.model.StatusBuilder()
                .withCode(403).withMessage("configmaps \"textile-orders\" is forbidden: exceeded quota: no-configmaps").build());

        var workflowFailed = new io.javaoperatorsdk.operator.AggregatedOperatorException("Exception(s) during workflow execution",
                Map.of("configmap", new RuntimeException("wrapped", refused)));

        BotStatus failed = BotStatusCalculator.reconcileFailed(bot, new RuntimeException("reconcile failed", workflowFailed));

        assertThat(failed.getPhase()).isEqualTo(BotPhase.Failed);
        assertThat(condition(failed, Bot.READY).getStatus()).isEqualTo("False");
        assertThat(condition(failed, Bot.READY).getReason()).isEqualTo("ReconcileError");
        assertThat(condition(failed, Bot.READY).getMessage())
                .isEqualTo("configmap: configmaps \"textile-orders\" is forbidden: exceeded quota: no-configmaps");
        assertThat(condition(failed, Bot.STORAGE_READY)).isEqualTo(condition(before, Bot.STORAGE_READY));
        assertThat(failed.getReadyReplicas()).isEqualTo(2);
        assertThat(BotStatusCalculator.sameStatus(failed, BotStatusCalculator.reconcileFailed(bot, workflowFailed)))
                .as("the same failure again writes nothing").isTrue();
        assertThat(condition(BotStatusCalculator.reconcileFailed(bot, new IllegalStateException("y".repeat(2000))), Bot.READY).getMessage())
                .as("long messages are cut").hasSizeLessThanOrEqualTo(400);
        assertThat(condition(BotStatusCalculator.reconcileFailed(bot, new RuntimeException("outer", new IllegalStateException("inner"))),
                Bot.READY).getMessage()).as("the innermost cause").isEqualTo("inner");
    }

    @Test
    void pendingUntilAPodIsReadyThenRunning() {
        BotInputs in = Fixtures.inputs(bot, Optional.of(Fixtures.policy()));
        assertThat(BotStatusCalculator.calculate(in, Optional.of(deployment(2, 0))).getPhase()).isEqualTo(BotPhase.Pending);
        assertThat(BotStatusCalculator.calculate(in, Optional.of(deployment(2, 1))).getPhase()).isEqualTo(BotPhase.Degraded);

        BotStatus running = BotStatusCalculator.calculate(in, Optional.of(deployment(2, 2)));
        assertThat(running.getPhase()).isEqualTo(BotPhase.Running);
        assertThat(condition(running, Bot.READY).getStatus()).isEqualTo("True");
        assertThat(running.getReadyReplicas()).isEqualTo(2);
        assertThat(running.getWebhookUrl()).isEqualTo("https://textile.example.com/webhooks/textile-orders");
    }

    @Test
    void anUnchangedStatusIsRecognisedSoNothingIsWritten() {
        BotInputs in = Fixtures.inputs(bot, Optional.of(Fixtures.policy()));
        BotStatus first = BotStatusCalculator.calculate(in, Optional.of(deployment(2, 2)));
        first.setConditions(Conditions.merge(List.of(), first.getConditions()));
        BotStatus again = BotStatusCalculator.calculate(in, Optional.of(deployment(2, 2)));

        assertThat(BotStatusCalculator.sameStatus(first, again)).isTrue();
        assertThat(BotStatusCalculator.sameStatus(first, BotStatusCalculator.calculate(in, Optional.of(deployment(2, 1))))).isFalse();
    }

    @Test
    void transitionTimeIsKeptWhileTheStatusStaysTheSame() {
        Condition old = new io.fabric8.kubernetes.api.model.ConditionBuilder(Conditions.of(Bot.READY, true, "RuntimeReady", "1 of 1", 1L))
                .withLastTransitionTime("2026-01-01T00:00:00Z").build();
        List<Condition> sameStatus = Conditions.merge(List.of(old), List.of(Conditions.of(Bot.READY, true, "RuntimeReady", "2 of 2", 2L)));
        List<Condition> flipped = Conditions.merge(List.of(old), List.of(Conditions.of(Bot.READY, false, "RuntimeNotReady", "0 of 2", 2L)));

        assertThat(sameStatus.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(flipped.get(0).getLastTransitionTime()).isNotEqualTo("2026-01-01T00:00:00Z");
    }

    private static Deployment deployment(int replicas, int ready) {
        return new DeploymentBuilder().withNewSpec().withReplicas(replicas).endSpec()
                .withNewStatus().withReplicas(replicas).withReadyReplicas(ready).endStatus().build();
    }

    private static Condition condition(BotStatus status, String type) {
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
    }
}
