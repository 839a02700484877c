package dev.parley.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The Prometheus Operator's ServiceMonitor CRD, as far as the operator cares: its name, group and kind. Installing
 * it makes a test cluster look like one that runs the Prometheus Operator.
 */
public final class ServiceMonitorCrd {

    public static final String NAME = "servicemonitors.monitoring.coreos.com";

    private ServiceMonitorCrd() {
    }

    public static void install(KubernetesClient client) {
        CustomResourceDefinition crd = Serialization.unmarshal("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: servicemonitors.monitoring.coreos.com}
                spec:
                  group: monitoring.coreos.com
                  scope: Namespaced
                  names: {kind: ServiceMonitor, plural: servicemonitors, singular: servicemonitor, listKind: ServiceMonitorList}
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
                """, CustomResourceDefinition.class);
        client.resource(crd).fieldManager("parley-tests").forceConflicts().serverSideApply();
    }
}
