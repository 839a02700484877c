package dev.parley.operator.dependent;

import dev.parley.api.v1alpha1.bot.Bot;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * Whether the cluster has the Prometheus Operator's ServiceMonitor CRD, read from the Bot controller's informer on
 * that one CRD: no API call per reconcile, and its appearance re-reconciles every Bot.
 */
public class ServiceMonitorCrdPresent implements Condition<Object, Bot> {

    @Override
    @SuppressWarnings("unchecked")
    public boolean isMet(DependentResource<Object, Bot> dependentResource, Bot bot, Context<Bot> context) {
        var crds = (InformerEventSource<CustomResourceDefinition, Bot>) context.eventSourceRetriever()
                .getEventSourceFor(CustomResourceDefinition.class);
        return crds.get(new ResourceID(BotServiceMonitor.CRD_NAME)).isPresent();
    }
}
