package dev.parley.api.v1alpha1.bot;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One chat bot: its flow, channels, storage, scaling and commerce settings. */
@Group("parley.dev")
@Version("v1alpha1")
@ShortNames("pbot")
@Categories("parley")
@AdditionalPrinterColumn(name = "Flow", jsonPath = ".spec.flow", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Replicas", jsonPath = ".status.readyReplicas", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Storage", jsonPath = ".spec.storageRef.name", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Webhook", jsonPath = ".status.webhookUrl", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Bot extends CustomResource<BotSpec, BotStatus> implements Namespaced {

    /** Condition type: the bot's runtime is available and serving its channels. */
    public static final String READY = "Ready";
    /** Condition type: the referenced StorageBackend exists and is reachable. */
    public static final String STORAGE_READY = "StorageReady";
    /** Condition type: every configured channel has its secrets and webhook. */
    public static final String CHANNELS_READY = "ChannelsReady";
}
