package dev.parley.operator.dependent;

import java.util.List;
import java.util.Map;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.operator.dependent.monitoring.ServiceMonitor;
import dev.parley.operator.dependent.monitoring.ServiceMonitorSpec;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * A Prometheus Operator ServiceMonitor for the bot's /q/metrics; only in clusters that have the ServiceMonitor CRD
 * (see {@link ServiceMonitorCrdPresent}).
 */
@KubernetesDependent(informer = @Informer(labelSelector = BotNames.SELECTOR))
public class BotServiceMonitor extends BotDependent<ServiceMonitor> {

    public static final String CRD_NAME = "servicemonitors.monitoring.coreos.com";

    public BotServiceMonitor() {
        super(ServiceMonitor.class);
    }

    @Override
    protected ServiceMonitor desired(Bot bot, Context<Bot> context) {
        return desired(bot);
    }

    public static ServiceMonitor desired(Bot bot) {
        ServiceMonitor monitor = new ServiceMonitor();
        monitor.setMetadata(new ObjectMetaBuilder()
                .withName(BotNames.name(bot))
                .withNamespace(bot.getMetadata().getNamespace())
                .withLabels(BotNames.labels(bot))
                .build());
        ServiceMonitorSpec spec = new ServiceMonitorSpec();
        spec.selector = new LabelSelectorBuilder()
                .withMatchLabels(Map.of(BotNames.LABEL_BOT, BotNames.name(bot), BotNames.LABEL_MANAGED_BY, BotNames.MANAGED_BY))
                .build();
        spec.endpoints = List.of(new ServiceMonitorSpec.Endpoint("http", "/q/metrics", "30s"));
        monitor.setSpec(spec);
        return monitor;
    }
}
