package dev.parley.api.v1alpha1.storage;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** Where a bot keeps its state: PostgreSQL (authoritative) and optionally Redis. */
@Group("parley.dev")
@Version("v1alpha1")
@ShortNames("sb")
@Categories("parley")
@AdditionalPrinterColumn(name = "Host", jsonPath = ".spec.postgres.host", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Sessions", jsonPath = ".spec.sessions", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reachable", jsonPath = ".status.conditions[?(@.type==\"Reachable\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Postgres", jsonPath = ".status.postgresVersion", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Redis", jsonPath = ".status.redisVersion", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class StorageBackend extends CustomResource<StorageBackendSpec, StorageBackendStatus> implements Namespaced {

    /** Condition type: the operator could connect to every configured server. */
    public static final String REACHABLE = "Reachable";
}
